/**
 * The LGSR fiscal calendar, computed (never read from time.csv).
 *
 * Fiscal year Y starts on the last Monday of February of Y (`200601` = 2006-02-27, `200701` = 2007-02-26,
 * `200801` = 2008-02-25), weeks run Monday..Sunday and are numbered `YYYYWW` from 01; a year has 52 or 53
 * weeks. Dates are handled as day numbers (whole days since 1970-01-01, UTC) and written as `yyyymmdd`.
 */
import { invalid } from '@atm/core';

const MS_PER_DAY = 86_400_000;

/**
 * Day number of a `yyyymmdd` date (string or number).
 *
 * @example
 * parseShopDate('20060410'); // 13248
 */
export function parseShopDate(date: string | number): number {
  const s = String(date);
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms / MS_PER_DAY;
  }
  throw new RangeError(invalid('a valid yyyymmdd date', 'date', date));
}

/**
 * The `yyyymmdd` text of a day number.
 *
 * @example
 * formatShopDate(13248); // '20060410'
 */
export function formatShopDate(day: number): string {
  if (!Number.isInteger(day)) throw new RangeError(invalid('an integer day number', 'day', day));
  const t = new Date(day * MS_PER_DAY);
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + 1;
  const d = t.getUTCDate();
  return `${y}${m < 10 ? '0' : ''}${m}${d < 10 ? '0' : ''}${d}`;
}

/**
 * SHOP_WEEKDAY of a day number: 1 = Sunday … 7 = Saturday.
 *
 * @example
 * shopWeekday(parseShopDate('20060416')); // 1 (a Sunday)
 */
export function shopWeekday(day: number): number {
  // 1970-01-01 was a Thursday (weekday 5).
  return ((((day + 4) % 7) + 7) % 7) + 1;
}

/**
 * Day number of the first day (a Monday) of fiscal year `year`: the last Monday of February.
 *
 * @example
 * formatShopDate(fiscalYearStart(2007)); // '20070226'
 */
export function fiscalYearStart(year: number): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(invalid('a four-digit year', 'year', year));
  const lastOfFebruary = Date.UTC(year, 2, 0) / MS_PER_DAY;
  const sinceMonday = (shopWeekday(lastOfFebruary) + 5) % 7; // Monday (2) -> 0
  return lastOfFebruary - sinceMonday;
}

/**
 * Number of weeks (52 or 53) in fiscal year `year`.
 *
 * @example
 * fiscalWeeksInYear(2007); // 52
 */
export function fiscalWeeksInYear(year: number): number {
  return (fiscalYearStart(year + 1) - fiscalYearStart(year)) / 7;
}

/**
 * True for a valid fiscal week number `YYYYWW`.
 *
 * @example
 * isShopWeek(200607); // true
 * isShopWeek(200653); // false (fiscal 2006 has 52 weeks)
 */
export function isShopWeek(week: unknown): week is number {
  if (typeof week !== 'number' || !Number.isInteger(week) || week < 100001 || week > 999999) return false;
  const w = week % 100;
  return w >= 1 && w <= fiscalWeeksInYear(Math.floor(week / 100));
}

/**
 * Day number of the Monday that starts fiscal week `YYYYWW`.
 *
 * @example
 * formatShopDate(fiscalWeekStart(200607)); // '20060410'
 */
export function fiscalWeekStart(week: number): number {
  if (!isShopWeek(week)) throw new RangeError(invalid('a fiscal week YYYYWW', 'week', week));
  return fiscalYearStart(Math.floor(week / 100)) + 7 * ((week % 100) - 1);
}

/**
 * Fiscal week `YYYYWW` (SHOP_WEEK) containing a day number.
 *
 * @example
 * fiscalWeekOf(parseShopDate('20070304')); // 200701
 */
export function fiscalWeekOf(day: number): number {
  if (!Number.isInteger(day)) throw new RangeError(invalid('an integer day number', 'day', day));
  let year = new Date(day * MS_PER_DAY).getUTCFullYear();
  if (day < fiscalYearStart(year)) year--;
  return year * 100 + Math.floor((day - fiscalYearStart(year)) / 7) + 1;
}

/**
 * The fiscal week `n` weeks after (or before, for negative n) `week`.
 *
 * @example
 * addFiscalWeeks(200652, 1); // 200701
 */
export function addFiscalWeeks(week: number, n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(invalid('an integer', 'n', n));
  return fiscalWeekOf(fiscalWeekStart(week) + 7 * n);
}
