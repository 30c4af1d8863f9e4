import { expectInteger, invalid } from './errors.js';

/**
 * The most probable topic of each row of a row-major `n x K` matrix (ties: the lower topic).
 *
 * @example
 * dominantTopic(new Float64Array([0.2, 0.8, 0.6, 0.4]), 2); // Int32Array [1, 0]
 */
export function dominantTopic(topics: Float64Array, numTopics: number): Int32Array {
  if (!(topics instanceof Float64Array)) throw new TypeError(invalid('a Float64Array', 'topics', topics));
  const K = expectInteger(numTopics, 'numTopics', 1);
  if (topics.length % K !== 0) throw new RangeError(invalid(`a length that is a multiple of ${K}`, 'topics', topics.length));
  const n = topics.length / K;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const base = i * K;
    let best = 0;
    for (let k = 1; k < K; k++) if (topics[base + k] > topics[base + best]) best = k;
    out[i] = best;
  }
  return out;
}
