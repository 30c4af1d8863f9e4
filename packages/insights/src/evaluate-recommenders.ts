import { Rng, type AuthorTopicModel, type Corpus } from '@atm/core';
import { basketItems, type BasketItems } from './basket-items.js';
import { checkOptions, expectCorpus, expectInteger, expectModel, expectModelAuthors, expectModelTerms, expectNumber, expectPriorStrength, expectSeed, invalid } from './errors.js';
import { RankingTally, rankOf } from './ranking-metrics.js';
import { sampleQueries, type RecommendationQueries } from './recommendation-queries.js';
import { mixScores, normalizeOver, RecommenderScorer, type HybridWeights } from './recommender-scorer.js';
import { GridRanker, simplexGrid } from './weight-grid.js';

export type RecommenderMethod = 'popularity' | 'cooccurrence' | 'history' | 'model' | 'hybrid';

/** One method's means over the queries. */
export interface RecommenderRow {
  method: RecommenderMethod;
  /** Hit rate of the hidden item in the top 10. */
  recallAt10: number;
  /** Mean of 1 / log2(rank + 2) over queries whose 0-based rank is below 10. */
  ndcgAt10: number;
  /** The same at the cutoff `k` (equal to the above when k = 10). */
  recall: number;
  ndcg: number;
  queries: number;
}

export interface EvaluateRecommendersOptions {
  model: AuthorTopicModel;
  /** Training baskets: popularity, histories and co-occurrences (usually `model.corpus`). */
  train: Corpus;
  /** Baskets just before the test period, on which μ and the hybrid weights are tuned. */
  validation: Corpus;
  /** The last baskets, "the future". All corpora share the model's term and customer vocabularies. */
  test: Corpus;
  /** Cutoff of `recall` and `ndcg`. Default 10. */
  k?: number;
  /** Queries sampled per split (seeded, uniform over eligible (basket, item) pairs). Default 20,000. */
  maxQueries?: number;
  /** Seed of the query samples. Default 1. */
  seed?: number;
  /** Distinct items a basket needs to give queries (the partial basket keeps at least minItems − 1). Default 2. */
  minItems?: number;
  /** Candidate values of the history smoothing μ. Default 0.1 … 10,000 (15 values). */
  mus?: readonly number[];
  /** Resolution of the hybrid weight grid: weights are multiples of 1 / weightSteps. Default 10 (66 triples). */
  weightSteps?: number;
  /**
   * Candidate prior strengths of the model component (pseudo-counts of the customer's mixture in the
   * fold-in prior, see `InferOptions.priorStrength` of @atm/core), tried besides the full counts.
   * Default 1, 3, 10, 30, 100; `[]` keeps the full counts without tuning (one fold-in per query).
   */
  priorStrengths?: readonly number[];
  /** Fold-in sweeps and burn-in of the model component (defaults 50 and 25, as `inferDocument`). */
  iterations?: number;
  burnIn?: number;
}

export interface RecommenderEvaluation {
  k: number;
  /** The test table: popularity, cooccurrence, history, model, hybrid (with the tuned μ and weights). */
  rows: RecommenderRow[];
  /** The same methods on the validation queries, with the tuned settings. */
  validationRows: RecommenderRow[];
  /** The tuned settings, ready for `new HybridRecommender(model, tuned)`; `priorStrength` undefined means the full counts. */
  tuned: { mu: number; weights: HybridWeights; priorStrength: number | undefined };
  /** History alone on validation for each candidate μ. */
  muCurve: { mu: number; recallAt10: number; ndcgAt10: number }[];
  /**
   * The model alone on validation for each candidate prior strength (undefined: full counts, first),
   * and the best hybrid that strength would give (the hybrid is tuned with the model's choice only).
   */
  priorCurve: { priorStrength: number | undefined; recallAt10: number; ndcgAt10: number; hybrid: { weights: HybridWeights; recallAt10: number; ndcgAt10: number } }[];
  /** The hybrid on validation for each weight triple, with the tuned prior strength. */
  weightGrid: { weights: HybridWeights; recallAt10: number; ndcgAt10: number }[];
  queries: { validation: number; test: number; eligibleValidation: number; eligibleTest: number };
  seconds: { setup: number; validation: number; test: number };
}

