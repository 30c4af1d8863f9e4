import type { Rng } from '@atm/core';
import { distanceSquared } from './distance.js';
import { invalid } from './errors.js';

/** Starting centres together with the assignment and Hamerly bounds they induce. */
export interface Seeding {
  /** `k x d` centres (copies of data rows). */
  centres: Float64Array;
  /** Nearest centre of each point (exact). */
  labels: Int32Array;
  /** Distance of each point to its nearest centre (exact). */
  upper: Float64Array;
  /** A lower bound on each point's distance to every other centre. */
  lower: Float64Array;
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre is a uniform random
 * point, each next one is drawn with probability proportional to its squared distance to the
 * nearest centre chosen so far. At most O(n k d) time and O(n) extra memory — far less in
 * practice: by the triangle inequality a new centre `c` cannot be nearer to `x` than its
 * nearest centre `a` when `|c - a| >= 2 |x - a|`, so that distance is skipped (and
 * `|c - a| - |x - a|` still bounds it from below).
 *
 * Since every point ends with its exact nearest centre and a lower bound on the others,
 * the seeding doubles as the first assignment of Lloyd's algorithm ({@link Seeding}).
 *
 * Throws a `RangeError` when the data has fewer than `k` distinct points (all remaining
 * points coincide with a chosen centre, so no further centre can be drawn).
 *
 * @example
 * const { centres, labels } = kmeansPlusPlus(x, n, d, 10, new Rng(1));
 */
export function kmeansPlusPlus(x: Float64Array, n: number, d: number, k: number, rng: Rng): Seeding {
  const centres = new Float64Array(k * d);
  const minD2 = new Float64Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n).fill(Infinity);
  const labels = new Int32Array(n);
  const between = new Float64Array(k); // |new centre - centre j|
  let chosen = rng.below(n);
  centres.set(x.subarray(chosen * d, chosen * d + d), 0);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = distanceSquared(x, i * d, centres, 0, d);
    minD2[i] = s;
    upper[i] = Math.sqrt(s);
    total += s;
  }
  for (let c = 1; c < k; c++) {
    if (!(total > 0)) {
      throw new RangeError(invalid(`k at most the number of distinct points (${c})`, 'options.k', k));
    }
    chosen = drawProportional(minD2, rng.uniform() * total);
    const cBase = c * d;
    centres.set(x.subarray(chosen * d, chosen * d + d), cBase);
    for (let j = 0; j < c; j++) between[j] = Math.sqrt(distanceSquared(centres, j * d, centres, cBase, d));
    total = 0;
    for (let i = 0; i < n; i++) {
      const u = upper[i];
      const gap = between[labels[i]];
      let bound: number;
      if (gap < 2 * u) {
        const s = distanceSquared(x, i * d, centres, cBase, d);
        if (s < minD2[i]) {
          bound = u;
          minD2[i] = s;
          upper[i] = Math.sqrt(s);
          labels[i] = c;
        } else bound = Math.sqrt(s);
      } else bound = gap - u;
      if (bound < lower[i]) lower[i] = bound;
      total += minD2[i];
    }
  }
  return { centres, labels, upper, lower };
}

/** The first index whose running sum of `weights` exceeds `r` (the last positive one if rounding runs past the end). */
function drawProportional(weights: Float64Array, r: number): number {
  let acc = 0;
  let lastPositive = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w > 0) {
      acc += w;
      lastPositive = i;
      if (acc > r) return i;
    }
  }
  return lastPositive;
}
