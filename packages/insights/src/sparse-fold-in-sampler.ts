import type { Rng } from '@atm/core';

/**
 * Fold-in Gibbs sampling with one prior shared by every document (e.g. α for basket missions), in the
 * SparseLDA manner: the conditional `φ_kw (n_dk + prior_k)` splits into a document bucket
 * `Σ_{k: n_dk > 0} φ_kw n_dk`, summed over the few topics the document uses, and a smoothing bucket
 * `Σ_k φ_kw prior_k`, whose cumulative sums over k are tabulated once per term and searched by
 * bisection. A draw costs O(topics in the document + log K) instead of O(K). It samples the same
 * Markov chain as {@link FoldInSampler} (same initial draws, same conditionals), but maps the uniform
 * draws to topics differently, so it agrees in distribution, not draw for draw.
 *
 * @example
 * const sparse = new SparseFoldInSampler(transposedPhi(model), model.numTopics, Float64Array.from(model.alpha));
 * sparse.sample(corpus.tokens, corpus.docOffsets[d], corpus.docOffsets[d + 1], rng, 50, 25, out, d * K);
 */
export class SparseFoldInSampler {
  readonly numTopics: number;
  private readonly phiT: Float64Array;
  private readonly prior: Float64Array;
  private readonly priorSum: number;
  /** Per term w, the cumulative sums over k of φ_kw prior_k at `[w*K, w*K + K)`. */
  private readonly smoothing: Float64Array;
  private z: Int32Array;
  private readonly ndk: Float64Array;
  private readonly counts: Float64Array;
  /** Topics with n_dk > 0, and each topic's slot in that list (-1 when absent). */
  private readonly used: Int32Array;
  private readonly slot: Int32Array;
  private readonly bucket: Float64Array;

  constructor(phiT: Float64Array, numTopics: number, prior: Float64Array) {
    const K = numTopics;
    const V = phiT.length / K;
    this.numTopics = K;
    this.phiT = phiT;
    this.prior = prior;
    let priorSum = 0;
    for (let k = 0; k < K; k++) priorSum += prior[k];
    this.priorSum = priorSum;
    this.smoothing = new Float64Array(V * K);
    for (let w = 0; w < V; w++) {
      let s = 0;
      for (let k = 0; k < K; k++) this.smoothing[w * K + k] = s += phiT[w * K + k] * prior[k];
    }
    this.z = new Int32Array(64);
    this.ndk = new Float64Array(K);
    this.counts = new Float64Array(K);
    this.used = new Int32Array(K);
    this.slot = new Int32Array(K).fill(-1);
    this.bucket = new Float64Array(K);
  }

  /**
   * As {@link FoldInSampler.sample} with the shared prior: writes the averaged θ of `ids[from..to)` to `out[offset..)`.
   *
   * @example
   * sparse.sample(ids, 0, ids.length, new Rng(1), 50, 25, theta, 0);
   */
  sample(ids: ArrayLike<number>, from: number, to: number, rng: Rng, iterations: number, burnIn: number, out: Float64Array, offset: number): void {
    const K = this.numTopics;
    const { prior, priorSum, phiT, smoothing, ndk, counts, used, slot, bucket } = this;
    const n = to - from;
    if (n === 0) {
      for (let k = 0; k < K; k++) out[offset + k] = prior[k] / priorSum;
      return;
    }
    if (this.z.length < n) this.z = new Int32Array(Math.max(n, 2 * this.z.length));
    const z = this.z;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const k = rng.below(K);
      z[i] = k;
      if (ndk[k]++ === 0) {
        slot[k] = m;
        used[m++] = k;
      }
    }
    let samples = 0;
    for (let it = 0; it < iterations; it++) {
      for (let i = 0; i < n; i++) {
        const old = z[i];
        if (--ndk[old] === 0) {
          const last = used[--m];
          used[slot[old]] = last;
          slot[last] = slot[old];
          slot[old] = -1;
        }
        const base = ids[from + i] * K;
        let r = 0;
        for (let j = 0; j < m; j++) bucket[j] = r += phiT[base + used[j]] * ndk[used[j]];
        const u = rng.uniform() * (r + smoothing[base + K - 1]);
        let k: number;
        if (u < r) {
          let j = 0;
          while (j < m - 1 && u >= bucket[j]) j++;
          k = used[j];
        } else {
          const v = u - r;
          let lo = 0;
          let hi = K - 1;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (smoothing[base + mid] > v) hi = mid;
            else lo = mid + 1;
          }
          k = lo;
        }
        z[i] = k;
        if (ndk[k]++ === 0) {
          slot[k] = m;
          used[m++] = k;
        }
      }
      if (it >= burnIn) {
        for (let j = 0; j < m; j++) counts[used[j]] += ndk[used[j]];
        samples++;
      }
    }
    const scale = 1 / (n + priorSum);
    for (let k = 0; k < K; k++) {
      out[offset + k] = (counts[k] / samples + prior[k]) * scale;
      counts[k] = 0;
    }
    for (let j = 0; j < m; j++) {
      ndk[used[j]] = 0;
      slot[used[j]] = -1;
    }
  }
}
