import type { Corpus } from '@atm/core';
import { invalid } from './errors.js';
import { topK } from './top-k.js';

/** One recommended term and its score. */
export interface ScoredTerm {
  term: string;
  score: number;
}

/**
 * Term ids of a list of term strings in the corpus vocabulary, unknown terms skipped, duplicates kept.
 *
 * @example
 * knownTermIds(model.corpus, ['milk', 'unknown'], 'basket'); // [id of milk]
 */
export function knownTermIds(corpus: Corpus, list: readonly string[], name: string): number[] {
  if (!Array.isArray(list)) throw new TypeError(invalid('an array of terms', name, list));
  const ids: number[] = [];
  list.forEach((t, i) => {
    if (typeof t !== 'string') throw new TypeError(invalid('a string', `${name}[${i}]`, t));
    const w = corpus.termIndex(t);
    if (w !== undefined) ids.push(w);
  });
  return ids;
}

/**
 * The `topN` best-scoring terms not marked in `excluded`, best first (ties: lower term id).
 *
 * @example
 * topTerms(scores, 10, excluded, model.corpus.terms); // [{ term, score }, …]
 */
export function topTerms(scores: Float64Array, topN: number, excluded: Uint8Array, terms: readonly string[]): ScoredTerm[] {
  return Array.from(topK(scores, topN, excluded), (w) => ({ term: terms[w], score: scores[w] }));
}

/** A mask over the vocabulary with the given term ids set. */
export function maskOf(numTerms: number, ...lists: readonly number[][]): Uint8Array {
  const mask = new Uint8Array(numTerms);
  for (const list of lists) for (const w of list) mask[w] = 1;
  return mask;
}
