import type { RejectRow, WriteBatch } from '../bulk/bulk-writer.js';

/** Why a row was rejected: the column at fault (null for the whole line) and a sentence. */
export interface Rejection {
  field: string | null;
  reason: string;
}

/** Row accounting of one file: read = stored + rejected + duplicates, always. */
export interface RowCounts {
  rowsRead: number;
  rowsStored: number;
  rowsRejected: number;
  duplicatesSkipped: number;
}

/** Returned by a row check when the row repeats one already stored (skipped, counted). */
export const DUPLICATE = 'duplicate' as const;

/**
 * A value as shown in a reason: JSON-quoted, cut at 40 characters.
 *
 * @example
 * shown('abc'); // '"abc"'
 */
export function shown(v: string): string {
  const text = rawText(v);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * The raw line as text: files are read byte-per-char (latin1); re-decode non-ASCII as UTF-8.
 *
 * @example
 * rawText(Buffer.from('é', 'utf8').toString('latin1')); // 'é'
 */
export function rawText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\x00-\x7f]/.test(text) ? Buffer.from(text, 'latin1').toString('utf8') : text;
}

/**
 * Record a rejection in the batch and the counts.
 *
 * @example
 * reject(batch, counts, 12, 'a,b', { field: null, reason: 'expected 22 columns but found 2' });
 */
export function reject(batch: WriteBatch, counts: RowCounts, line: number, text: string, r: Rejection): void {
  counts.rowsRejected++;
  const row: RejectRow = { line, field: r.field, reason: r.reason, raw: rawText(text) };
  batch.rejects.push(row);
}

/**
 * A copy of a string that does not keep its source alive. Fields split from a line can be slices
 * of the whole 64 KiB chunk the line came from; a code cached for the rest of the ingest must not
 * pin that chunk.
 *
 * @example
 * dims.customers.set(own(code), …);
 */
export function own(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * Check rows in order (line numbers from `firstLine` on), keeping the accounting: each row is
 * stored (`undefined`), a skipped {@link DUPLICATE}, or a {@link Rejection} recorded in `out`.
 *
 * @example
 * checkRows(this.counts, rows, firstLine, texts, out, (f, line) => this.row(f, line, out));
 */
export function checkRows(
  counts: RowCounts,
  rows: readonly string[][],
  firstLine: number,
  texts: readonly string[],
  out: WriteBatch,
  check: (fields: string[], line: number) => Rejection | typeof DUPLICATE | undefined,
): void {
  for (let i = 0; i < rows.length; i++) {
    counts.rowsRead++;
    const outcome = check(rows[i], firstLine + i);
    if (outcome === undefined) counts.rowsStored++;
    else if (outcome === DUPLICATE) counts.duplicatesSkipped++;
    else reject(out, counts, firstLine + i, texts[i], outcome);
  }
}
