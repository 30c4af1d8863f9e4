import { PRODUCT_LEVELS } from '../domains.js';
import type { ProductLevel } from '../domains.js';
import { invalid } from '../errors.js';

/**
 * How a term counts in a basket: `lines` = rows of that term in the basket (the reference's choice;
 * at level `prod_code` every line is a distinct product, so this is 1), `presence` = 0/1,
 * `quantity` = units bought.
 */
export type TermWeight = 'lines' | 'presence' | 'quantity';
export const TERM_WEIGHTS = ['lines', 'presence', 'quantity'] as const;

/** Held-out baskets for evaluation. */
export type HeldOutSplit =
  /** Per customer, the `floor(fraction × n)` baskets with the smallest seeded hash of their id. */
  | { by: 'fraction'; fraction: number; seed?: number }
  /** Every basket of a week after `afterWeek` (SHOP_WEEK, YYYYWW). */
  | { by: 'week'; afterWeek: number };

export interface CorpusOptions {
  /** Start from a named preset; explicit options override it. */
  preset?: CorpusPresetName;
  /** Product hierarchy level used as terms (default `prod_code_10`). */
  level?: ProductLevel;
  /** Term weight (default `lines`). */
  weight?: TermWeight;
  /** Inclusive SHOP_WEEK range of the baskets considered (default: all). */
  fromWeek?: number;
  toWeek?: number;
  /** Anonymous baskets: dropped (default), or kept under one author {@link ANONYMOUS_AUTHOR}. */
  anonymous?: 'drop' | 'author';
  /** Minimum tokens (sum of term weights, after the term filter) a basket needs (default 1). */
  minItems?: number;
  /** Minimum baskets (after every basket filter) a customer needs to stay (default 1). */
  minBasketsPerCustomer?: number;
  /** Keep terms whose total weight is ≥ this (inclusive, absolute). */
  minTermTotal?: number;
  /** Keep terms whose total weight is ≤ this (inclusive, absolute). */
  maxTermTotal?: number;
  /** Keep terms whose total is strictly above this share of the largest term total (e.g. 0.05). */
  termShareAbove?: number;
  /** Keep terms whose total is strictly below this share of the largest term total (e.g. 0.95). */
  termShareBelow?: number;
  /** Hold out baskets for evaluation; they come back as `heldOut`. */
  heldOut?: HeldOutSplit;
}

/** Author id given to anonymous baskets when `anonymous: 'author'`. */
export const ANONYMOUS_AUTHOR = '(anonymous)';

/**
 * Named option sets. `seed` reproduces the reference cleaning exactly: classes (`prod_code_10`) as
 * terms weighted by lines; keep terms whose total is > 5% and < 95% of the largest term total
 * (totals over every basket, anonymous ones included); then baskets with ≥ 4 remaining items;
 * then only baskets with a customer.
 */
export const CORPUS_PRESETS = {
  seed: {
    level: 'prod_code_10',
    weight: 'lines',
    termShareAbove: 0.05,
    termShareBelow: 0.95,
    minItems: 4,
    anonymous: 'drop',
  },
} as const satisfies Record<string, Omit<CorpusOptions, 'preset'>>;
export type CorpusPresetName = keyof typeof CORPUS_PRESETS;

/** Every option with its default filled in. */
export interface ResolvedCorpusOptions {
  level: ProductLevel;
  weight: TermWeight;
  fromWeek: number | null;
  toWeek: number | null;
  anonymous: 'drop' | 'author';
  minItems: number;
  minBasketsPerCustomer: number;
  minTermTotal: number | null;
  maxTermTotal: number | null;
  termShareAbove: number | null;
  termShareBelow: number | null;
  heldOut: HeldOutSplit | null;
}

const KEYS = new Set([
  'preset', 'level', 'weight', 'fromWeek', 'toWeek', 'anonymous', 'minItems', 'minBasketsPerCustomer',
  'minTermTotal', 'maxTermTotal', 'termShareAbove', 'termShareBelow', 'heldOut',
]);

const isShopWeek = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 100001 && v <= 999953 && v % 100 >= 1 && v % 100 <= 53;

function positiveInteger(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new RangeError(invalid('a positive integer', name, v));
  return v;
}

function nonNegative(v: unknown, name: string): number | null {
  if (v === undefined) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(invalid('a finite number ≥ 0', name, v));
  return v;
}

function share(v: unknown, name: string): number | null {
  if (v === undefined) return null;
  if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new RangeError(invalid('a share in [0, 1]', name, v));
  return v;
}

