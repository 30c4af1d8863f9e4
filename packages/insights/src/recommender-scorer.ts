import { Rng, type AuthorTopicModel, type Corpus } from '@atm/core';
import { basketItems } from './basket-items.js';
import { CoOccurrence } from './co-occurrence.js';
import { CustomerHistory } from './customer-history.js';
import { expectPriorStrength } from './errors.js';
import { FoldInSampler } from './fold-in-sampler.js';
import { rankOf } from './ranking-metrics.js';

/** Weights of the hybrid recommender's three normalized components; they sum to 1. */
export interface HybridWeights {
  history: number;
  model: number;
  cooccurrence: number;
}

/** Fold-in settings of the model's predictive (as `inferDocument`). */
export interface FoldInSettings {
  iterations: number;
  burnIn: number;
  seed: number;
}

/** The generator stream of `AuthorTopicModel.inferDocument`: every call draws from `Rng.forStream(seed, INFER_STREAM, 0)`. */
export const INFER_STREAM = 0xfffffffe;

/**
 * Everything the recommenders score with, computed once from the training corpus: term popularity,
 * each customer's history, item-to-item co-occurrence and the model's fold-in sampler. Each method
 * writes one score per term into a caller-owned `Float64Array(V)`; nothing is allocated per query.
 * Term ids and customer ids are those of the training corpus (which must share the model's).
 *
 * @example
 * const scorer = new RecommenderScorer(model, model.corpus, { iterations: 50, burnIn: 25, seed: model.seed });
 * const scores = new Float64Array(model.corpus.numTerms);
 * scorer.modelScores([customer], partialTermIds, scores);
 */
export class RecommenderScorer {
  readonly numTerms: number;
  /** p(w): each term's share of the training tokens. */
  readonly popularity: Float64Array;
  /** Terms by popularity, most popular first (ties: lower id), and each term's position in that order. */
  readonly popularOrder: Int32Array;
  readonly popularPosition: Int32Array;
  readonly history: CustomerHistory;
  readonly cooccurrence: CoOccurrence;
  readonly sampler: FoldInSampler;
  readonly foldIn: FoldInSettings;
  /** Weight of the popularity back-off in co-occurrence scores, 1 / (2 D): below any single co-purchase (≥ 1 / D). */
  private readonly backoff: number;
  private readonly prior: Float64Array;
  private readonly theta: Float64Array;
  /** Σ_k α_k φ_kw per term: the prior's share of every predictive, computed once. */
  private readonly alphaPhi: Float64Array;
  private readonly nak: ArrayLike<number>;
  private readonly na: ArrayLike<number>;
  private readonly alphaSum: number;
  private readonly weight: Float64Array;
  private readonly topics: Int32Array;

  constructor(model: AuthorTopicModel, train: Corpus, foldIn: FoldInSettings) {
    const V = train.numTerms;
    this.numTerms = V;
    this.popularity = train.termTotals();
    const N = train.numTokens;
    for (let w = 0; w < V; w++) this.popularity[w] /= N;
    const p = this.popularity;
    this.popularOrder = Int32Array.from({ length: V }, (_, w) => w).sort((a, b) => p[b] - p[a] || a - b);
    this.popularPosition = new Int32Array(V);
    for (let i = 0; i < V; i++) this.popularPosition[this.popularOrder[i]] = i;
    this.history = CustomerHistory.fromCorpus(train);
    this.cooccurrence = CoOccurrence.fromBaskets(basketItems(train));
    this.backoff = 1 / (2 * train.numDocs);
    this.sampler = FoldInSampler.fromModel(model);
    this.foldIn = foldIn;
    const K = model.numTopics;
    this.prior = new Float64Array(K);
    this.theta = new Float64Array(K);
    this.weight = new Float64Array(K);
    this.topics = new Int32Array(K);
    this.nak = model.state.nak;
    this.na = model.state.na;
    const alpha = model.alpha;
    let alphaSum = 0;
    for (let k = 0; k < K; k++) alphaSum += alpha[k];
    this.alphaSum = alphaSum;
    const phiT = this.sampler.phiT;
    this.alphaPhi = new Float64Array(V);
    for (let w = 0; w < V; w++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += alpha[k] * phiT[w * K + k];
      this.alphaPhi[w] = s;
    }
  }

  /**
   * (a) Global popularity p(w).
   *
   * @example
   * scorer.popularityScores(new Float64Array(V));
   */
  popularityScores(out: Float64Array): Float64Array {
    out.set(this.popularity);
    return out;
  }

