/**
 * Worker thread that owns a second SQLite connection and runs a {@link SqliteBulkWriter} on it, so
 * SQLite's insert work runs on one core while the main thread reads and validates on the other.
 * Protocol: `{ id, method, args }` in, `{ id, result }` or `{ id, error }` out.
 */
import BetterSqlite3 from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { SQLITE_PRAGMAS } from '@atm/data';
import type { PackedBatch } from './packed-batch.js';
import { unpackBatch } from './packed-batch.js';
import { SqliteBulkWriter } from './sqlite-bulk-writer.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-writer-worker must run as a worker thread');
const db = new BetterSqlite3((workerData as { path: string }).path);
for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
const bulk = new SqliteBulkWriter(db);
const writer = bulk as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
/** The sender's string table, grown by each packed batch. */
const strings: string[] = [];

port.on('message', async (m: { id: number; method: string; args: unknown[] }) => {
  try {
    if (m.method === 'shutdown') {
      db.close();
      port.postMessage({ id: m.id, result: undefined });
      port.close();
      return;
    }
    const result = m.method === 'writePacked' ? await bulk.write(unpackBatch(m.args[0] as PackedBatch, strings)) : await writer[m.method](...m.args);
    port.postMessage({ id: m.id, result });
  } catch (error) {
    const e = error as Error & { code?: string };
    port.postMessage({ id: m.id, error: { message: e?.message ?? String(error), code: e?.code, name: e?.name } });
  }
});
