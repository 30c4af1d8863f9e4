import { sql } from 'kysely';
import { TABLES } from './database.js';
import type { TableName } from './database.js';
import type { AtmDatabase } from './open-database.js';

/** Every table's rows as sorted lines of text: equal snapshots mean equal contents, whatever the dialect. */
export type DatabaseSnapshot = Record<TableName, string[]>;

/**
 * A dialect-neutral picture of the whole database (values as text, rows sorted), for comparing a
 * SQLite and a PostgreSQL load, or a database before and after a refused file. Columns listed in
 * `ignore` (e.g. `loaded_at`) are left out.
 *
 * @example
 * expect(await databaseSnapshot(sqliteDb, ['loaded_at'])).toEqual(await databaseSnapshot(pgDb, ['loaded_at']));
 */
export async function databaseSnapshot(db: AtmDatabase, ignore: readonly string[] = []): Promise<DatabaseSnapshot> {
  const out = {} as DatabaseSnapshot;
  for (const table of TABLES) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    out[table] = rows
      .map((r) =>
        Object.keys(r)
          .filter((k) => !ignore.includes(k))
          .sort()
          .map((k) => `${k}=${r[k] === null ? '∅' : String(r[k])}`)
          .join('|'),
      )
      .sort();
  }
  return out;
}
