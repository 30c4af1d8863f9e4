import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';
import { parseDatabaseUrl, redactUrl } from './database-url.js';
import { invalid } from './errors.js';
import { migrateToLatest } from './migrate.js';

interface AtmDatabaseBase {
  /** The URL it was opened with, password redacted. */
  readonly url: string;
  /** Typed query builder over the {@link Database} schema. */
  readonly kysely: Kysely<Database>;
  /** Close the connection (SQLite) or end the pool (PostgreSQL). Idempotent. */
  close(): Promise<void>;
}

/** An open SQLite database: kysely plus the better-sqlite3 handle for bulk paths. */
export interface SqliteAtmDatabase extends AtmDatabaseBase {
  readonly dialect: 'sqlite';
  readonly path: string;
  readonly sqlite: BetterSqlite3.Database;
}

/** An open PostgreSQL database: kysely plus the pg pool for bulk paths (COPY). */
export interface PostgresAtmDatabase extends AtmDatabaseBase {
  readonly dialect: 'postgres';
  readonly pool: pg.Pool;
}

/** A database handle from {@link openDatabase}; `dialect` tells which driver is underneath. */
export type AtmDatabase = SqliteAtmDatabase | PostgresAtmDatabase;

export interface OpenDatabaseOptions {
  /** Run the migrations to the latest version on open (default true). */
  migrate?: boolean;
}

const OPTION_KEYS = new Set(['migrate']);

/**
 * The SQLite settings every connection gets: WAL (readers never block the writer), NORMAL sync (safe
 * against process crashes, fast commits), foreign keys on, a 10 s busy timeout, 64 MiB page cache,
 * 256 MiB memory map, temp tables in memory.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'foreign_keys = ON',
  'busy_timeout = 10000',
  'cache_size = -65536',
  'mmap_size = 268435456',
  'temp_store = MEMORY',
] as const;

/**
 * Open (and by default migrate) an ATM database. `sqlite:<path>` uses better-sqlite3 (the file is
 * created if missing); `postgres://…` uses a pg pool. The same schema and queries serve both.
 *
 * @example
 * const db = await openDatabase('sqlite:data/atm.db');
 * const n = await db.kysely.selectFrom('baskets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
 * await db.close();
 */
export async function openDatabase(url: string, options: OpenDatabaseOptions = {}): Promise<AtmDatabase> {
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
  for (const key of Object.keys(options))
    if (!OPTION_KEYS.has(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} for openDatabase`);
  if (options.migrate !== undefined && typeof options.migrate !== 'boolean')
    throw new TypeError(invalid('a boolean', 'options.migrate', options.migrate));
  const target = parseDatabaseUrl(url);
  let db: AtmDatabase;
  if (target.dialect === 'sqlite') {
    let sqlite: BetterSqlite3.Database;
    try {
      sqlite = new BetterSqlite3(target.path);
    } catch (error) {
      throw new Error(`Cannot open SQLite database ${target.path}: ${(error as Error).message}`, { cause: error });
    }
    for (const pragma of SQLITE_PRAGMAS) sqlite.pragma(pragma);
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    db = { dialect: 'sqlite', url: redactUrl(url), path: target.path, sqlite, kysely, close: once(() => kysely.destroy()) };
  } else {
    const pool = new pg.Pool({ connectionString: target.connectionString });
    // An idle client that loses its connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    db = { dialect: 'postgres', url: redactUrl(url), pool, kysely, close: once(() => kysely.destroy()) };
  }
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(db.kysely);
    } catch (error) {
      await db.close();
      throw new Error(`Cannot open ${db.url}: ${(error as Error).message}`, { cause: error });
    }
  }
  return db;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
