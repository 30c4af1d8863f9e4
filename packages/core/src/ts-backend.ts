import type { Backend, SamplerState, SweepRequest, TrainingSetup } from './backend.js';
import { Rng } from './rng.js';

/**
 * The pure-TypeScript reference backend.
 *
 * Every floating-point expression here has a twin in native/core/sampler.h written in the same
 * order, and no log/exp/pow appears in the sampled path, so both backends draw the same topics.
 * Parallel sweeps (threads > 1) are simulated sequentially: each worker samples its documents
 * against a private copy of the term–topic counts, and the copies are merged after the sweep
 * (AD-LDA). Author counts need no copy because workers own disjoint sets of authors.
 */
export class TsBackend implements Backend {
  readonly name = 'ts' as const;
  /**
   * The MH word-proposal tables (3 × V × K numbers) of each training setup, kept between runs:
   * training in slices (held-out checks every few sweeps) would otherwise allocate them anew
   * each time. They are rebuilt from the counts at every MH sweep, so reuse changes no result.
   */
  private readonly wordAlias = new WeakMap<TrainingSetup, AliasTables>();

  async run(setup: TrainingSetup, state: SamplerState, request: SweepRequest): Promise<number> {
    const sampler = new SweepKernel(setup, state, this.wordAlias.get(setup));
    let done = 0;
    for (let s = 0; s < request.sweeps; s++) {
      if (request.signal?.aborted) break;
      sampler.sweep(request.seed, request.firstSweep + s, request.sampler, request.mhSteps);
      done++;
      request.onSweep?.(done);
      // Yield so progress callbacks, timers and AbortSignal listeners run between sweeps.
      if (s + 1 < request.sweeps) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (sampler.wordAliasTables) this.wordAlias.set(setup, sampler.wordAliasTables);
    return done;
  }
}

/** Vose alias tables over K outcomes for `rows` distributions, rebuilt in place. */
export class AliasTables {
  readonly prob: Float64Array;
  readonly alias: Int32Array;
  /** The unnormalised weights the tables were built from (the MH proposal's q). */
  readonly weight: Float64Array;
  private readonly small: Int32Array;
  private readonly large: Int32Array;

  constructor(
    readonly rows: number,
    readonly K: number,
  ) {
    this.prob = new Float64Array(rows * K);
    this.alias = new Int32Array(rows * K);
    this.weight = new Float64Array(rows * K);
    this.small = new Int32Array(K);
    this.large = new Int32Array(K);
  }

  /** Builds row r from `weight[r*K .. r*K+K)`, which the caller has filled. */
  build(r: number): void {
    const K = this.K;
    const base = r * K;
    const prob = this.prob;
    const alias = this.alias;
    let sum = 0;
    for (let k = 0; k < K; k++) sum += this.weight[base + k];
    const scale = K / sum;
    let ns = 0;
    let nl = 0;
    for (let k = 0; k < K; k++) {
      const p = this.weight[base + k] * scale;
      prob[base + k] = p;
      alias[base + k] = k;
      if (p < 1) this.small[ns++] = k;
      else this.large[nl++] = k;
    }
    while (ns > 0 && nl > 0) {
      const l = this.small[--ns];
      const g = this.large[--nl];
      alias[base + l] = g;
      const rest = prob[base + g] + prob[base + l] - 1;
      prob[base + g] = rest;
      if (rest < 1) this.small[ns++] = g;
      else this.large[nl++] = g;
    }
    while (nl > 0) prob[base + this.large[--nl]] = 1;
    while (ns > 0) prob[base + this.small[--ns]] = 1;
  }

  sample(r: number, rng: Rng): number {
    const base = r * this.K;
    const i = rng.below(this.K);
    return rng.uniform() < this.prob[base + i] ? i : this.alias[base + i];
  }
}

/** One sweep over all documents; the readable twin of native/core/sampler.h. */
export class SweepKernel {
  private readonly K: number;
  private readonly V: number;
  private readonly vBeta: number;
  private readonly alphaSum: number;
  private readonly invDen: Float64Array;
  private readonly cdf: Float64Array;
  private readonly phiTerm: Float64Array;
  private wordAlias?: AliasTables;
  private alphaAlias?: AliasTables;