export const DEFAULT_MUS: readonly number[] = [0.1, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

/** Candidate prior strengths of the model component, tried besides the customer's full counts. */
export const DEFAULT_PRIOR_STRENGTHS: readonly number[] = [1, 3, 10, 30, 100];

const OPTIONS = ['model', 'train', 'validation', 'test', 'k', 'maxQueries', 'seed', 'minItems', 'mus', 'weightSteps', 'priorStrengths', 'iterations', 'burnIn'];
const QUERY_STREAM = 0x71;

interface Split {
  corpus: Corpus;
  baskets: BasketItems;
  queries: RecommendationQueries;
}

/**
 * Leave-one-out evaluation of five recommenders on held-out baskets of known customers. Each query
 * hides one distinct item of a basket; the rest of its distinct items is the partial basket; every
 * term not in the partial basket is ranked (ties: lower term id, as in the top-N lists), and the
 * hidden item's rank gives Recall@10 and NDCG@10. All methods are scored on the SAME queries:
 *
 * - popularity: p(w), the training token share;
 * - cooccurrence: Σ over partial items i of cooc(i, w) / count(i) (summed estimates of
 *   P(w | i) from training baskets), with a p(w) / (2 D) back-off for terms never bought with them;
 * - history: (c_uw + μ p(w)) / (n_u + μ), μ tuned on validation;
 * - model: Σ_k θ'_k φ_kw, θ' = the model's fold-in of the partial basket with the customer's prior
 *   (exactly `model.inferDocument(partial, { authors: [u], priorStrength })`): their full counts, or
 *   their mixture worth `priorStrength` pseudo-counts, whichever of the candidates gives the model
 *   the best validation NDCG@10 (full counts win ties);
 * - hybrid: λ_h·history + λ_m·model + λ_c·cooccurrence, each normalized to sum to 1 over the
 *   candidates, with the model's tuned prior strength, weights the best NDCG@10 on validation over a
 *   simplex grid.
 *
 * At most `maxQueries` queries per split (default 20,000) are drawn uniformly with a seed, so the
 * cost stays bounded: per query O(K·V) for the model and O(V) per method, μ and grid point (the grid
 * re-mixes only the terms that can outrank the hidden item). On validation the fold-in and the grid
 * run once per candidate prior strength (6 by default); on test once.
 *
 * @example
 * const result = evaluateRecommenders({ model, train: model.corpus, validation, test, maxQueries: 20_000 });
 * console.table(result.rows); // method, recallAt10, ndcgAt10, …
 * result.tuned; // { mu: 20, weights: { history: 0.5, model: 0.4, cooccurrence: 0.1 }, priorStrength: 10 }
 */
export function evaluateRecommenders(options: EvaluateRecommendersOptions): RecommenderEvaluation {
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
  const opts = checkOptions(options, OPTIONS, 'evaluateRecommenders options');
  const model = expectModel(opts.model, 'options.model');
  const corpora = { train: opts.train, validation: opts.validation, test: opts.test };
  for (const [name, c] of Object.entries(corpora)) {
    expectCorpus(c, `options.${name}`);
    expectModelTerms(c!, model, `options.${name}`);
    expectModelAuthors(c!, model, `options.${name}`);
  }
  const k = expectInteger(opts.k ?? 10, 'options.k', 1);
  const maxQueries = expectInteger(opts.maxQueries ?? 20_000, 'options.maxQueries', 1);
  const seed = expectSeed(opts.seed ?? 1, 'options.seed');
  const minItems = expectInteger(opts.minItems ?? 2, 'options.minItems', 2);
  const mus = opts.mus ?? DEFAULT_MUS;
  if (!Array.isArray(mus) || mus.length === 0) throw new TypeError(invalid('a non-empty array of numbers', 'options.mus', mus));
  mus.forEach((mu, i) => {
    if (!(expectNumber(mu, `options.mus[${i}]`, 0) > 0)) throw new RangeError(invalid('a positive number', `options.mus[${i}]`, mu));
  });
  const grid = simplexGrid(expectInteger(opts.weightSteps ?? 10, 'options.weightSteps', 1));
  const priorStrengths = opts.priorStrengths ?? DEFAULT_PRIOR_STRENGTHS;
  if (!Array.isArray(priorStrengths)) throw new TypeError(invalid('an array of numbers', 'options.priorStrengths', priorStrengths));
  const strengths = [undefined, ...priorStrengths.map((s, i) => expectPriorStrength(s, `options.priorStrengths[${i}]`))];
  const iterations = expectInteger(opts.iterations ?? 50, 'options.iterations', 1);
  const burnIn = expectInteger(opts.burnIn ?? Math.floor(iterations / 2), 'options.burnIn', 0, iterations - 1);

  let clock = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const s = (now - clock) / 1000;
    clock = now;
    return s;
  };
  const scorer = new RecommenderScorer(model, opts.train!, { iterations, burnIn, seed: model.seed });
  const split = (corpus: Corpus, stream: number, name: string): Split => {
    const baskets = basketItems(corpus);
    const queries = sampleQueries(corpus, baskets, scorer.history.totals, maxQueries, minItems, Rng.forStream(seed, QUERY_STREAM, stream));
    if (queries.doc.length === 0)
      throw new RangeError(invalid(`baskets of customers with training history and at least ${minItems} distinct items`, `options.${name}`, 'none'));
    return { corpus, baskets, queries };
  };
  const validation = split(opts.validation!, 0, 'validation');
  const test = split(opts.test!, 1, 'test');
  const setup = lap();

  const run = new QueryRunner(scorer, k);
  const muTallies = run.tuneMu(validation, mus);
  const best = (tallies: RankingTally[]): number => {
    let b = 0;
    for (let i = 1; i < tallies.length; i++)
      if (tallies[i].ndcgAt10 > tallies[b].ndcgAt10 || (tallies[i].ndcgAt10 === tallies[b].ndcgAt10 && tallies[i].recallAt10 > tallies[b].recallAt10)) b = i;
    return b;
  };
  const mu = mus[best(muTallies)];
  const onValidation = run.methods(validation, mu, grid, strengths);
  // The model component's strength first, on its own; then the hybrid's weights with it.
  const chosen = best(onValidation.model);
  const priorStrength = strengths[chosen];
  const gridTallies = onValidation.hybrid[chosen];
  const weights = grid[best(gridTallies)];
  const validationSeconds = lap();
  const onTest = run.methods(test, mu, [weights], [priorStrength]);
  const testSeconds = lap();

  const rows = (r: MethodTallies, s: number, hybrid: RankingTally): RecommenderRow[] =>
    [...r.base, r.model[s], hybrid].map((t, i) => ({
      method: (['popularity', 'cooccurrence', 'history', 'model', 'hybrid'] as const)[i],
      recallAt10: t.recallAt10,
      ndcgAt10: t.ndcgAt10,
      recall: t.recall,
      ndcg: t.ndcg,
      queries: t.count,
    }));
  return {
    k,
    rows: rows(onTest, 0, onTest.hybrid[0][0]),
    validationRows: rows(onValidation, chosen, gridTallies[grid.indexOf(weights)]),
    tuned: { mu, weights, priorStrength },
    muCurve: mus.map((m, i) => ({ mu: m, recallAt10: muTallies[i].recallAt10, ndcgAt10: muTallies[i].ndcgAt10 })),
    priorCurve: strengths.map((s, i) => {
      const tallies = onValidation.hybrid[i];
      const g = best(tallies);
      return {
        priorStrength: s,
        recallAt10: onValidation.model[i].recallAt10,
        ndcgAt10: onValidation.model[i].ndcgAt10,
        hybrid: { weights: grid[g], recallAt10: tallies[g].recallAt10, ndcgAt10: tallies[g].ndcgAt10 },
      };
    }),
    weightGrid: grid.map((w, i) => ({ weights: w, recallAt10: gridTallies[i].recallAt10, ndcgAt10: gridTallies[i].ndcgAt10 })),
    queries: {
      validation: validation.queries.doc.length,
      test: test.queries.doc.length,
      eligibleValidation: validation.queries.eligible,
      eligibleTest: test.queries.eligible,
    },
    seconds: { setup, validation: validationSeconds, test: testSeconds },
  };
}

