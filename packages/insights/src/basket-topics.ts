import { Rng, type AuthorTopicModel, type Corpus } from '@atm/core';
import { checkOptions, expectCorpus, expectInteger, expectModel, expectModelTerms, expectSeed, invalid } from './errors.js';
import { FoldInSampler } from './fold-in-sampler.js';
import { transposedPhi } from './predictive.js';
import { SparseFoldInSampler } from './sparse-fold-in-sampler.js';

export interface BasketTopicsOptions {
  /** Gibbs sweeps per basket. Default 50 (as `inferDocument`). */
  iterations?: number;
  /** Sweeps discarded before averaging. Default `floor(iterations / 2)`. */
  burnIn?: number;
  /** Seed of the one generator the whole batch draws from. Default the model's seed. */
  seed?: number;
  /** Fold-in prior (length K). Default the model's α: the basket's own mission, not its customer's. */
  prior?: Float64Array;
  /**
   * `sparse` (default): the SparseLDA-style sampler, O(topics in the basket + log K) per draw.
   * `dense`: the O(K) sampler that repeats `model.foldIn`'s arithmetic exactly. Both sample the same
   * chain; they differ only in how uniform draws map to topics.
   */
  sampler?: 'sparse' | 'dense';
}

/** Stream id of the batch generator, `Rng.forStream(seed, BASKET_TOPICS_STREAM, 0)`. */
export const BASKET_TOPICS_STREAM = 0x6d697373;

/**
 * Topic distribution of every basket of `corpus` by fold-in Gibbs sampling against the model's
 * fixed φ, with the prior α: each basket's own mission, not its customer's mixture. One pass over
 * the corpus reuses one set of buffers and one generator, so the result is deterministic for a
 * seed, a sampler and a document order (the draws of basket d depend on the baskets before it).
 * The default sparse sampler costs O(topics in the basket + log K) per draw; the dense one samples
 * each basket exactly as `model.foldIn(ids, alpha)` would (same steps and arithmetic).
 *
 * @returns D x K row-major, rows sum to 1
 *
 * @example
 * const theta = basketTopics(model, baskets, { iterations: 30 });
 * const missions = dominantTopic(theta, model.numTopics);
 */
export function basketTopics(model: AuthorTopicModel, corpus: Corpus, options?: BasketTopicsOptions): Float64Array {
  expectModel(model);
  expectCorpus(corpus, 'corpus');
  expectModelTerms(corpus, model, 'corpus');
  const opts = checkOptions(options, ['iterations', 'burnIn', 'seed', 'prior', 'sampler'], 'basketTopics options');
  const iterations = expectInteger(opts.iterations ?? 50, 'options.iterations', 1);
  const burnIn = expectInteger(opts.burnIn ?? Math.floor(iterations / 2), 'options.burnIn', 0, iterations - 1);
  const seed = expectSeed(opts.seed ?? model.seed, 'options.seed');
  const K = model.numTopics;
  const prior = opts.prior ?? Float64Array.from(model.alpha);
  if (!(prior instanceof Float64Array)) throw new TypeError(invalid(`a Float64Array of length ${K}`, 'options.prior', prior));
  if (prior.length !== K || prior.some((a) => !(a > 0 && a < Infinity)))
    throw new RangeError(invalid(`${K} positive finite values`, 'options.prior', prior));
  const kind = opts.sampler ?? 'sparse';
  if (kind !== 'sparse' && kind !== 'dense') throw new RangeError(invalid("'sparse' or 'dense'", 'options.sampler', kind));
  const rng = Rng.forStream(seed, BASKET_TOPICS_STREAM, 0);
  const D = corpus.numDocs;
  const out = new Float64Array(D * K);
  const { docOffsets, tokens } = corpus;
  if (kind === 'dense') {
    const sampler = FoldInSampler.fromModel(model);
    for (let d = 0; d < D; d++) sampler.sample(tokens, docOffsets[d], docOffsets[d + 1], prior, rng, iterations, burnIn, out, d * K);
  } else {
    const sampler = new SparseFoldInSampler(transposedPhi(model), K, prior);
    for (let d = 0; d < D; d++) sampler.sample(tokens, docOffsets[d], docOffsets[d + 1], rng, iterations, burnIn, out, d * K);
  }
  return out;
}
