/**
 * The Dunnhumby LGSR file format: column order, value domains and file names
 * (see shared/data/README.md: comma-separated, header row, LF, no quoting, empty field = null).
 */

// The columns and value domains come from `@atm/lgsr`, which the loader validates against too;
// the generator's own names for them are kept.
export {
  LGSR_COLUMNS as lgsrHeader,
  PRICE_SENSITIVITIES as priceSensitivities,
  LIFE_STAGES as lifeStages,
  BASKET_SIZES as basketSizes,
  BASKET_TYPES as basketTypes,
  BASKET_MISSIONS as basketMissions,
  STORE_FORMATS as storeFormats,
  STORE_REGIONS as storeRegions,
  TIME_COLUMNS as timeHeader,
} from '@atm/lgsr';
export type { LgsrColumn, LifeStage, PriceSensitivity, StoreFormat } from '@atm/lgsr';

/** A department's own mission; a basket's is one of these, `Mixed` or `XX`. */
export type DepartmentMission = 'Fresh' | 'Grocery' | 'Nonfood';

/** Name of the calendar file written next to the weekly files. */
export const timeFileName = 'time.csv';

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
