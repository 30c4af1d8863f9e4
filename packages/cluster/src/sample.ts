import { Rng } from '@atm/core';

/**
 * `m` distinct indices drawn uniformly from [0, n) with a seeded partial Fisher–Yates
 * shuffle, returned in ascending order (so later passes over the rows stay cache friendly).
 * When `m >= n` every index is returned.
 *
 * @example
 * sampleIndices(10, 3, 42); // e.g. Int32Array [1, 4, 8], the same for every call with seed 42
 */
export function sampleIndices(n: number, m: number, seed: number): Int32Array {
  if (m >= n) {
    const all = new Int32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    return all;
  }
  const rng = new Rng(seed);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < m; i++) {
    const j = i + rng.below(n - i);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, m).sort();
}
