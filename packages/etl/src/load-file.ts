import type { BulkWriter, FileRecord } from './bulk/bulk-writer.js';
import { emptyBatch } from './bulk/bulk-writer.js';
import type { DimensionCache } from './dimension-cache.js';
import type { IngestProgress, IngestResult } from './ingest-types.js';
import { TimeChecker } from './lgsr/time-checker.js';
import { TransactionChecker } from './lgsr/transaction-checker.js';
import type { PreparedSource } from './sources/prepare-source.js';
import { describeReadError } from './sources/read-error.js';
import { lineBatches } from './text/line-batches.js';
import { openText } from './text/open-text.js';

/**
 * A file that turned out not to be loadable while reading it (its transaction was rolled back).
 *
 * @example
 * throw new FileRefusedError('/data/week.csv.gz', 'truncated or corrupt gzip data (unexpected end of file)');
 */
export class FileRefusedError extends Error {
  override readonly name = 'FileRefusedError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export interface LoadContext {
  writer: BulkWriter;
  cache: DimensionCache;
  batchSize: number;
  fileIndex: number;
  fileCount: number;
  onProgress?: (p: IngestProgress) => void;
}

/**
 * Load one file in one transaction: skip it when the same path with the same checksum is recorded,
 * replace its earlier rows when the checksum changed, otherwise add it. Rows are validated in batches
 * (rejected rows go to `rejected_rows`); a read failure (truncated gzip, binary content, a file
 * changed under us) rolls everything back and throws {@link FileRefusedError}.
 *
 * @example
 * const result = await loadFile(prepared, { writer, cache, batchSize: 16384, fileIndex: 0, fileCount: 1 });
 */
export async function loadFile(p: PreparedSource, ctx: LoadContext): Promise<IngestResult> {
  const started = performance.now();
  const { writer, cache } = ctx;
  const path = p.source.path;
  await writer.begin();
  try {
    const existing = await writer.fileByPath(path);
    if (existing && existing.checksum === p.checksum && existing.kind === p.kind) {
      await writer.rollback();
      const result = resultOf(existing, 'unchanged', started);
      Object.assign(result, { rowsRead: 0, rowsStored: 0, rowsRejected: 0, duplicatesSkipped: 0 });
      report(ctx, p, result, existing.sizeBytes, true);
      return result;
    }
    const fileId = existing?.fileId ?? (await writer.nextFileId());
    if (existing) {
      await writer.removeFileRows(fileId);
      cache.invalidate();
    }
    const record: FileRecord = {
      fileId, path, kind: p.kind, checksum: p.checksum, sizeBytes: p.source.sizeBytes,
      rowsRead: 0, rowsStored: 0, rowsRejected: 0, rowsDuplicate: 0, loadedAt: new Date().toISOString(),
    };
    await writer.saveFileRecord(record, existing === undefined);
    const dims = await cache.get(writer);
    const checker = p.kind === 'time' ? new TimeChecker(dims) : new TransactionChecker(dims, fileId);
    const order = p.order;
    const { text, digest } = await openText(p.source);
    const batches = lineBatches(text, ctx.batchSize)[Symbol.asyncIterator]();
    let header = true;
    try {
      for (;;) {
        let step: IteratorResult<{ first: number; lines: string[] }>;
        try {
          step = await batches.next();
        } catch (error) {
          // Reading or decoding failed (truncated gzip, binary content, corrupt zip entry): not a database error.
          throw new FileRefusedError(path, describeReadError(p.source, error));
        }
        if (step.done) break;
        let texts = step.value.lines;
        let firstLine = step.value.first;
        if (header) {
          header = false;
          texts = texts.slice(1);
          firstLine++;
        }
        if (texts.length === 0) continue;
        const rows = new Array<string[]>(texts.length);
        for (let i = 0; i < texts.length; i++) {
          const f = texts[i].split(',');
          rows[i] = order === null || f.length !== order.length ? f : order.map((j) => f[j]);
        }
        const batch = emptyBatch(fileId);
        if (checker instanceof TransactionChecker) {
          const ids = checker.unseenBasketIds(rows);
          if (ids.length) checker.addForeign(ids, await writer.foreignBaskets(ids, fileId));
        }
        checker.check(rows, firstLine, texts, batch);
        await writer.write(batch);
        Object.assign(record, countsOf(checker.counts));
        report(ctx, p, resultOf(record, 'loaded', started), digest.bytes, false);
      }
    } finally {
      text.destroy();
    }
    if (digest.checksum() !== p.checksum)
      throw new FileRefusedError(path, 'the file changed while it was being read; ingest it again');
    Object.assign(record, countsOf(checker.counts));
    await writer.saveFileRecord(record, false);
    await writer.commit();
    const result = resultOf(record, existing ? 'replaced' : 'loaded', started);
    report(ctx, p, result, digest.bytes, true);
    return result;
  } catch (error) {
    cache.invalidate();
    try {
      await writer.rollback();
    } catch {
      // The connection may be gone; the transaction is rolled back server-side then.
    }
    throw error;
  }
}

function countsOf(c: { rowsRead: number; rowsStored: number; rowsRejected: number; duplicatesSkipped: number }) {
  return { rowsRead: c.rowsRead, rowsStored: c.rowsStored, rowsRejected: c.rowsRejected, rowsDuplicate: c.duplicatesSkipped };
}

function resultOf(r: FileRecord, status: IngestResult['status'], started: number): IngestResult {
  return {
    path: r.path, kind: r.kind, status, fileId: r.fileId, checksum: r.checksum,
    rowsRead: r.rowsRead, rowsStored: r.rowsStored, rowsRejected: r.rowsRejected, duplicatesSkipped: r.rowsDuplicate,
    durationMs: performance.now() - started,
  };
}

function report(ctx: LoadContext, p: PreparedSource, r: IngestResult, bytesRead: number, done: boolean): void {
  ctx.onProgress?.({
    path: r.path, kind: p.kind, fileIndex: ctx.fileIndex, fileCount: ctx.fileCount,
    rowsRead: r.rowsRead, rowsStored: r.rowsStored, rowsRejected: r.rowsRejected, duplicatesSkipped: r.duplicatesSkipped,
    bytesRead, sizeBytes: p.source.sizeBytes, done,
  });
}
