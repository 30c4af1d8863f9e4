/** Numbers are formatted with a fixed locale so a report reads the same on every machine. */
const LOCALE = 'en-US';

const groupedCache = new Map<number, Intl.NumberFormat>();

function grouped(digits: number): Intl.NumberFormat {
  let f = groupedCache.get(digits);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    groupedCache.set(digits, f);
  }
  return f;
}

/**
 * A number with grouping and a fixed count of decimals; non-finite values show as an em dash.
 *
 * @example
 * formatFixed(1234.5678, 2); // '1,234.57'
 */
export function formatFixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '—';
  return grouped(digits).format(value);
}

/**
 * An integer with grouping.
 *
 * @example
 * formatInteger(1234567); // '1,234,567'
 */
export function formatInteger(value: number): string {
  return formatFixed(Math.round(value), 0);
}

/**
 * A fraction as a percentage.
 *
 * @example
 * formatPercent(0.1234); // '12.3%'
 */
export function formatPercent(value: number, digits = 1): string {
  if (!Number.isFinite(value)) return '—';
  return `${formatFixed(value * 100, digits)}%`;
}

/**
 * A number shown with sensible precision: integers grouped, large values with one
 * decimal, moderate ones with up to three, small ones with three significant digits.
 *
 * @example
 * formatNumber(12345);     // '12,345'
 * formatNumber(0.05);      // '0.05'
 * formatNumber(-1234.567); // '-1,234.6'
 * formatNumber(0.0000123); // '1.23e-5'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return formatFixed(value, 0);
  const a = Math.abs(value);
  if (a >= 1000) return formatFixed(value, 1);
  if (a >= 1) return trimZeros(value.toFixed(3));
  if (a >= 1e-4) return trimZeros(value.toPrecision(3));
  return value.toExponential(2).replace(/\.?0+e/, 'e');
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
