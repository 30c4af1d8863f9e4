import type { AuthorTopicModel } from '@atm/core';

const transposed = new WeakMap<Float64Array, Float64Array>();

/**
 * The model's φ transposed to V x K (term w's topic weights at `[w*K, w*K + K)`), so that per-term
 * loops read contiguous memory. Cached per φ array: retraining the model yields a new φ and a new copy.
 *
 * @example
 * const phiT = transposedPhi(model);
 */
export function transposedPhi(model: AuthorTopicModel): Float64Array {
  const phi = model.topicTermMatrix();
  let phiT = transposed.get(phi);
  if (phiT === undefined) {
    const K = model.numTopics;
    const V = phi.length / K;
    phiT = new Float64Array(K * V);
    for (let k = 0; k < K; k++) for (let w = 0; w < V; w++) phiT[w * K + k] = phi[k * V + w];
    transposed.set(phi, phiT);
  }
  return phiT;
}

/**
 * The predictive term distribution of a topic mixture: `out[w] = Σ_k θ_k φ_kw`.
 *
 * @example
 * const p = predictiveScores(theta, transposedPhi(model), new Float64Array(model.corpus.numTerms));
 */
export function predictiveScores(theta: Float64Array, phiT: Float64Array, out: Float64Array): Float64Array {
  const K = theta.length;
  const V = out.length;
  for (let w = 0; w < V; w++) {
    const base = w * K;
    let s = 0;
    for (let k = 0; k < K; k++) s += theta[k] * phiT[base + k];
    out[w] = s;
  }
  return out;
}