  /**
   * (b) Item-to-item: Σ over partial items i of cooc(i, w) / count(i), the summed estimates of
   * P(w in basket | i in basket), plus p(w) / (2 D) so that terms never bought with the partial items
   * rank by popularity, never above a term bought with one of them.
   *
   * @example
   * scorer.cooccurrenceScores(partialTermIds, new Float64Array(V));
   */
  cooccurrenceScores(partial: ArrayLike<number>, out: Float64Array): Float64Array {
    const { offsets, partners, counts, basketCounts } = this.cooccurrence;
    for (let w = 0; w < this.numTerms; w++) out[w] = this.backoff * this.popularity[w];
    for (let p = 0; p < partial.length; p++) {
      const i = partial[p];
      if (basketCounts[i] === 0) continue;
      const inv = 1 / basketCounts[i];
      for (let j = offsets[i]; j < offsets[i + 1]; j++) out[partners[j]] += counts[j] * inv;
    }
    return out;
  }

  /**
   * The rank {@link rankOf} gives `hidden` under popularity, in O(partial basket): its position in the
   * popularity order less the excluded terms ahead of it. `partial` lists distinct terms, all excluded.
   *
   * @example
   * scorer.popularityRank(hidden, partial, 10); // = rankOf(scorer.popularity, hidden, excluded, 10)
   */
  popularityRank(hidden: number, partial: ArrayLike<number>, limit: number): number {
    const pos = this.popularPosition;
    let rank = pos[hidden];
    for (let i = 0; i < partial.length; i++) if (pos[partial[i]] < pos[hidden]) rank--;
    return Math.min(rank, limit);
  }

  /**
   * The rank {@link rankOf} gives `hidden` under {@link historyScores} for one customer, without
   * scoring every term: terms the customer bought are compared one by one; every other term scores
   * μ p(w) / (n + μ), which falls along the popularity order, so those ahead of `hidden` are a prefix
   * of it, found by bisection. O(customer's terms + partial basket + log V); several customers fall
   * back to scoring every term into `scratch`. `partial` lists distinct terms, those marked in `excluded`.
   *
   * @example
   * scorer.historyRank([u], 20, hidden, partial, excluded, 10, scratch); // = rankOf(scorer.historyScores([u], 20, scratch), hidden, excluded, 10)
   */
  historyRank(authors: ArrayLike<number>, mu: number, hidden: number, partial: ArrayLike<number>, excluded: Uint8Array, limit: number, scratch: Float64Array): number {
    if (authors.length !== 1) return rankOf(this.historyScores(authors, mu, scratch), hidden, excluded, limit);
    const { offsets, terms, counts, totals } = this.history;
    const p = this.popularity;
    const a = authors[0];
    const from = offsets[a];
    const to = offsets[a + 1];
    const inv = 1 / (totals[a] + mu);
    const bought = (w: number): number => {
      let lo = from;
      let hi = to;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (terms[mid] < w) lo = mid + 1;
        else hi = mid;
      }
      return lo < to && terms[lo] === w ? lo : -1;
    };
    const at = bought(hidden);
    const target = at >= 0 ? mu * p[hidden] * inv + counts[at] * inv : mu * p[hidden] * inv;
    let rank = 0;
    for (let j = from; j < to; j++) {
      const w = terms[j];
      if (w === hidden || excluded[w] !== 0) continue;
      const s = mu * p[w] * inv + counts[j] * inv;
      if (s > target || (s === target && w < hidden)) rank++;
    }
    // Terms not bought: the prefix of the popularity order that beats the target.
    const order = this.popularOrder;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const w = order[mid];
      const s = mu * p[w] * inv;
      if (s > target || (s === target && w < hidden)) lo = mid + 1;
      else hi = mid;
    }
    const pos = this.popularPosition;
    rank += lo;
    for (let j = from; j < to; j++) if (pos[terms[j]] < lo) rank--;
    for (let i = 0; i < partial.length; i++) if (pos[partial[i]] < lo && bought(partial[i]) < 0) rank--;
    if (at < 0 && pos[hidden] < lo) rank--;
    return Math.min(rank, limit);
  }

  /**
   * (c) The customers' own history, Dirichlet-smoothed towards popularity: (c_uw + μ p(w)) / (n_u + μ).
   *
   * @example
   * scorer.historyScores([customerIndex], 20, new Float64Array(V));
   */
  historyScores(authors: ArrayLike<number>, mu: number, out: Float64Array): Float64Array {
    const { offsets, terms, counts, totals } = this.history;
    let n = 0;
    for (let i = 0; i < authors.length; i++) n += totals[authors[i]];
    const inv = 1 / (n + mu);
    for (let w = 0; w < this.numTerms; w++) out[w] = mu * this.popularity[w] * inv;
    for (let i = 0; i < authors.length; i++) {
      const a = authors[i];
      for (let j = offsets[a]; j < offsets[a + 1]; j++) out[terms[j]] += counts[j] * inv;
    }
    return out;
  }

  /**
   * (d) The model's predictive p(w | u, partial) = Σ_k θ'_k φ_kw, θ' folded in from the partial basket
   * with the customers' prior (α alone for none): their full counts, or with `priorStrength` s their
   * mixture worth s pseudo-counts. Draws from a fresh `Rng.forStream(seed, INFER_STREAM, 0)`, so θ' is
   * `model.inferDocument(partial, { authors, priorStrength })`. Since θ'_k (n + Σ prior) = (fold-in
   * counts)_k + prior_k, and prior_k = c·α_k + (customer part)_k with c = 1 for full counts and
   * c = 1 + s · mean 1 / (n_a + Σα) for a strength, the sum splits into c times the precomputed
   * Σ_k α_k φ_kw and a sum over the topics with counts only: O(V · used topics) instead of O(V · K);
   * equal to `predictiveScores(θ')` up to rounding.
   *
   * @example
   * scorer.modelScores([customerIndex], partialTermIds, new Float64Array(V));
   * scorer.modelScores([customerIndex], partialTermIds, new Float64Array(V), 10);
   */
  modelScores(authors: ArrayLike<number>, partial: ArrayLike<number>, out: Float64Array, priorStrength?: number): Float64Array {
    const { iterations, burnIn, seed } = this.foldIn;
    const { sampler, theta, prior, nak, na, alphaSum, weight, topics, alphaPhi } = this;
    const strength = expectPriorStrength(priorStrength, 'priorStrength');
    const K = sampler.numTopics;
    const A = authors.length;
    sampler.sample(partial, 0, partial.length, sampler.prior(authors, prior, strength), Rng.forStream(seed, INFER_STREAM, 0), iterations, burnIn, theta, 0);
    let priorSum = 0;
    for (let k = 0; k < K; k++) priorSum += prior[k];
    // The customers' part of the prior: mean n_ak (full counts) or s · mean n_ak / (n_a + Σα); α's share is alphaScale.
    let alphaScale = 1;
    if (strength !== undefined && A > 0) {
      let inv = 0;
      for (let i = 0; i < A; i++) inv += 1 / (na[authors[i]] + alphaSum);
      alphaScale += (strength * inv) / A;
    }
    let m = 0;
    for (let k = 0; k < K; k++) {
      let c = sampler.samples > 0 ? sampler.counts[k] / sampler.samples : 0;
      if (strength === undefined) for (let i = 0; i < A; i++) c += nak[authors[i] * K + k] / A;
      else for (let i = 0; i < A; i++) c += (strength * nak[authors[i] * K + k]) / (na[authors[i]] + alphaSum) / A;
      if (c > 0) {
        topics[m] = k;
        weight[m++] = c;
      }
    }
    const scale = 1 / (partial.length + priorSum);
    const phiT = sampler.phiT;
    for (let w = 0; w < this.numTerms; w++) {
      const base = w * K;
      let s = alphaScale * alphaPhi[w];
      for (let j = 0; j < m; j++) s += weight[j] * phiT[base + topics[j]];
      out[w] = s * scale;
    }
    return out;
  }
}