  /** `wordAlias`: tables from an earlier kernel of the same setup to build into (any contents). */
  constructor(
    private readonly setup: TrainingSetup,
    private readonly state: SamplerState,
    wordAlias?: AliasTables,
  ) {
    this.K = setup.numTopics;
    this.V = setup.numTerms;
    this.vBeta = this.V * state.beta[0];
    let alphaSum = 0;
    for (let k = 0; k < this.K; k++) alphaSum += state.alpha[k];
    this.alphaSum = alphaSum;
    let maxAuthors = 1;
    const o = setup.docAuthorOffsets;
    for (let d = 0; d + 1 < o.length; d++) maxAuthors = Math.max(maxAuthors, o[d + 1] - o[d]);
    this.invDen = new Float64Array(this.K);
    this.cdf = new Float64Array(maxAuthors * this.K);
    this.phiTerm = new Float64Array(this.K);
    if (wordAlias && wordAlias.rows === this.V && wordAlias.K === this.K) this.wordAlias = wordAlias;
  }

  /** The word-proposal tables, once an MH sweep has built them. */
  get wordAliasTables(): AliasTables | undefined {
    return this.wordAlias;
  }

  sweep(seed: number, sweepIndex: number, sampler: 'dense' | 'mh', mhSteps: number): void {
    const { setup, state } = this;
    const threads = setup.workerOffsets.length - 1;
    if (sampler === 'mh') this.buildAliasTables();
    if (threads === 1) {
      this.sampleRange(0, Rng.forStream(seed, sweepIndex, 0), state.nwk, state.nk, sampler, mhSteps);
      return;
    }
    const snapshot = state.nwk.slice();
    const snapshotNk = state.nk.slice();
    const mergedNwk = snapshot.slice();
    const mergedNk = snapshotNk.slice();
    for (let t = 0; t < threads; t++) {
      const nwk = snapshot.slice();
      const nk = snapshotNk.slice();
      this.sampleRange(t, Rng.forStream(seed, sweepIndex, t), nwk, nk, sampler, mhSteps);
      for (let i = 0; i < nwk.length; i++) mergedNwk[i] += nwk[i] - snapshot[i];
      for (let k = 0; k < nk.length; k++) mergedNk[k] += nk[k] - snapshotNk[k];
    }
    state.nwk.set(mergedNwk);
    state.nk.set(mergedNk);
  }

  /** Stale proposal tables for one MH sweep: per term q_w(k) = (n_wk+β)/(n_k+Vβ), and one over α. */
  private buildAliasTables(): void {
    const { K, V, state } = this;
    const beta = state.beta[0];
    this.wordAlias ??= new AliasTables(V, K);
    this.alphaAlias ??= new AliasTables(1, K);
    const wa = this.wordAlias;
    for (let w = 0; w < V; w++) {
      const base = w * K;
      for (let k = 0; k < K; k++) wa.weight[base + k] = (state.nwk[base + k] + beta) / (state.nk[k] + this.vBeta);
      wa.build(w);
    }
    this.alphaAlias.weight.set(state.alpha);
    this.alphaAlias.build(0);
  }

  private sampleRange(worker: number, rng: Rng, nwk: Int32Array, nk: Int32Array, sampler: 'dense' | 'mh', mhSteps: number): void {
    const { setup, state, K } = this;
    const beta = state.beta[0];
    const invDen = this.invDen;
    for (let k = 0; k < K; k++) invDen[k] = 1 / (nk[k] + this.vBeta);
    const end = setup.workerOffsets[worker + 1];
    for (let p = setup.workerOffsets[worker]; p < end; p++) {
      const d = setup.docOrder[p];
      const authorBase = setup.docAuthorOffsets[d];
      const numAuthors = setup.docAuthorOffsets[d + 1] - authorBase;
      for (let i = setup.docOffsets[d]; i < setup.docOffsets[d + 1]; i++) {
        const w = setup.tokens[i];
        const wBase = w * K;
        const oldTopic = state.z[i];
        const oldAuthor = setup.docAuthors[authorBase + state.y[i]];
        nwk[wBase + oldTopic]--;
        nk[oldTopic]--;
        state.nak[oldAuthor * K + oldTopic]--;
        state.na[oldAuthor]--;
        invDen[oldTopic] = 1 / (nk[oldTopic] + this.vBeta);

        let topic: number;
        let authorPos = 0;
        if (numAuthors === 1) {
          topic =
            sampler === 'mh'
              ? this.sampleMh(i, oldTopic, wBase, oldAuthor, rng, nwk, nk, mhSteps)
              : this.sampleDense(wBase, oldAuthor * K, rng, nwk, beta);
        } else {
          // Joint draw of (author, topic) ∝ (n_wk+β)/(n_k+Vβ) · (n_ak+α_k)/(n_a+Σα).
          for (let k = 0; k < K; k++) this.phiTerm[k] = (nwk[wBase + k] + beta) * invDen[k];
          let sum = 0;
          for (let j = 0; j < numAuthors; j++) {
            const a = setup.docAuthors[authorBase + j];
            const aBase = a * K;
            const inv = 1 / (state.na[a] + this.alphaSum);
            for (let k = 0; k < K; k++) {
              sum += this.phiTerm[k] * (state.nak[aBase + k] + state.alpha[k]) * inv;
              this.cdf[j * K + k] = sum;
            }
          }
          const u = rng.uniform() * sum;
          const last = numAuthors * K - 1;
          let idx = 0;
          while (idx < last && u >= this.cdf[idx]) idx++;
          authorPos = Math.floor(idx / K);
          topic = idx - authorPos * K;
        }

        const newAuthor = setup.docAuthors[authorBase + authorPos];
        state.z[i] = topic;
        state.y[i] = authorPos;
        nwk[wBase + topic]++;
        nk[topic]++;
        state.nak[newAuthor * K + topic]++;
        state.na[newAuthor]++;
        invDen[topic] = 1 / (nk[topic] + this.vBeta);
      }
    }
  }

