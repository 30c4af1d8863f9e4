import type { Corpus } from '@atm/core';

/** The distinct items of every basket, CSR: basket d holds `items[offsets[d] .. offsets[d+1])`. */
export interface BasketItems {
  numItems: number;
  /** Length D + 1. */
  offsets: Uint32Array;
  /** Item ids in order of first appearance within each basket. */
  items: Uint32Array;
}

/**
 * The distinct items of each basket of a corpus: its terms, or, with `itemOf` (term id → item id,
 * negative to drop the term), coarser items such as categories or a subset of candidate terms.
 *
 * @example
 * const { offsets, items } = basketItems(corpus); // distinct terms per basket
 * const byCategory = basketItems(corpus, categoryOfTerm, numCategories);
 */
export function basketItems(corpus: Corpus, itemOf?: ArrayLike<number>, numItems = corpus.numTerms): BasketItems {
  const D = corpus.numDocs;
  const { docOffsets, tokens } = corpus;
  const seen = new Int32Array(numItems).fill(-1);
  const offsets = new Uint32Array(D + 1);
  const items = new Uint32Array(tokens.length);
  let p = 0;
  for (let d = 0; d < D; d++) {
    for (let i = docOffsets[d]; i < docOffsets[d + 1]; i++) {
      const item = itemOf === undefined ? tokens[i] : itemOf[tokens[i]];
      if (item >= 0 && seen[item] !== d) {
        seen[item] = d;
        items[p++] = item;
      }
    }
    offsets[d + 1] = p;
  }
  return { numItems, offsets, items: items.slice(0, p) };
}
