import type { Corpus, Rng } from '@atm/core';
import type { BasketItems } from './basket-items.js';
import { sampleIndices } from './sample-indices.js';

/** Leave-one-out queries: query q hides distinct item `position[q]` of basket `doc[q]`. */
export interface RecommendationQueries {
  doc: Int32Array;
  position: Int32Array;
  /** All (basket, item) pairs that were eligible, before sampling. */
  eligible: number;
}

/**
 * Every basket of known customers (each has `known[a] > 0`) with at least `minItems` distinct items
 * yields one query per distinct item: hide it, the rest is the partial basket. A uniform seeded
 * sample of at most `maxQueries` of them is kept, in corpus order.
 *
 * @example
 * const queries = sampleQueries(test, basketItems(test), history.totals, 20_000, 2, new Rng(1));
 */
export function sampleQueries(corpus: Corpus, baskets: BasketItems, known: ArrayLike<number>, maxQueries: number, minItems: number, rng: Rng): RecommendationQueries {
  const D = corpus.numDocs;
  const usable = new Uint8Array(D);
  let eligible = 0;
  for (let d = 0; d < D; d++) {
    const size = baskets.offsets[d + 1] - baskets.offsets[d];
    if (size < minItems) continue;
    let ok = true;
    for (const a of corpus.docAuthorIds(d)) if (!(known[a] > 0)) ok = false;
    if (!ok) continue;
    usable[d] = 1;
    eligible += size;
  }
  const pick = sampleIndices(eligible, maxQueries, rng);
  const doc = new Int32Array(pick.length);
  const position = new Int32Array(pick.length);
  let q = 0;
  let seen = 0;
  for (let d = 0; d < D && q < pick.length; d++) {
    if (!usable[d]) continue;
    const size = baskets.offsets[d + 1] - baskets.offsets[d];
    while (q < pick.length && pick[q] < seen + size) {
      doc[q] = d;
      position[q] = pick[q] - seen;
      q++;
    }
    seen += size;
  }
  return { doc, position, eligible };
}
