/** Random numbering for codes: sparse increasing numbers (products, stores) and distinct random ones (customers). */
import type { Rng } from '@atm/core';

/**
 * `count` increasing numbers in 1..maxValue with random gaps (mean gap up to ~20), like real sparse catalogues.
 *
 * @example
 * sparseNumbers(new Rng(1), 3, 99_999); // e.g. [14, 27, 33]
 */
export function sparseNumbers(rng: Rng, count: number, maxValue: number): number[] {
  const maxGap = Math.max(1, Math.min(40, Math.floor(maxValue / count)));
  const out = new Array<number>(count);
  let n = 0;
  for (let i = 0; i < count; i++) {
    n += 1 + rng.below(maxGap);
    out[i] = n;
  }
  return out;
}

/**
 * `count` distinct numbers drawn uniformly from min..max (inclusive), in draw order.
 *
 * @example
 * distinctRandomNumbers(new Rng(1), 2, 100_000, 999_999); // e.g. [410727, 634693]
 */
export function distinctRandomNumbers(rng: Rng, count: number, min: number, max: number): number[] {
  const span = max - min + 1;
  if (count > span / 2) throw new RangeError(`Cannot draw ${count} distinct numbers from a range of ${span} sparsely`);
  const taken = new Uint8Array(span);
  const out = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    let r: number;
    do r = rng.below(span);
    while (taken[r]);
    taken[r] = 1;
    out[i] = min + r;
  }
  return out;
}

/**
 * Split `n` ordered children into `parts` contiguous non-empty runs; returns each child's run index.
 *
 * @example
 * contiguousParents(new Rng(1), 5, 2); // e.g. Int32Array [0, 0, 1, 1, 1]
 */
export function contiguousParents(rng: Rng, n: number, parts: number): Int32Array {
  // Choose parts - 1 distinct cut positions among 1..n-1 (partial Fisher–Yates).
  const positions = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
  for (let i = 0; i < parts - 1; i++) {
    const j = i + rng.below(positions.length - i);
    const t = positions[i];
    positions[i] = positions[j];
    positions[j] = t;
  }
  const cuts = positions.slice(0, parts - 1).sort();
  const parent = new Int32Array(n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    while (p < cuts.length && i >= cuts[p]) p++;
    parent[i] = p;
  }
  return parent;
}

/**
 * Fisher–Yates shuffle in place.
 *
 * @example
 * shuffle(new Rng(1), [1, 2, 3]);
 */
export function shuffle<T extends { length: number; [i: number]: unknown }>(rng: Rng, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
