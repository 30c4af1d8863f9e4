import type { AtmDatabase } from '@atm/data';
import { invalid } from '@atm/core';
import { createBulkWriter } from './bulk/create-bulk-writer.js';
import { DimensionCache } from './dimension-cache.js';
import { IngestError } from './ingest-error.js';
import type { IngestOptions, IngestResult, IngestSummary } from './ingest-types.js';
import { FileRefusedError, loadFile } from './load-file.js';
import { discoverSources } from './sources/discover-sources.js';
import type { Refusal } from './sources/discover-sources.js';
import { prepareSource } from './sources/prepare-source.js';
import type { PreparedSource } from './sources/prepare-source.js';

const OPTION_KEYS = new Set(['onProgress', 'batchSize', 'threads']);

/**
 * Load LGSR files into the database: files or directories (walked for `.csv`, `.csv.gz`, `.zip`);
 * transactions files and `time.csv` are told apart by their header (time.csv loads first).
 *
 * First every file's header is read and its checksum taken; if any file is not LGSR at all (empty,
 * binary, wrong header, unreadable), nothing is loaded and an {@link IngestError} names each one.
 * Then each file loads in its own transaction: unchanged files are skipped, changed ones replace
 * their earlier rows, invalid rows go to `rejected_rows`. A file that fails while being read
 * (truncated gzip, …) is rolled back and ends the ingest with an {@link IngestError}; files
 * committed before it stay. Memory stays flat: rows stream through in batches.
 *
 * @example
 * const db = await openDatabase('sqlite:atm.db');
 * const summary = await ingest(['../shared/data/lgsr-5k'], db, { onProgress: (p) => console.log(p.path, p.rowsRead) });
 * summary.files.map((f) => `${f.path}: ${f.status}, ${f.rowsStored} stored, ${f.rowsRejected} rejected`);
 */
export async function ingest(paths: string | readonly string[], db: AtmDatabase, options: IngestOptions = {}): Promise<IngestSummary> {
  const list = typeof paths === 'string' ? [paths] : paths;
  if (!Array.isArray(list) || list.length === 0 || list.some((p) => typeof p !== 'string' || p === ''))
    throw new TypeError(invalid('a path or a non-empty array of paths', 'paths', paths));
  if (db === null || typeof db !== 'object' || (db.dialect !== 'sqlite' && db.dialect !== 'postgres'))
    throw new TypeError(invalid('a database from openDatabase()', 'db', db));
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
  for (const key of Object.keys(options)) if (!OPTION_KEYS.has(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} for ingest`);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    throw new TypeError(invalid('a function', 'options.onProgress', options.onProgress));
  // Writes are queued (SQLite: a worker thread; PostgreSQL: the server) while the next batch is
  // read, and a file's commit waits for its last batch: small batches keep that wait, and the
  // writer's idle time while the next file's first batch is read, short. PostgreSQL pays one COPY
  // round trip per table per batch, so it wants them a little larger. Measured on the 102 real
  // files: SQLite 16,384 → 2,048 lines 15.5 → 10.75 s; PostgreSQL 2,048 / 4,096 / 16,384 lines
  // 16.8–17.1 / 15.9 / 17.4–19.6 s.
  const batchSize = options.batchSize ?? (db.dialect === 'sqlite' ? 2048 : 4096);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(invalid('a positive integer', 'options.batchSize', batchSize));

  const started = performance.now();
  const discovery = await discoverSources(list);
  try {
    const refused: Refusal[] = [...discovery.refused];
    const prepared: PreparedSource[] = [];
    for (const source of discovery.sources) {
      const p = await prepareSource(source);
      if ('reason' in p) refused.push(p);
      else prepared.push(p);
    }
    if (refused.length) throw IngestError.refusal(refused, []);
    prepared.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'time' ? -1 : 1));

    if (options.threads !== undefined && typeof options.threads !== 'boolean')
      throw new TypeError(invalid('a boolean', 'options.threads', options.threads));
    const writer = createBulkWriter(db, { threads: options.threads });
    const cache = new DimensionCache();
    const files: IngestResult[] = [];
    await writer.open();
    try {
      for (const [fileIndex, p] of prepared.entries()) {
        try {
          files.push(await loadFile(p, { writer, cache, batchSize, fileIndex, fileCount: prepared.length, onProgress: options.onProgress }));
        } catch (error) {
          if (error instanceof FileRefusedError) throw IngestError.refusal([{ path: error.path, reason: error.reason }], files, error);
          const kept = files.length ? `; the ${files.length} file(s) before it stay loaded` : '';
          throw new IngestError(
            `Loading ${p.source.path} failed and was rolled back${kept}: ${(error as Error)?.message ?? String(error)}`,
            [],
            files,
            { cause: error },
          );
        }
      }
    } finally {
      await writer.close();
    }
    const sum = (k: 'rowsRead' | 'rowsStored' | 'rowsRejected' | 'duplicatesSkipped') => files.reduce((s, f) => s + f[k], 0);
    return {
      files,
      rowsRead: sum('rowsRead'),
      rowsStored: sum('rowsStored'),
      rowsRejected: sum('rowsRejected'),
      duplicatesSkipped: sum('duplicatesSkipped'),
      durationMs: performance.now() - started,
    };
  } finally {
    for (const archive of discovery.archives) archive.close();
  }
}
