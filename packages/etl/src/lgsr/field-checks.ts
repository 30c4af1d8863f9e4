/**
 * Parsers and predicates for the LGSR field domains (shared/data/README.md). Hot-path parsers
 * return -1 for "invalid" instead of throwing, and allocate nothing.
 */
import {
  BASKET_MISSIONS,
  BASKET_SIZES,
  BASKET_TYPES,
  LIFE_STAGES,
  PRICE_SENSITIVITIES,
  STORE_FORMATS,
  STORE_REGIONS,
} from '@atm/lgsr';

export const PROD_CODE = /^PRD\d{7}$/;
export const PROD_CODE_10 = /^CL\d{5}$/;
export const PROD_CODE_20 = /^DEP\d{5}$/;
export const PROD_CODE_30 = /^G\d{5}$/;
export const PROD_CODE_40 = /^D\d{5}$/;
export const CUST_CODE = /^CUST\d{10}$/;
export const STORE_CODE = /^STORE\d{5}$/;
/** At most 15 digits, no leading zero: exact as a JS number and as text. */
export const BASKET_ID = /^[1-9]\d{0,14}$/;

export const PRICE_SET: ReadonlySet<string> = new Set(PRICE_SENSITIVITIES);
export const LIFE_STAGE_SET: ReadonlySet<string> = new Set(LIFE_STAGES);
export const BASKET_SIZE_SET: ReadonlySet<string> = new Set(BASKET_SIZES);
export const BASKET_TYPE_SET: ReadonlySet<string> = new Set(BASKET_TYPES);
export const MISSION_SET: ReadonlySet<string> = new Set(BASKET_MISSIONS);
export const STORE_FORMAT_SET: ReadonlySet<string> = new Set(STORE_FORMATS);
export const STORE_REGION_SET: ReadonlySet<string> = new Set(STORE_REGIONS);

/**
 * QUANTITY: a whole number 1..999999999 (digits only), or -1.
 *
 * @example
 * parseQuantity('12'); // 12
 * parseQuantity('1.5'); // -1
 */
export function parseQuantity(s: string): number {
  const n = s.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v >= 1 ? v : -1;
}

/**
 * SPEND in pence: digits with an optional decimal point and at most two significant decimals
 * (`0.93`, `8.4`, `1`, `2.500`), up to 9 whole digits; -1 when malformed, -2 when finer than a penny.
 *
 * @example
 * parsePence('8.4'); // 840
 * parsePence('0.125'); // -2
 */
export function parsePence(s: string): number {
  const n = s.length;
  if (n === 0) return -1;
  let i = 0;
  let whole = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57 || i >= 9) return -1;
    whole = whole * 10 + (c - 48);
  }
  if (i === 0) return -1;
  let frac = 0;
  if (i < n) {
    if (i === n - 1) return -1;
    let digits = 0;
    let finer = false;
    for (i++; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1;
      if (digits < 2) {
        frac = frac * 10 + c;
        digits++;
      } else if (c !== 0) finer = true;
    }
    if (finer) return -2;
    if (digits === 1) frac *= 10;
  }
  return whole * 100 + frac;
}

/**
 * SHOP_WEEK `YYYYWW` with WW in 01..53, as a number, or -1.
 *
 * @example
 * parseShopWeek('200607'); // 200607
 */
export function parseShopWeek(s: string): number {
  if (!/^\d{4}(0[1-9]|[1-4]\d|5[0-3])$/.test(s)) return -1;
  return Number(s);
}

/**
 * A calendar date `yyyymmdd` (years 1900–2999): its weekday 1 = Sunday … 7 = Saturday, or -1.
 *
 * @example
 * dateWeekday('20060415'); // 7 (a Saturday)
 * dateWeekday('20060231'); // -1
 */
export function dateWeekday(s: string): number {
  if (!/^(19|2\d)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(s)) return -1;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return -1;
  return date.getUTCDay() + 1;
}

/**
 * Days between two valid `yyyymmdd` dates (b − a).
 *
 * @example
 * daysBetween('20060410', '20060416'); // 6
 */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)));
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/**
 * SHOP_HOUR: one or two digits, 0..23, or -1.
 *
 * @example
 * parseHour('08'); // 8
 */
export function parseHour(s: string): number {
  if (!/^\d{1,2}$/.test(s)) return -1;
  const h = Number(s);
  return h <= 23 ? h : -1;
}
