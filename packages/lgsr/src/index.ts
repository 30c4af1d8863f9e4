/**
 * The Dunnhumby "Let's Get Sort-of-Real" (LGSR) file format (see shared/data/README.md):
 * comma-separated, a header row, no quoting, an empty field is null. The loader (`@atm/etl`) and
 * the synthetic generator (`@atm/synth`) both read these lists, so they cannot drift apart.
 */

/** The 22 transaction columns in canonical order (the order of the shared files). */
export const LGSR_COLUMNS = [
  'SHOP_WEEK', 'SHOP_DATE', 'SHOP_WEEKDAY', 'SHOP_HOUR', 'QUANTITY', 'SPEND',
  'PROD_CODE', 'PROD_CODE_10', 'PROD_CODE_20', 'PROD_CODE_30', 'PROD_CODE_40',
  'CUST_CODE', 'CUST_PRICE_SENSITIVITY', 'CUST_LIFESTAGE',
  'BASKET_ID', 'BASKET_SIZE', 'BASKET_PRICE_SENSITIVITY', 'BASKET_TYPE', 'BASKET_DOMINANT_MISSION',
  'STORE_CODE', 'STORE_FORMAT', 'STORE_REGION',
] as const;
export type LgsrColumn = (typeof LGSR_COLUMNS)[number];

/** The columns of time.csv (the fiscal calendar). */
export const TIME_COLUMNS = ['shop_week', 'date_from', 'date_to'] as const;

/** `CUST_PRICE_SENSITIVITY` and `BASKET_PRICE_SENSITIVITY`: less affluent, mid market, up market, unclassified. */
export const PRICE_SENSITIVITIES = ['LA', 'MM', 'UM', 'XX'] as const;
/** `CUST_LIFESTAGE`: young adults, older adults, young families, older families, pensioners, other. */
export const LIFE_STAGES = ['YA', 'OA', 'YF', 'OF', 'PE', 'OT'] as const;
/** `BASKET_SIZE`. */
export const BASKET_SIZES = ['S', 'M', 'L'] as const;
/** `BASKET_TYPE`. */
export const BASKET_TYPES = ['Small Shop', 'Top Up', 'Full Shop', 'XX'] as const;
/** `BASKET_DOMINANT_MISSION`. */
export const BASKET_MISSIONS = ['Fresh', 'Grocery', 'Mixed', 'Nonfood', 'XX'] as const;
/** `STORE_FORMAT`: small … extra large. */
export const STORE_FORMATS = ['SS', 'MS', 'LS', 'XLS'] as const;
/** `STORE_REGION`. */
export const STORE_REGIONS = ['E01', 'E02', 'E03', 'N01', 'N02', 'N03', 'S01', 'S02', 'S03', 'W01', 'W02', 'W03'] as const;

export type PriceSensitivity = (typeof PRICE_SENSITIVITIES)[number];
export type LifeStage = (typeof LIFE_STAGES)[number];
export type BasketSize = (typeof BASKET_SIZES)[number];
export type BasketType = (typeof BASKET_TYPES)[number];
export type BasketMission = (typeof BASKET_MISSIONS)[number];
export type StoreFormat = (typeof STORE_FORMATS)[number];
export type StoreRegion = (typeof STORE_REGIONS)[number];
