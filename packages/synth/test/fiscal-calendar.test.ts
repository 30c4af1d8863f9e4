import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  addFiscalWeeks,
  fiscalWeekOf,
  fiscalWeeksInYear,
  fiscalWeekStart,
  fiscalYearStart,
  formatShopDate,
  isShopWeek,
  parseShopDate,
  shopWeekday,
} from '../src/fiscal-calendar.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const realDir = resolve(repoRoot, '../shared/data/lgsr-5k');

function realTimeRows(): string[][] {
  const lines = readFileSync(resolve(realDir, 'time.csv'), 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('shop_week,date_from,date_to');
  return lines.slice(1).map((l) => l.split(','));
}

describe('fiscal calendar', () => {
  it('reproduces every week of the real time.csv', () => {
    const rows = realTimeRows();
    expect(rows.length).toBeGreaterThan(100);
    for (const [week, from, to] of rows) {
      const w = Number(week);
      expect(formatShopDate(fiscalWeekStart(w))).toBe(from);
      expect(formatShopDate(fiscalWeekStart(w) + 6)).toBe(to);
      expect(fiscalWeekOf(parseShopDate(from))).toBe(w);
      expect(fiscalWeekOf(parseShopDate(to))).toBe(w);
      expect(shopWeekday(parseShopDate(from))).toBe(2); // weeks start on Monday
      expect(shopWeekday(parseShopDate(to))).toBe(1); // and end on Sunday
    }
    // Consecutive rows of the real calendar are consecutive fiscal weeks.
    for (let i = 1; i < rows.length; i++) expect(addFiscalWeeks(Number(rows[i - 1][0]), 1)).toBe(Number(rows[i][0]));
  });

  it('matches SHOP_WEEK, SHOP_DATE and SHOP_WEEKDAY (1 = Sunday) on rows of a real weekly file', () => {
    const text = gunzipSync(readFileSync(resolve(realDir, 'transactions_200701.csv.gz'))).toString('utf8');
    const lines = text.split('\n').slice(1, 3001).filter(Boolean);
    const weekdays = new Set<number>();
    for (const line of lines) {
      const [week, date, weekday] = line.split(',');
      const day = parseShopDate(date);
      expect(shopWeekday(day)).toBe(Number(weekday));
      expect(fiscalWeekOf(day)).toBe(Number(week));
      weekdays.add(Number(weekday));
    }
    expect(weekdays.size).toBe(7);
  });

  it('starts fiscal years on the last Monday of February', () => {
    expect(formatShopDate(fiscalYearStart(2006))).toBe('20060227');
    expect(formatShopDate(fiscalYearStart(2007))).toBe('20070226');
    expect(formatShopDate(fiscalYearStart(2008))).toBe('20080225');
    expect(formatShopDate(fiscalYearStart(2016))).toBe('20160229'); // a leap day that is a Monday
    expect(fiscalWeeksInYear(2007)).toBe(52);
    expect(fiscalWeeksInYear(2010)).toBe(53); // 2010-02-22 .. 2011-02-27
    expect(isShopWeek(201053)).toBe(true);
    expect(isShopWeek(200753)).toBe(false);
    expect(addFiscalWeeks(201052, 1)).toBe(201053);
    expect(addFiscalWeeks(201053, 1)).toBe(201101);
    expect(addFiscalWeeks(200701, -1)).toBe(200652);
  });

  it('maps dates around the year boundary to the right fiscal year', () => {
    expect(fiscalWeekOf(parseShopDate('20070225'))).toBe(200652);
    expect(fiscalWeekOf(parseShopDate('20070226'))).toBe(200701);
    expect(fiscalWeekOf(parseShopDate('20070101'))).toBe(200645);
  });

  it('round-trips dates and knows the weekday', () => {
    for (const d of ['19991231', '20000229', '20060416', '20081228']) expect(formatShopDate(parseShopDate(d))).toBe(d);
    expect(shopWeekday(parseShopDate('20060416'))).toBe(1); // Sunday
    expect(shopWeekday(parseShopDate('20060415'))).toBe(7); // Saturday
    expect(shopWeekday(parseShopDate('19691231'))).toBe(4); // Wednesday, before day 0
  });

  it('rejects invalid dates and weeks', () => {
    expect(() => parseShopDate('20070230')).toThrow('Expected a valid yyyymmdd date for date but received "20070230"');
    expect(() => parseShopDate('2007-02-01')).toThrow(RangeError);
    expect(() => fiscalWeekStart(200700)).toThrow('Expected a fiscal week YYYYWW for week but received 200700');
    expect(() => addFiscalWeeks(200701, 0.5)).toThrow('Expected an integer for n but received 0.5');
    expect(() => fiscalYearStart(99)).toThrow('Expected a four-digit year for year but received 99');
  });
});
