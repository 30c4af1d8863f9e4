import { Migrator, sql } from 'kysely';
import type { Kysely, MigrationResult } from 'kysely';
import type { Database } from './database.js';
import { dialectOf } from './migrations/dialect-of.js';
import { StaticMigrationProvider } from './migrations/migration-provider.js';

/** The outcome of a migration run: each migration applied (or undone) and its status. */
export interface MigrationOutcome {
  results: MigrationResult[];
}

/**
 * On PostgreSQL the migration tables live in the connection's current schema (the first on the
 * search_path): kysely would otherwise find another schema's tables and skip creating its own.
 */
async function migrator(db: Kysely<Database>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema ?? undefined;
  }
  return new Migrator({ db, provider: new StaticMigrationProvider(), migrationTableSchema });
}

async function run(step: Promise<{ error?: unknown; results?: MigrationResult[] }>, what: string): Promise<MigrationOutcome> {
  const { error, results } = await step;
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`${what} failed${failed ? ` in ${failed.migrationName}` : ''}: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
  return { results: results ?? [] };
}

/**
 * Bring the schema to the latest migration (kysely `Migrator`, static provider). Idempotent.
 *
 * @example
 * const { results } = await migrateToLatest(db.kysely);
 * results.map((r) => `${r.migrationName}: ${r.status}`);
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationOutcome> {
  return run((await migrator(db)).migrateToLatest(), 'Migration to latest');
}

/**
 * Undo every migration (drops all tables). For tests and `reset` commands.
 *
 * @example
 * await migrateDownAll(db.kysely);
 */
export async function migrateDownAll(db: Kysely<Database>): Promise<MigrationOutcome> {
  const all: MigrationResult[] = [];
  for (;;) {
    const { results } = await run((await migrator(db)).migrateDown(), 'Migration down');
    if (results.length === 0) return { results: all };
    all.push(...results);
  }
}