/** Tallies of one pass: popularity, co-occurrence and history; the model per prior strength; the hybrid per strength and weight triple. */
interface MethodTallies {
  base: RankingTally[];
  model: RankingTally[];
  hybrid: RankingTally[][];
}

/** Runs the queries of a split with reusable buffers: the partial basket, its exclusion mask and one score vector per method. */
class QueryRunner {
  private readonly scorer: RecommenderScorer;
  private readonly k: number;
  private readonly excluded: Uint8Array;
  private readonly partial: Uint32Array;
  private readonly buffers: Float64Array[];
  private readonly ranker: GridRanker;

  constructor(scorer: RecommenderScorer, k: number) {
    const V = scorer.numTerms;
    this.scorer = scorer;
    this.k = k;
    this.excluded = new Uint8Array(V);
    this.partial = new Uint32Array(V);
    this.buffers = Array.from({ length: 4 }, () => new Float64Array(V));
    this.ranker = new GridRanker(V);
  }

  private get limit(): number {
    return Math.max(this.k, 10);
  }

  /** Calls `fn` for each query with its customers, partial basket and hidden item; the partial basket is marked in `excluded` meanwhile. */
  private each(split: Split, fn: (authors: Uint32Array, partial: Uint32Array, hidden: number) => void): void {
    const { corpus, baskets, queries } = split;
    const { excluded } = this;
    for (let q = 0; q < queries.doc.length; q++) {
      const d = queries.doc[q];
      const start = baskets.offsets[d];
      const size = baskets.offsets[d + 1] - start;
      const hidden = baskets.items[start + queries.position[q]];
      let p = 0;
      for (let i = 0; i < size; i++) if (i !== queries.position[q]) this.partial[p++] = baskets.items[start + i];
      const partial = this.partial.subarray(0, p);
      for (let i = 0; i < p; i++) excluded[partial[i]] = 1;
      fn(corpus.docAuthorIds(d), partial, hidden);
      for (let i = 0; i < p; i++) excluded[partial[i]] = 0;
    }
  }

