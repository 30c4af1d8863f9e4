/**
 * The Dunnhumby LGSR file format: column order, value domains and file names
 * (see shared/data/README.md: comma-separated, header row, LF, no quoting, empty field = null).
 */

/** The 22 LGSR columns, in file order. */
export const lgsrHeader = [
  'SHOP_WEEK', 'SHOP_DATE', 'SHOP_WEEKDAY', 'SHOP_HOUR', 'QUANTITY', 'SPEND',
  'PROD_CODE', 'PROD_CODE_10', 'PROD_CODE_20', 'PROD_CODE_30', 'PROD_CODE_40',
  'CUST_CODE', 'CUST_PRICE_SENSITIVITY', 'CUST_LIFESTAGE',
  'BASKET_ID', 'BASKET_SIZE', 'BASKET_PRICE_SENSITIVITY', 'BASKET_TYPE', 'BASKET_DOMINANT_MISSION',
  'STORE_CODE', 'STORE_FORMAT', 'STORE_REGION',
] as const;

export type LgsrColumn = (typeof lgsrHeader)[number];

export const priceSensitivities = ['LA', 'MM', 'UM', 'XX'] as const;
export const lifeStages = ['YA', 'OA', 'YF', 'OF', 'PE', 'OT'] as const;
export const basketSizes = ['S', 'M', 'L'] as const;
export const basketTypes = ['Small Shop', 'Top Up', 'Full Shop', 'XX'] as const;
export const basketMissions = ['Fresh', 'Grocery', 'Mixed', 'Nonfood', 'XX'] as const;
export const storeFormats = ['SS', 'MS', 'LS', 'XLS'] as const;
export const storeRegions = ['E01', 'E02', 'E03', 'N01', 'N02', 'N03', 'S01', 'S02', 'S03', 'W01', 'W02', 'W03'] as const;

export type PriceSensitivity = (typeof priceSensitivities)[number];
export type LifeStage = (typeof lifeStages)[number];
export type StoreFormat = (typeof storeFormats)[number];
/** A department's own mission; a basket's is one of these, `Mixed` or `XX`. */
export type DepartmentMission = 'Fresh' | 'Grocery' | 'Nonfood';

/** Name of the calendar file written next to the weekly files. */
export const timeFileName = 'time.csv';

/** Header of time.csv. */
export const timeHeader = ['shop_week', 'date_from', 'date_to'] as const;

/**
 * File name of one week's transactions.
 *
 * @example
 * transactionsFileName(200607); // 'transactions_200607.csv.gz'
 */
export function transactionsFileName(week: number): string {
  return `transactions_${week}.csv.gz`;
}

/**
 * SPEND text of an amount in pence: shortest decimal, not fixed to 2 dp, like the real files.
 *
 * @example
 * formatSpend(93); // '0.93'
 * formatSpend(840); // '8.4'
 * formatSpend(100); // '1'
 */
export function formatSpend(pence: number): string {
  const whole = Math.floor(pence / 100);
  const cents = pence - whole * 100;
  if (cents === 0) return String(whole);
  if (cents % 10 === 0) return `${whole}.${cents / 10}`;
  return `${whole}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * A code of a fixed prefix and zero-padded width, e.g. `STORE00042`.
 *
 * @example
 * padCode('CL00', 7, 3); // 'CL00007'
 */
export function padCode(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}
