import type { AuthorTopicModel, Corpus } from '@atm/core';
import { checkOptions, expectCorpus, expectInteger, expectModel, expectModelAuthors, expectModelTerms, expectNumber, expectPriorStrength, expectSeed, invalid } from './errors.js';
import { mixScores, normalizeOver, RecommenderScorer, type HybridWeights } from './recommender-scorer.js';
import { knownTermIds, maskOf, topTerms, type ScoredTerm } from './term-selection.js';

export interface HybridRecommenderOptions {
  /** Training baskets for history, popularity and co-occurrence (same vocabularies as the model). Default the model's corpus. */
  train?: Corpus;
  /** Dirichlet smoothing (> 0) of the history towards popularity (e.g. `tuned.mu` of {@link evaluateRecommenders}). */
  mu: number;
  /** Component weights (e.g. `tuned.weights`); non-negative, scaled to sum to 1. */
  weights: HybridWeights;
  /**
   * Pseudo-counts of the customer's mixture in the model component's fold-in prior (e.g.
   * `tuned.priorStrength`); undefined: the customer's full topic counts, as `recommend`.
   */
  priorStrength?: number;
  /** Fold-in sweeps, burn-in and seed of the model component (defaults 50, 25, the model's seed). */
  iterations?: number;
  burnIn?: number;
  seed?: number;
}

export interface HybridRecommendOptions {
  /** The customer; unknown or omitted means no history and a cold-start model component. */
  customer?: string;
  basket: readonly string[];
  topN?: number;
  exclude?: readonly string[];
}

/**
 * The tuned hybrid recommender: `λ_h·history + λ_m·model + λ_c·cooccurrence`, each component
 * normalized over the terms not in the basket (see {@link evaluateRecommenders} for the components).
 * Popularity, histories and co-occurrences are computed once, at construction.
 *
 * @example
 * const { tuned } = evaluateRecommenders({ model, train, validation, test });
 * const recommender = new HybridRecommender(model, tuned); // { mu, weights, priorStrength }
 * recommender.recommend({ customer: 'CUST0000123456', basket: ['CL00001'], topN: 5 });
 */
export class HybridRecommender {
  readonly mu: number;
  readonly weights: HybridWeights;
  /** The model component's prior strength (undefined: full counts). */
  readonly priorStrength: number | undefined;
  private readonly model: AuthorTopicModel;
  private readonly scorer: RecommenderScorer;
  private readonly buffers: Float64Array[];

  constructor(model: AuthorTopicModel, options: HybridRecommenderOptions) {
    expectModel(model);
    if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
    const opts = checkOptions(options, ['train', 'mu', 'weights', 'priorStrength', 'iterations', 'burnIn', 'seed'], 'HybridRecommender options');
    const train = expectCorpus(opts.train ?? model.corpus, 'options.train');
    expectModelTerms(train, model, 'options.train');
    expectModelAuthors(train, model, 'options.train');
    this.mu = expectNumber(opts.mu, 'options.mu', 0);
    if (this.mu === 0) throw new RangeError(invalid('a positive number (a cold start scores by μ·p(w) / μ)', 'options.mu', 0));
    this.weights = normalizedWeights(opts.weights!, 'options.weights');
    this.priorStrength = expectPriorStrength(opts.priorStrength, 'options.priorStrength');
    const iterations = expectInteger(opts.iterations ?? 50, 'options.iterations', 1);
    const burnIn = expectInteger(opts.burnIn ?? Math.floor(iterations / 2), 'options.burnIn', 0, iterations - 1);
    const seed = expectSeed(opts.seed ?? model.seed, 'options.seed');
    this.model = model;
    this.scorer = new RecommenderScorer(model, train, { iterations, burnIn, seed });
    this.buffers = Array.from({ length: 4 }, () => new Float64Array(train.numTerms));
  }

  /**
   * The top-N terms not in the basket (nor in `exclude`) by hybrid score.
   *
   * @example
   * recommender.recommend({ customer: 'CUST0000123456', basket: ['CL00001', 'CL00042'] });
   */
  recommend(options: HybridRecommendOptions): ScoredTerm[] {
    if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
    const opts = checkOptions(options, ['customer', 'basket', 'topN', 'exclude'], 'recommend options');
    const corpus = this.model.corpus;
    const topN = expectInteger(opts.topN ?? 10, 'options.topN', 1);
    if (opts.customer !== undefined && typeof opts.customer !== 'string') throw new TypeError(invalid('a string', 'options.customer', opts.customer));
    const basket = [...new Set(knownTermIds(corpus, opts.basket!, 'options.basket'))];
    const exclude = knownTermIds(corpus, opts.exclude ?? [], 'options.exclude');
    const a = opts.customer === undefined ? undefined : corpus.authorIndex(opts.customer);
    const authors = a === undefined ? [] : [a];
    const excluded = maskOf(corpus.numTerms, basket, exclude);
    const [history, model, cooc, out] = this.buffers;
    const s = this.scorer;
    normalizeOver(s.historyScores(authors, this.mu, history), excluded);
    normalizeOver(s.modelScores(authors, basket, model, this.priorStrength), excluded);
    normalizeOver(s.cooccurrenceScores(basket, cooc), excluded);
    return topTerms(mixScores(this.weights, history, model, cooc, out), topN, excluded, corpus.terms);
  }
}

/**
 * Checks three non-negative weights with a positive sum and scales them to sum to 1.
 *
 * @example
 * normalizedWeights({ history: 2, model: 1, cooccurrence: 1 }, 'weights'); // { history: 0.5, model: 0.25, cooccurrence: 0.25 }
 */
export function normalizedWeights(w: HybridWeights, name: string): HybridWeights {
  if (w === null || typeof w !== 'object') throw new TypeError(invalid('{ history, model, cooccurrence } weights', name, w));
  checkOptions(w, ['history', 'model', 'cooccurrence'], name);
  const h = expectNumber(w.history, `${name}.history`, 0);
  const m = expectNumber(w.model, `${name}.model`, 0);
  const c = expectNumber(w.cooccurrence, `${name}.cooccurrence`, 0);
  const total = h + m + c;
  if (!(total > 0)) throw new RangeError(invalid('weights with a positive sum', name, total));
  return { history: h / total, model: m / total, cooccurrence: c / total };
}