function week(v: unknown, name: string): number | null {
  if (v === undefined) return null;
  if (!isShopWeek(v)) throw new RangeError(invalid('a SHOP_WEEK number YYYYWW', name, v));
  return v;
}

function resolveHeldOut(v: unknown): HeldOutSplit | null {
  if (v === undefined) return null;
  if (v === null || typeof v !== 'object') throw new TypeError(invalid('a held-out split object', 'options.heldOut', v));
  const split = v as Record<string, unknown>;
  if (split.by === 'fraction') {
    for (const key of Object.keys(split))
      if (!['by', 'fraction', 'seed'].includes(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} for options.heldOut`);
    const f = split.fraction;
    if (typeof f !== 'number' || !(f > 0 && f < 1)) throw new RangeError(invalid('a fraction in (0, 1)', 'options.heldOut.fraction', f));
    const seed = split.seed ?? 0;
    if (typeof seed !== 'number' || !Number.isInteger(seed)) throw new RangeError(invalid('an integer', 'options.heldOut.seed', seed));
    return { by: 'fraction', fraction: f, seed };
  }
  if (split.by === 'week') {
    for (const key of Object.keys(split))
      if (!['by', 'afterWeek'].includes(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} for options.heldOut`);
    const after = week(split.afterWeek, 'options.heldOut.afterWeek');
    if (after === null) throw new RangeError(invalid('a SHOP_WEEK number YYYYWW', 'options.heldOut.afterWeek', undefined));
    return { by: 'week', afterWeek: after };
  }
  throw new RangeError(invalid("'fraction' or 'week'", 'options.heldOut.by', split.by));
}

/**
 * Check every corpus option and fill in the defaults (a preset first, then explicit options).
 *
 * @example
 * resolveCorpusOptions({ preset: 'seed' }).minItems; // 4
 * resolveCorpusOptions({ level: 'prod_code_30', weight: 'presence' }).level; // 'prod_code_30'
 */
export function resolveCorpusOptions(options: CorpusOptions = {}): ResolvedCorpusOptions {
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
  for (const key of Object.keys(options)) if (!KEYS.has(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} for buildCorpus`);
  let base: Omit<CorpusOptions, 'preset'> = {};
  if (options.preset !== undefined) {
    if (!Object.hasOwn(CORPUS_PRESETS, options.preset))
      throw new RangeError(invalid(`a preset name (${Object.keys(CORPUS_PRESETS).join(', ')})`, 'options.preset', options.preset));
    base = CORPUS_PRESETS[options.preset];
  }
  const o: CorpusOptions = { ...base };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) (o as Record<string, unknown>)[key] = value;
  const level = o.level ?? 'prod_code_10';
  if (!PRODUCT_LEVELS.includes(level)) throw new RangeError(invalid(`one of ${PRODUCT_LEVELS.join(', ')}`, 'options.level', level));
  const weight = o.weight ?? 'lines';
  if (!TERM_WEIGHTS.includes(weight)) throw new RangeError(invalid(`one of ${TERM_WEIGHTS.join(', ')}`, 'options.weight', weight));
  const anonymous = o.anonymous ?? 'drop';
  if (anonymous !== 'drop' && anonymous !== 'author') throw new RangeError(invalid("'drop' or 'author'", 'options.anonymous', anonymous));
  const resolved: ResolvedCorpusOptions = {
    level,
    weight,
    fromWeek: week(o.fromWeek, 'options.fromWeek'),
    toWeek: week(o.toWeek, 'options.toWeek'),
    anonymous,
    minItems: positiveInteger(o.minItems, 'options.minItems', 1),
    minBasketsPerCustomer: positiveInteger(o.minBasketsPerCustomer, 'options.minBasketsPerCustomer', 1),
    minTermTotal: nonNegative(o.minTermTotal, 'options.minTermTotal'),
    maxTermTotal: nonNegative(o.maxTermTotal, 'options.maxTermTotal'),
    termShareAbove: share(o.termShareAbove, 'options.termShareAbove'),
    termShareBelow: share(o.termShareBelow, 'options.termShareBelow'),
    heldOut: resolveHeldOut(o.heldOut),
  };
  if (resolved.fromWeek !== null && resolved.toWeek !== null && resolved.fromWeek > resolved.toWeek)
    throw new RangeError(invalid(`a week ≥ options.fromWeek (${resolved.fromWeek})`, 'options.toWeek', resolved.toWeek));
  return resolved;
}
