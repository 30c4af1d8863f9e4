import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl } from './database-url.js';
import { openDatabase } from './open-database.js';
import type { AtmDatabase } from './open-database.js';

/** The PostgreSQL server tests use: env `ATM_PG_URL`, or the local socket's `atm_test` database. */
export const DEFAULT_PG_URL = 'postgres:///atm_test?host=/var/run/postgresql';

/** A throw-away database and how to reach it again (e.g. from a child process). */
export interface ScratchDatabase {
  db: AtmDatabase;
  /** A URL that opens this same database (for SQLite the file; for PostgreSQL the schema via search_path). */
  url: string;
  /** Close it and delete everything: the temp directory, or the schema. */
  dispose(): Promise<void>;
}

/**
 * Whether PostgreSQL tests are switched off: only when env `ATM_PG_URL` is the literal `off`.
 * Anything else means a server must be reachable (a missing one is an error, not a skip).
 *
 * @example
 * const dialects = postgresDisabled() ? ['sqlite'] : ['sqlite', 'postgres'];
 */
export function postgresDisabled(): boolean {
  return process.env.ATM_PG_URL === 'off';
}

/**
 * A fresh, migrated database for one test: a SQLite file in its own temp directory, or a new schema
 * in the PostgreSQL database of `ATM_PG_URL` (default {@link DEFAULT_PG_URL}). Tests can run in
 * parallel; `dispose()` removes every trace.
 *
 * @example
 * const scratch = await openScratchDatabase('postgres');
 * try { await useIt(scratch.db); } finally { await scratch.dispose(); }
 */
export async function openScratchDatabase(dialect: 'sqlite' | 'postgres', options: { migrate?: boolean } = {}): Promise<ScratchDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'atm-test-'));
    return scratch(`sqlite:${join(dir, 'atm.db')}`, options, () => rmSync(dir, { recursive: true, force: true }));
  }
  if (postgresDisabled()) throw new Error('PostgreSQL is switched off (ATM_PG_URL=off)');
  const base = process.env.ATM_PG_URL || DEFAULT_PG_URL;
  const target = parseDatabaseUrl(base);
  if (target.dialect !== 'postgres') throw new RangeError(`ATM_PG_URL must be a postgres:// URL, not ${base}`);
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(target.connectionString, `create schema ${schema}`);
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return scratch(url, options, () => adminQuery(target.connectionString, `drop schema ${schema} cascade`));
}

/** Open `url`; `dispose` closes it and runs `cleanup` (which also runs if opening fails). */
async function scratch(url: string, options: { migrate?: boolean }, cleanup: () => unknown): Promise<ScratchDatabase> {
  let db: AtmDatabase;
  try {
    db = await openDatabase(url, options);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    db,
    url,
    dispose: async () => {
      await db.close();
      await cleanup();
    },
  };
}

/** One statement on a short-lived connection (schema creation and removal). */
async function adminQuery(connectionString: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    await client.query(text);
  } finally {
    await client.end().catch(() => {});
  }
}
