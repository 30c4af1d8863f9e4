import type { SamplerState } from './backend.js';
import { lgamma, sum } from './math.js';

/**
 * Joint log-likelihood log p(w, z | y, α, β) of a state:
 * Σ_k [lgamma(Vβ) − lgamma(n_k+Vβ) + Σ_w (lgamma(n_wk+β) − lgamma(β))]
 * + Σ_a [lgamma(Σα) − lgamma(n_a+Σα) + Σ_k (lgamma(n_ak+α_k) − lgamma(α_k))].
 * Zero counts contribute nothing and are skipped.
 *
 * @example
 * const ll = jointLogLikelihood(state, K, V, A);
 */
export function jointLogLikelihood(state: SamplerState, K: number, V: number, A: number): number {
  const beta = state.beta[0];
  const lgBeta = lgamma(beta);
  let ll = K * lgamma(V * beta);
  for (let k = 0; k < K; k++) ll -= lgamma(state.nk[k] + V * beta);
  for (let i = 0; i < state.nwk.length; i++) {
    const n = state.nwk[i];
    if (n > 0) ll += lgamma(n + beta) - lgBeta;
  }
  const alphaSum = sum(state.alpha);
  const lgAlpha = Float64Array.from(state.alpha, (a) => lgamma(a));
  const lgAlphaSum = lgamma(alphaSum);
  for (let a = 0; a < A; a++) {
    if (state.na[a] === 0) continue;
    ll += lgAlphaSum - lgamma(state.na[a] + alphaSum);
    const base = a * K;
    for (let k = 0; k < K; k++) {
      const n = state.nak[base + k];
      if (n > 0) ll += lgamma(n + state.alpha[k]) - lgAlpha[k];
    }
  }
  return ll;
}
