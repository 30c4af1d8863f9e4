import type { Rng } from '@atm/core';

/**
 * A uniform sample of `m` distinct indices out of `0..n-1`, in increasing order (Knuth's selection
 * sampling, Algorithm S: one pass, one draw per index visited). All of them when `m >= n`.
 *
 * @example
 * sampleIndices(1000, 10, new Rng(7)); // 10 sorted distinct indices below 1000
 */
export function sampleIndices(n: number, m: number, rng: Rng): Int32Array {
  if (m >= n) return Int32Array.from({ length: n }, (_, i) => i);
  const out = new Int32Array(m);
  let chosen = 0;
  for (let i = 0; i < n && chosen < m; i++) if (rng.uniform() * (n - i) < m - chosen) out[chosen++] = i;
  return out;
}
