import type { AuthorTopicModel, Rng } from '@atm/core';
import { transposedPhi } from './predictive.js';

/**
 * Fold-in Gibbs sampling of documents against a trained model's fixed φ, with buffers that are
 * allocated once and reused for every document. It performs the same steps as
 * `AuthorTopicModel.foldIn` with the same floating-point operations in the same order, so given the
 * same generator state it returns bit-identical topic distributions; φ is stored transposed
 * (V x K) so that the per-token conditional reads one contiguous row.
 *
 * @example
 * const sampler = FoldInSampler.fromModel(model);
 * const prior = sampler.prior([customerIndex]);
 * const theta = new Float64Array(model.numTopics);
 * sampler.sample(termIds, 0, termIds.length, prior, new Rng(1), 50, 25, theta, 0);
 */
export class FoldInSampler {
  readonly numTopics: number;
  readonly numTerms: number;
  /** φ transposed: term w's topic weights are `phiT[w*K .. w*K + K)`. */
  readonly phiT: Float64Array;
  private readonly alpha: Float64Array;
  private readonly nak: ArrayLike<number>;
  /** Each customer's token count n_a (= Σ_k n_ak). */
  private readonly na: ArrayLike<number>;
  /** Σ_k α_k, summed left to right as `@atm/core` does. */
  private readonly alphaSum: number;
  /** Σ over the averaged sweeps of the last call's topic counts (exact integers): θ_k = (counts_k / samples + prior_k) / (n + Σ prior). */
  readonly counts: Float64Array;
  /** Sweeps averaged by the last call (0 for an empty range). */
  samples = 0;
  private z: Int32Array;
  private readonly ndk: Float64Array;
  private readonly cdf: Float64Array;

  /**
   * `phiT` is φ transposed (V x K); `nak` the customers' topic counts (A x K); `alpha` the model's α;
   * `na` the customers' token counts (default: the row sums of `nak`).
   */
  constructor(phiT: Float64Array, numTopics: number, alpha: Float64Array, nak: ArrayLike<number>, na?: ArrayLike<number>) {
    const K = numTopics;
    this.numTopics = K;
    this.numTerms = phiT.length / K;
    this.phiT = phiT;
    this.alpha = alpha;
    this.nak = nak;
    if (na === undefined) {
      const totals = new Float64Array(nak.length / K);
      for (let a = 0; a < totals.length; a++) for (let k = 0; k < K; k++) totals[a] += nak[a * K + k];
      na = totals;
    }
    this.na = na;
    let alphaSum = 0;
    for (let k = 0; k < K; k++) alphaSum += alpha[k];
    this.alphaSum = alphaSum;
    this.z = new Int32Array(64);
    this.ndk = new Float64Array(K);
    this.cdf = new Float64Array(K);
    this.counts = new Float64Array(K);
  }

  /**
   * A sampler over the model's φ (the averaged one when training averaged samples), α and customer counts.
   *
   * @example
   * const sampler = FoldInSampler.fromModel(model);
   */
  static fromModel(model: AuthorTopicModel): FoldInSampler {
    return new FoldInSampler(transposedPhi(model), model.numTopics, model.alpha, model.state.nak, model.state.na);
  }

  /**
   * The fold-in prior of a basket, with the arithmetic of `inferDocument(…, { authors, priorStrength })`:
   * with customers, the mean over them of their topic counts plus α (the model's predictive for
   * them), or with a `strength` s, `α_k + s · mean of (n_ak + α_k) / (n_a + Σα)` (their mixture worth
   * s pseudo-counts); with none, α (a cold start). `strength` is not checked here.
   *
   * @example
   * sampler.prior([model.corpus.authorIndex('CUST0000123456')!]);
   * sampler.prior([customerIndex], new Float64Array(model.numTopics), 10);
   */
  prior(authors: ArrayLike<number>, out: Float64Array = new Float64Array(this.numTopics), strength?: number): Float64Array {
    const K = this.numTopics;
    const { alpha, nak } = this;
    if (authors.length === 0) {
      out.set(alpha);
      return out;
    }
    out.fill(0);
    for (let i = 0; i < authors.length; i++) {
      const a = authors[i];
      if (strength === undefined) for (let k = 0; k < K; k++) out[k] += (nak[a * K + k] + alpha[k]) / authors.length;
      else {
        const total = this.na[a] + this.alphaSum;
        for (let k = 0; k < K; k++) out[k] += (nak[a * K + k] + alpha[k]) / total / authors.length;
      }
    }
    if (strength !== undefined) for (let k = 0; k < K; k++) out[k] = alpha[k] + strength * out[k];
    return out;
  }

  /**
   * Samples the topics of the tokens `ids[from..to)` and writes their averaged distribution (over the
   * sweeps after `burnIn`) to `out[offset .. offset + K)`. An empty range gives the normalized prior
   * and draws nothing.
   *
   * @example
   * sampler.sample(corpus.tokens, corpus.docOffsets[d], corpus.docOffsets[d + 1], sampler.prior([]), rng, 50, 25, out, d * K);
   */
  sample(
    ids: ArrayLike<number>,
    from: number,
    to: number,
    prior: Float64Array,
    rng: Rng,
    iterations: number,
    burnIn: number,
    out: Float64Array,
    offset: number,
  ): void {
    const K = this.numTopics;
    let priorSum = 0;
    for (let k = 0; k < K; k++) priorSum += prior[k];
    const n = to - from;
    const { ndk, cdf, phiT, counts } = this;
    counts.fill(0);
    this.samples = 0;
    if (n === 0) {
      for (let k = 0; k < K; k++) out[offset + k] = prior[k] / priorSum;
      return;
    }
    if (this.z.length < n) this.z = new Int32Array(Math.max(n, 2 * this.z.length));
    const z = this.z;
    ndk.fill(0);
    for (let k = 0; k < K; k++) out[offset + k] = 0;
    for (let i = 0; i < n; i++) {
      z[i] = rng.below(K);
      ndk[z[i]]++;
    }
    let samples = 0;
    for (let it = 0; it < iterations; it++) {
      for (let i = 0; i < n; i++) {
        ndk[z[i]]--;
        const base = ids[from + i] * K;
        let s = 0;
        for (let k = 0; k < K; k++) {
          s += phiT[base + k] * (ndk[k] + prior[k]);
          cdf[k] = s;
        }
        const u = rng.uniform() * s;
        let k = 0;
        while (k < K - 1 && u >= cdf[k]) k++;
        z[i] = k;
        ndk[k]++;
      }
      if (it >= burnIn) {
        for (let k = 0; k < K; k++) {
          out[offset + k] += (ndk[k] + prior[k]) / (n + priorSum);
          counts[k] += ndk[k];
        }
        samples++;
      }
    }
    for (let k = 0; k < K; k++) out[offset + k] /= samples;
    this.samples = samples;
  }
}
