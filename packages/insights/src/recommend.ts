import type { AuthorTopicModel } from '@atm/core';
import { checkOptions, expectInteger, expectModel, expectPriorStrength, expectSeed, invalid } from './errors.js';
import { predictiveScores, transposedPhi } from './predictive.js';
import { knownTermIds, maskOf, topTerms, type ScoredTerm } from './term-selection.js';

export interface RecommendOptions {
  /** The customer; unknown to the model (or omitted) means a cold start: fold-in with α. */
  customer?: string;
  /** Terms already in the basket (unknown terms are ignored). */
  basket: readonly string[];
  /** How many terms to return. Default 10. */
  topN?: number;
  /** Terms never to recommend, besides the basket's. */
  exclude?: readonly string[];
  /**
   * Pseudo-counts of the customer's topic mixture in the fold-in prior (`inferDocument`'s
   * `priorStrength`, e.g. `tuned.priorStrength` of {@link evaluateRecommenders}): the smaller, the more
   * the basket's own topics show. Undefined: the customer's full topic counts.
   */
  priorStrength?: number;
  /** Fold-in sweeps, burn-in and seed, as `inferDocument` (defaults 50, 25, the model's seed). */
  iterations?: number;
  burnIn?: number;
  seed?: number;
}

/**
 * The top-N terms not yet in a basket, ranked by the model's predictive distribution for the
 * customer given the partial basket: p(w | u, basket) = Σ_k θ'_k φ_kw with
 * θ' = `model.inferDocument(basket, { authors: [customer], priorStrength })` (fold-in with the
 * customer's topic counts as prior, or with `priorStrength` their mixture worth that many
 * pseudo-counts). An unknown customer gets a cold start (fold-in with α alone).
 *
 * @example
 * recommend(model, { customer: 'CUST0000123456', basket: ['CL00001', 'CL00042'], topN: 5 });
 * // [{ term: 'CL00017', score: 0.041 }, …]
 * recommend(model, { customer: 'CUST0000123456', basket: ['CL00001'], priorStrength: 10 });
 */
export function recommend(model: AuthorTopicModel, options: RecommendOptions): ScoredTerm[] {
  expectModel(model);
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
  const opts = checkOptions(options, ['customer', 'basket', 'topN', 'exclude', 'priorStrength', 'iterations', 'burnIn', 'seed'], 'recommend options');
  const corpus = model.corpus;
  const topN = expectInteger(opts.topN ?? 10, 'options.topN', 1);
  if (opts.customer !== undefined && typeof opts.customer !== 'string') throw new TypeError(invalid('a string', 'options.customer', opts.customer));
  const basket = knownTermIds(corpus, opts.basket!, 'options.basket');
  const exclude = knownTermIds(corpus, opts.exclude ?? [], 'options.exclude');
  const known = opts.customer !== undefined && corpus.authorIndex(opts.customer) !== undefined;
  const priorStrength = expectPriorStrength(opts.priorStrength, 'options.priorStrength');
  const infer = {
    iterations: opts.iterations === undefined ? undefined : expectInteger(opts.iterations, 'options.iterations', 1),
    burnIn: opts.burnIn,
    seed: opts.seed === undefined ? undefined : expectSeed(opts.seed, 'options.seed'),
    ...(known ? { authors: [opts.customer!], priorStrength } : {}),
  };
  const theta = model.inferDocument(opts.basket!, infer);
  const scores = predictiveScores(theta, transposedPhi(model), new Float64Array(corpus.numTerms));
  return topTerms(scores, topN, maskOf(corpus.numTerms, basket, exclude), corpus.terms);
}
