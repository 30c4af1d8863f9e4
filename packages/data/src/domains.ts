/**
 * The value domains of the LGSR categorical columns (see shared/data/README.md).
 * The schema's CHECK constraints and the loader's validation both read these lists.
 */

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

/** The product hierarchy levels a corpus can use as terms, finest first. */
export const PRODUCT_LEVELS = ['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'] as const;
export type ProductLevel = (typeof PRODUCT_LEVELS)[number];