  /** Exact conditional over all K topics for a single-author token. */
  private sampleDense(wBase: number, aBase: number, rng: Rng, nwk: Int32Array, beta: number): number {
    const { K, invDen, cdf } = this;
    const nak = this.state.nak;
    const alpha = this.state.alpha;
    let sum = 0;
    for (let k = 0; k < K; k++) {
      sum += (nwk[wBase + k] + beta) * invDen[k] * (nak[aBase + k] + alpha[k]);
      cdf[k] = sum;
    }
    const u = rng.uniform() * sum;
    let k = 0;
    while (k < K - 1 && u >= cdf[k]) k++;
    return k;
  }

  /**
   * Metropolis–Hastings with a stale word proposal (alias table) and an author proposal that
   * copies the topic of a random token of the same author (or draws from α), as in LightLDA.
   * The target is the exact conditional; only ratios of it are needed.
   */
  private sampleMh(i: number, oldTopic: number, wBase: number, a: number, rng: Rng, nwk: Int32Array, nk: Int32Array, mhSteps: number): number {
    const { K, state, setup } = this;
    const beta = state.beta[0];
    const nak = state.nak;
    const alpha = state.alpha;
    const aBase = a * K;
    const wordAlias = this.wordAlias!;
    const w = wBase / K;
    const tokBegin = setup.authorTokenOffsets[a];
    const tokCount = setup.authorTokenOffsets[a + 1] - tokBegin;
    let s = oldTopic;
    for (let step = 0; step < mhSteps; step++) {
      // Word proposal: q(k) ∝ stale (n_wk+β)/(n_k+Vβ).
      let t = wordAlias.sample(w, rng);
      if (t !== s) {
        const piS = ((nwk[wBase + s] + beta) / (nk[s] + this.vBeta)) * (nak[aBase + s] + alpha[s]);
        const piT = ((nwk[wBase + t] + beta) / (nk[t] + this.vBeta)) * (nak[aBase + t] + alpha[t]);
        const qS = wordAlias.weight[wBase + s];
        const qT = wordAlias.weight[wBase + t];
        if (rng.uniform() * (piS * qT) < piT * qS) s = t;
      }
      // Author proposal: q(k) ∝ n_ak (this token counted at its old topic) + α_k.
      const u = rng.uniform() * (tokCount + this.alphaSum);
      if (u < tokCount) {
        const tok = setup.authorTokens[tokBegin + Math.floor(u)];
        t = tok === i ? oldTopic : state.z[tok];
      } else {
        t = this.alphaAlias!.sample(0, rng);
      }
      if (t !== s) {
        const piS = ((nwk[wBase + s] + beta) / (nk[s] + this.vBeta)) * (nak[aBase + s] + alpha[s]);
        const piT = ((nwk[wBase + t] + beta) / (nk[t] + this.vBeta)) * (nak[aBase + t] + alpha[t]);
        const qS = nak[aBase + s] + (s === oldTopic ? 1 : 0) + alpha[s];
        const qT = nak[aBase + t] + (t === oldTopic ? 1 : 0) + alpha[t];
        if (rng.uniform() * (piS * qT) < piT * qS) s = t;
      }
    }
    return s;
  }
}
