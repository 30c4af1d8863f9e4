import type { AtmDatabase } from '@atm/data';
import type { BulkWriter } from './bulk-writer.js';
import { PostgresBulkWriter } from './postgres-bulk-writer.js';
import { SqliteBulkWriter } from './sqlite-bulk-writer.js';
import { ThreadedSqliteWriter, sqliteWorkerScript } from './threaded-sqlite-writer.js';

/**
 * The bulk writer for a database's dialect. SQLite files are written from a worker thread (its own
 * connection) unless `threads` is false, the database is in memory, or the worker script is not on
 * disk (a bundled build); then on the calling thread.
 *
 * @example
 * const writer = createBulkWriter(db); // ThreadedSqliteWriter, SqliteBulkWriter or PostgresBulkWriter
 */
export function createBulkWriter(db: AtmDatabase, options: { threads?: boolean } = {}): BulkWriter {
  if (db.dialect === 'postgres') return new PostgresBulkWriter(db.pool);
  const script = options.threads === false || db.path === ':memory:' ? undefined : sqliteWorkerScript();
  return script ? new ThreadedSqliteWriter(db.sqlite, db.path, script) : new SqliteBulkWriter(db.sqlite);
}
