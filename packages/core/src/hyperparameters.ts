import type { SamplerState } from './backend.js';

/**
 * Hyperparameter learning by Minka's fixed-point iteration, with the histogram trick of
 * MALLET's `learnParameters`: the digamma differences Ψ(x + n) − Ψ(x) = Σ_{i<n} 1/(x + i) are
 * accumulated once per distinct count instead of once per author or term. Runs in TypeScript
 * between sweeps for both backends, so bit-identity across backends is kept.
 */

/** A weak Gamma(shape, scale) prior on each α_k keeps rarely used topics from collapsing to 0 (MALLET's defaults). */
const ALPHA_SHAPE = 1.001;
const ALPHA_SCALE = 1.0;

/**
 * Re-estimates the asymmetric α (one value per topic) from the author–topic counts, in place.
 * Returns the new Σα.
 *
 * @example
 * optimizeAlpha(model.state, K, A);
 */
export function optimizeAlpha(state: SamplerState, K: number, A: number, iterations = 200): number {
  const { nak, na, alpha } = state;
  let maxLen = 0;
  for (let a = 0; a < A; a++) maxLen = Math.max(maxLen, na[a]);
  const lengthHist = new Float64Array(maxLen + 1);
  for (let a = 0; a < A; a++) lengthHist[na[a]]++;
  // Per topic, histogram of n_ak over authors (only the non-empty tail matters).
  const maxCount = new Int32Array(K);
  for (let i = 0; i < nak.length; i++) {
    const k = i % K;
    if (nak[i] > maxCount[k]) maxCount[k] = nak[i];
  }
  const histOffsets = new Int32Array(K + 1);
  for (let k = 0; k < K; k++) histOffsets[k + 1] = histOffsets[k] + maxCount[k] + 1;
  const hist = new Float64Array(histOffsets[K]);
  for (let a = 0; a < A; a++) for (let k = 0; k < K; k++) hist[histOffsets[k] + nak[a * K + k]]++;

  let alphaSum = 0;
  for (let k = 0; k < K; k++) alphaSum += alpha[k];
  for (let it = 0; it < iterations; it++) {
    let denominator = 0;
    let digammaDiff = 0;
    for (let n = 1; n <= maxLen; n++) {
      digammaDiff += 1 / (alphaSum + n - 1);
      denominator += lengthHist[n] * digammaDiff;
    }
    let newSum = 0;
    let change = 0;
    for (let k = 0; k < K; k++) {
      const old = alpha[k];
      let numerator = 0;
      let diff = 0;
      for (let n = 1; n <= maxCount[k]; n++) {
        diff += 1 / (old + n - 1);
        numerator += hist[histOffsets[k] + n] * diff;
      }
      const next = (old * numerator + ALPHA_SHAPE) / (denominator + 1 / ALPHA_SCALE);
      alpha[k] = next;
      newSum += next;
      change = Math.max(change, Math.abs(next - old) / old);
    }
    alphaSum = newSum;
    if (change < 1e-6) break;
  }
  return alphaSum;
}

/**
 * Re-estimates the symmetric β from the term–topic counts, in place:
 * β ← β · Σ_{w,k} [Ψ(n_wk+β) − Ψ(β)] / (V · Σ_k [Ψ(n_k+Vβ) − Ψ(Vβ)]). Returns the new β.
 *
 * @example
 * optimizeBeta(model.state, K, V);
 */
export function optimizeBeta(state: SamplerState, K: number, V: number, iterations = 200): number {
  const { nwk, nk } = state;
  let maxCount = 0;
  for (let i = 0; i < nwk.length; i++) if (nwk[i] > maxCount) maxCount = nwk[i];
  const countHist = new Float64Array(maxCount + 1);
  for (let i = 0; i < nwk.length; i++) countHist[nwk[i]]++;
  let maxSize = 0;
  for (let k = 0; k < K; k++) maxSize = Math.max(maxSize, nk[k]);
  const sizeHist = new Float64Array(maxSize + 1);
  for (let k = 0; k < K; k++) sizeHist[nk[k]]++;
  let beta = state.beta[0];
  for (let it = 0; it < iterations; it++) {
    let numerator = 0;
    let diff = 0;
    for (let n = 1; n <= maxCount; n++) {
      diff += 1 / (beta + n - 1);
      numerator += countHist[n] * diff;
    }
    const vBeta = V * beta;
    let denominator = 0;
    diff = 0;
    for (let n = 1; n <= maxSize; n++) {
      diff += 1 / (vBeta + n - 1);
      denominator += sizeHist[n] * diff;
    }
    const next = (beta * numerator) / (V * denominator);
    const change = Math.abs(next - beta) / beta;
    beta = next;
    if (change < 1e-6) break;
  }
  state.beta[0] = beta;
  return beta;
}
