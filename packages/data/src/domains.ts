/**
 * The value domains of the LGSR categorical columns, from `@atm/lgsr` (the one place the format is
 * written down). The loader validates against these lists; the initial migration's CHECK
 * constraints spell the same values out, because a released migration must never change.
 */

export * from '@atm/lgsr';

/** The product hierarchy levels a corpus can use as terms, finest first. */
export const PRODUCT_LEVELS = ['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'] as const;
export type ProductLevel = (typeof PRODUCT_LEVELS)[number];
