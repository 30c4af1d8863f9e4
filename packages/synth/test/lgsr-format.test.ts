import { describe, expect, it } from 'vitest';
import { formatSpend, lgsrHeader, padCode, transactionsFileName } from '../src/lgsr-format.js';

describe('LGSR format helpers', () => {
  it('lists the 22 columns in the README order', () => {
    expect(lgsrHeader).toHaveLength(22);
    expect(lgsrHeader.slice(0, 6)).toEqual(['SHOP_WEEK', 'SHOP_DATE', 'SHOP_WEEKDAY', 'SHOP_HOUR', 'QUANTITY', 'SPEND']);
    expect(lgsrHeader.slice(-3)).toEqual(['STORE_CODE', 'STORE_FORMAT', 'STORE_REGION']);
  });

  it.each([
    [93, '0.93'],
    [840, '8.4'],
    [100, '1'],
    [3, '0.03'],
    [10, '0.1'],
    [123456, '1234.56'],
    [2607, '26.07'],
  ])('formats %i pence as %s', (pence, text) => {
    expect(formatSpend(pence)).toBe(text);
    expect(Math.round(Number(text) * 100)).toBe(pence);
  });

  it('names files and pads codes', () => {
    expect(transactionsFileName(200607)).toBe('transactions_200607.csv.gz');
    expect(padCode('CL00', 7, 3)).toBe('CL00007');
    expect(padCode('PRD09', 12345, 5)).toBe('PRD0912345');
  });
});
