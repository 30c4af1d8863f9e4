/** Stores: STOREnnnnn codes with one fixed format and region each, and a popularity that grows with format. */
import { cumulativeWeights, sampleFromCdf } from '@atm/core';
import type { Rng } from '@atm/core';
import { padCode, storeFormats, storeRegions } from './lgsr-format.js';
import type { StoreFormat } from './lgsr-format.js';
import { sparseNumbers } from './random-codes.js';

/** Share of stores of each format (SS, MS, LS, XLS) and their relative footfall. */
const FORMAT_SHARE = [0.3, 0.25, 0.35, 0.1];
const FORMAT_FOOTFALL = [1, 2, 4, 6];

export interface StoreTable {
  codes: string[];
  formats: StoreFormat[];
  regions: string[];
  /** Prefix sums of store popularity, for drawing a home store. */
  popularityCdf: Float64Array;
}

/**
 * Build `count` stores.
 *
 * @example
 * const stores = buildStores(new Rng(1), 60);
 * stores.codes[0]; // e.g. 'STORE00003'
 */
export function buildStores(rng: Rng, count: number): StoreTable {
  const formatCdf = cumulativeWeights(FORMAT_SHARE);
  const codes = sparseNumbers(rng, count, 99_999).map((n) => padCode('STORE', n, 5));
  const formats: StoreFormat[] = [];
  const regions: string[] = [];
  const popularity = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    const f = sampleFromCdf(rng, formatCdf);
    formats.push(storeFormats[f]);
    regions.push(storeRegions[rng.below(storeRegions.length)]);
    popularity[s] = FORMAT_FOOTFALL[f];
  }
  return { codes, formats, regions, popularityCdf: cumulativeWeights(popularity) };
}
