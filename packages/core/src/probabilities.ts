import type { SamplerState } from './backend.js';
import { sum } from './math.js';

/**
 * The one place where counts become probabilities, for both backends.
 * φ_kw = (n_wk + β) / (n_k + Vβ) and θ_ak = (n_ak + α_k) / (n_a + Σα), the posterior means of a state.
 */

/** Topic–term matrix, K x V row-major, rows sum to 1. */
export function topicTermMatrix(state: SamplerState, K: number, V: number): Float64Array {
  const beta = state.beta[0];
  const out = new Float64Array(K * V);
  for (let k = 0; k < K; k++) {
    const inv = 1 / (state.nk[k] + V * beta);
    for (let w = 0; w < V; w++) out[k * V + w] = (state.nwk[w * K + k] + beta) * inv;
  }
  return out;
}

/** Author–topic matrix, A x K row-major, rows sum to 1. */
export function authorTopicMatrix(state: SamplerState, K: number, A: number): Float64Array {
  const alphaSum = sum(state.alpha);
  const out = new Float64Array(A * K);
  for (let a = 0; a < A; a++) {
    const inv = 1 / (state.na[a] + alphaSum);
    for (let k = 0; k < K; k++) out[a * K + k] = (state.nak[a * K + k] + state.alpha[k]) * inv;
  }
  return out;
}

/** Scales each row of a row-major matrix to sum to 1 in place (rows of zeros stay zero). */
export function normalizeRows(m: Float64Array, rows: number, cols: number): Float64Array {
  for (let r = 0; r < rows; r++) {
    const s = sum(m, r * cols, r * cols + cols);
    if (s > 0) for (let c = 0; c < cols; c++) m[r * cols + c] /= s;
  }
  return m;
}