  /** History alone for each μ. */
  tuneMu(split: Split, mus: readonly number[]): RankingTally[] {
    const tallies = mus.map(() => new RankingTally(this.k));
    const scratch = this.buffers[0];
    this.each(split, (authors, partial, hidden) => {
      for (let i = 0; i < mus.length; i++) tallies[i].add(this.scorer.historyRank(authors, mus[i], hidden, partial, this.excluded, this.limit, scratch));
    });
    return tallies;
  }

  /**
   * Popularity, co-occurrence and history tallies; for each prior strength a model tally and one
   * hybrid tally per weight triple: with one triple the mixture is ranked in full, with more the
   * {@link GridRanker} shares the work.
   */
  methods(split: Split, mu: number, grid: readonly HybridWeights[], strengths: readonly (number | undefined)[]): MethodTallies {
    const { scorer, excluded, limit } = this;
    const base = Array.from({ length: 3 }, () => new RankingTally(this.k));
    const model = strengths.map(() => new RankingTally(this.k));
    const hybrid = strengths.map(() => grid.map(() => new RankingTally(this.k)));
    const [cooc, history, scores, mixed] = this.buffers;
    this.each(split, (authors, partial, hidden) => {
      base[0].add(scorer.popularityRank(hidden, partial, limit));
      base[1].add(rankOf(scorer.cooccurrenceScores(partial, cooc), hidden, excluded, limit));
      base[2].add(rankOf(scorer.historyScores(authors, mu, history), hidden, excluded, limit));
      normalizeOver(history, excluded);
      normalizeOver(cooc, excluded);
      for (let s = 0; s < strengths.length; s++) {
        model[s].add(rankOf(scorer.modelScores(authors, partial, scores, strengths[s]), hidden, excluded, limit));
        normalizeOver(scores, excluded);
        if (grid.length === 1) hybrid[s][0].add(rankOf(mixScores(grid[0], history, scores, cooc, mixed), hidden, excluded, limit));
        else this.ranker.addRanks(history, scores, cooc, hidden, excluded, grid, hybrid[s], limit);
      }
    });
    return { base, model, hybrid };
  }
}
