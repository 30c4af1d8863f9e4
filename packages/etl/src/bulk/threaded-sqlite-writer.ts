import type BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BulkWriter, Dimensions, FileRecord, ForeignBasket, WriteBatch } from './bulk-writer.js';
import { StringTable, packBatch } from './packed-batch.js';
import { SqliteBulkWriter } from './sqlite-bulk-writer.js';
import { WriteQueue } from './write-queue.js';

/** Batches queued to the worker before `write` waits: bounds memory, keeps both cores busy. */
const MAX_IN_FLIGHT = 3;

/**
 * Where the compiled worker script is: next to this module in `dist/`, or — when this module runs
 * from `src/` under a test runner — in the built `dist/`. Undefined when neither exists (e.g. inside
 * a bundle); callers then write on the main thread.
 *
 * @example
 * sqliteWorkerScript(); // URL of dist/bulk/sqlite-writer-worker.js, or undefined
 */
export function sqliteWorkerScript(): URL | undefined {
  for (const candidate of ['./sqlite-writer-worker.js', '../../dist/bulk/sqlite-writer-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * SQLite bulk writer whose statements run in a worker thread on its own connection (the file's
 * transaction lives there); only the cross-file basket lookup runs here, on the caller's connection,
 * which sees every committed file. `write` returns once the batch is queued, so reading and validating
 * the next batch overlaps SQLite's work on the previous one.
 *
 * @example
 * const writer = new ThreadedSqliteWriter(db.sqlite, db.path, sqliteWorkerScript()!);
 */
export class ThreadedSqliteWriter implements BulkWriter {
  readonly dialect = 'sqlite' as const;
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Queued writes; the worker's message queue keeps their order. */
  private readonly writes = new WriteQueue(MAX_IN_FLIGHT, { sequential: false });
  private readonly reader: SqliteBulkWriter;
  /** Strings already sent to the worker (it keeps the same table). */
  private readonly strings = new StringTable();

  constructor(
    db: BetterSqlite3.Database,
    private readonly path: string,
    private readonly script: URL,
  ) {
    this.reader = new SqliteBulkWriter(db);
  }

  private call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.callTransferring<T>(method, args, []);
  }

  private callTransferring<T>(method: string, args: unknown[], transfer: ArrayBuffer[]): Promise<T> {
    const worker = this.worker;
    if (worker === undefined) return Promise.reject(new Error('ThreadedSqliteWriter is not open'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, method, args }, transfer);
    });
  }

  async open(): Promise<void> {
    const worker = new Worker(this.script, { workerData: { path: this.path } });
    this.worker = worker;
    worker.on('message', (m: { id: number; result?: unknown; error?: { message: string; code?: string; name?: string } }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }));
      else p.resolve(m.result);
    });
    worker.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    });
    await this.call('open');
  }

  async close(): Promise<void> {
    if (this.worker === undefined) return;
    try {
      await this.writes.settle();
      await this.call('close');
      await this.call('shutdown');
    } finally {
      await this.worker.terminate();
      this.worker = undefined;
    }
  }

  begin(): Promise<void> {
    return this.call('begin');
  }

  async commit(): Promise<void> {
    await this.writes.drain();
    await this.call('commit');
  }

  async rollback(): Promise<void> {
    await this.writes.settle();
    await this.call('rollback');
  }

  changeToken(): Promise<string> {
    return this.call('changeToken');
  }

  fileByPath(path: string): Promise<FileRecord | undefined> {
    return this.call('fileByPath', path);
  }

  nextFileId(): Promise<number> {
    return this.call('nextFileId');
  }

  async removeFileRows(fileId: number): Promise<void> {
    await this.writes.drain();
    await this.call('removeFileRows', fileId);
  }

  async saveFileRecord(record: FileRecord, isNew: boolean): Promise<void> {
    await this.writes.drain();
    await this.call('saveFileRecord', record, isNew);
  }

  loadDimensions(): Promise<Dimensions> {
    return this.call('loadDimensions');
  }

  /** Other files' baskets are committed, so this connection sees them without waiting for the worker. */
  foreignBaskets(ids: string[], exceptFileId: number): Promise<Map<string, ForeignBasket>> {
    return this.reader.foreignBaskets(ids, exceptFileId);
  }

  async write(batch: WriteBatch): Promise<void> {
    await this.writes.add(() => {
      // Baskets and items go as typed columns that move to the worker without being copied.
      const { packed, transfer } = packBatch(batch, this.strings);
      return this.callTransferring('writePacked', [packed], transfer);
    });
  }
}