/**
 * Scales a score vector so that it sums to 1 over the eligible entries (those with `excluded[w] === 0`),
 * making components on different scales mixable. Excluded entries are scaled too but never ranked.
 *
 * @example
 * normalizeOver(new Float64Array([1, 3, 4]), new Uint8Array([0, 0, 1])); // [0.25, 0.75, 1]
 */
export function normalizeOver(scores: Float64Array, excluded: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let w = 0; w < scores.length; w++) if (excluded[w] === 0) s += scores[w];
  if (s > 0) for (let w = 0; w < scores.length; w++) scores[w] /= s;
  return scores;
}

/**
 * The hybrid score `λ_h·history + λ_m·model + λ_c·cooccurrence` of normalized components, computed
 * with one fixed expression so that every caller gets bit-identical values.
 *
 * @example
 * mixScores({ history: 0.5, model: 0.3, cooccurrence: 0.2 }, history, model, cooc, new Float64Array(V));
 */
export function mixScores(weights: HybridWeights, history: Float64Array, model: Float64Array, cooccurrence: Float64Array, out: Float64Array): Float64Array {
  const { history: a, model: b, cooccurrence: c } = weights;
  for (let w = 0; w < out.length; w++) out[w] = mix(a, b, c, history[w], model[w], cooccurrence[w]);
  return out;
}

/** One hybrid score; the single place the mixture is evaluated. */
export function mix(a: number, b: number, c: number, h: number, m: number, o: number): number {
  return a * h + b * m + c * o;
}
