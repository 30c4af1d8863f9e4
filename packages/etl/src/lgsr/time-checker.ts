import type { Dimensions, WriteBatch } from '../bulk/bulk-writer.js';
import { TIME_COLUMNS } from './columns.js';
import { dateWeekday, daysBetween, parseShopWeek } from './field-checks.js';
import { DUPLICATE, checkRows, own, shown } from './row-outcome.js';
import type { Rejection, RowCounts } from './row-outcome.js';

const bad = (field: string | null, reason: string): Rejection => ({ field, reason });

/**
 * Validates time.csv rows (`shop_week,date_from,date_to`: a fiscal week of 7 days) against the
 * weeks already stored and the file's earlier rows. One instance per file.
 *
 * @example
 * const checker = new TimeChecker(dims);
 * checker.check(rows, lineNumbers, texts, batch);
 */
export class TimeChecker {
  readonly counts: RowCounts = { rowsRead: 0, rowsStored: 0, rowsRejected: 0, duplicatesSkipped: 0 };
  private readonly lineOf = new Map<string, number>();

  constructor(private readonly dims: Dimensions) {}

  /** Check each row in order (line numbers from `firstLine` on) and add it, or its rejection, to `out`. */
  check(rows: readonly string[][], firstLine: number, texts: readonly string[], out: WriteBatch): void {
    checkRows(this.counts, rows, firstLine, texts, out, (f, line) => this.row(f, line, out));
  }

  private row(f: string[], line: number, out: WriteBatch): Rejection | typeof DUPLICATE | undefined {
    if (f.length !== TIME_COLUMNS.length) return bad(null, `expected ${TIME_COLUMNS.length} comma-separated columns but found ${f.length}`);
    const [week, from, to] = f;
    if (parseShopWeek(week) < 0) return bad('shop_week', `shop_week ${shown(week)} is not a fiscal week YYYYWW`);
    if (dateWeekday(from) < 0) return bad('date_from', `date_from ${shown(from)} is not a valid date yyyymmdd`);
    if (dateWeekday(to) < 0) return bad('date_to', `date_to ${shown(to)} is not a valid date yyyymmdd`);
    if (daysBetween(from, to) !== 6) return bad('date_to', `week ${week} runs ${from}..${to}, not 7 days`);
    const known = this.dims.weeks.get(week);
    if (known !== undefined) {
      if (known.from === from && known.to === to) return DUPLICATE;
      const where = this.lineOf.has(week) ? `line ${this.lineOf.get(week)}` : 'a stored file';
      return bad('date_from', `week ${week} is ${known.from}..${known.to} in ${where}, not ${from}..${to}`);
    }
    this.dims.weeks.set(own(week), { from: own(from), to: own(to) });
    this.lineOf.set(week, line);
    out.weeks.push([Number(week), Number(from), Number(to)]);
    return undefined;
  }
}
