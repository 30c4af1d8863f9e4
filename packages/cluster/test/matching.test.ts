import { describe, expect, it } from 'vitest';
import { Rng } from '@atm/core';
import { adjustedRandIndex } from '../src/adjusted-rand-index.js';
import { cosineSimilarityMatrix } from '../src/cosine-similarity.js';
import { hungarianMatch } from '../src/hungarian.js';

function permutations(items: number[]): number[][] {
  if (items.length === 0) return [[]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Minimum total cost over every injective row → column map (rows <= columns) by enumeration. */
function bruteForce(cost: Float64Array, n: number, m: number): number {
  const cols = Array.from({ length: m }, (_, j) => j);
  let best = Infinity;
  for (const perm of permutations(cols)) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cost[i * m + perm[i]];
    best = Math.min(best, s);
  }
  return best;
}

describe('adjustedRandIndex', () => {
  it('is 1 for identical and relabelled partitions', () => {
    const a = [0, 0, 1, 1, 2, 2, 2];
    expect(adjustedRandIndex(a, a)).toBe(1);
    expect(adjustedRandIndex(a, [7, 7, -1, -1, 3, 3, 3])).toBe(1);
    expect(adjustedRandIndex(new Int32Array([1, 1, 1]), [0, 0, 0])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [2, 0, 1])).toBe(1);
  });

  it('matches hand-computed values', () => {
    // Contingency [[1,1],[1,1]]: index 0, expected 2*2/6, max 2 -> -0.5.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 15);
    // a = {0,1,2}{3,4,5}, b = {0,1}{2,3}{4,5}: index 2, sumA 6, sumB 3, N 15, expected 1.2, max 4.5.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo((2 - 1.2) / (4.5 - 1.2), 15);
    // scikit-learn's documented example: adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) = 0.571428...
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285714, 15);
  });

  it('is near 0 for independent labelings and symmetric', () => {
    const rng = new Rng(1);
    const a = Array.from({ length: 5000 }, () => rng.below(5));
    const b = Array.from({ length: 5000 }, () => rng.below(4));
    expect(Math.abs(adjustedRandIndex(a, b))).toBeLessThan(0.01);
    expect(adjustedRandIndex(a, b)).toBeCloseTo(adjustedRandIndex(b, a), 15);
  });

  it('validates its labelings', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(new RangeError('Expected 2 labels for b but received array(1)'));
    expect(() => adjustedRandIndex([0, 1.5], [0, 1])).toThrow(new TypeError('Expected a 32-bit integer label for a[1] but received 1.5'));
  });
});

describe('hungarianMatch', () => {
  it('agrees with brute force on small random matrices, square and rectangular', () => {
    const rng = new Rng(5);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + rng.below(6);
      const m = 1 + rng.below(6);
      const cost = new Float64Array(n * m);
      for (let i = 0; i < cost.length; i++) cost[i] = trial % 3 === 0 ? rng.below(4) : rng.uniform() * 10 - 3;
      const r = hungarianMatch(cost, n, m);
      const want = n <= m ? bruteForce(cost, n, m) : bruteForce(transpose(cost, n, m), m, n);
      expect(r.cost).toBeCloseTo(want, 10);
      // A valid matching of min(n, m) pairs, consistent in both directions.
      const matched = Array.from(r.rowToColumn).filter((j) => j >= 0);
      expect(matched).toHaveLength(Math.min(n, m));
      expect(new Set(matched).size).toBe(matched.length);
      r.rowToColumn.forEach((j, i) => j >= 0 && expect(r.columnToRow[j]).toBe(i));
      let total = 0;
      r.rowToColumn.forEach((j, i) => (total += j >= 0 ? cost[i * m + j] : 0));
      expect(r.cost).toBeCloseTo(total, 12);
    }
  });

  it('matches learned topics to true ones by cosine similarity', () => {
    // 4 topics over 4 products.
    const truth = new Float64Array([0.7, 0.1, 0.1, 0.1, 0.1, 0.7, 0.1, 0.1, 0.1, 0.1, 0.7, 0.1, 0.25, 0.25, 0.25, 0.25]);
    const learned = new Float64Array(16);
    const order = [2, 0, 3, 1]; // learned topic i is true topic order[i], slightly perturbed
    order.forEach((t, i) => truth.subarray(t * 4, t * 4 + 4).forEach((v, w) => (learned[i * 4 + w] = v + 0.02 * w)));
    const sim = cosineSimilarityMatrix(learned, truth, 4, 4, 4);
    const { rowToColumn } = hungarianMatch(sim.map((s) => 1 - s), 4, 4);
    expect(Array.from(rowToColumn)).toEqual(order);
  });

  it('validates its input', () => {
    expect(() => hungarianMatch(new Float64Array(5), 2, 3)).toThrow(new RangeError('Expected a Float64Array of length n * m = 6 for cost but received Float64Array(5)'));
    expect(() => hungarianMatch(new Float64Array([1, NaN]), 1, 2)).toThrow(new RangeError('Expected a finite cost for cost[1] but received NaN'));
    expect(() => hungarianMatch([1, 2] as never, 1, 2)).toThrow(new TypeError('Expected a Float64Array for cost but received array(2)'));
    expect(() => hungarianMatch(new Float64Array(2), 0, 2)).toThrow(new RangeError('Expected a positive integer for n but received 0'));
  });
});

describe('cosineSimilarityMatrix', () => {
  it('computes row-by-row cosines, 0 for zero rows', () => {
    const A = new Float64Array([1, 0, 1, 1, 0, 0]);
    const B = new Float32Array([2, 0, 0, 3, -1, -1]);
    const s = cosineSimilarityMatrix(A, B, 3, 3, 2);
    expect(s[0]).toBeCloseTo(1, 15);
    expect(s[1]).toBeCloseTo(0, 15);
    expect(s[2]).toBeCloseTo(-Math.SQRT1_2, 15);
    expect(s[3]).toBeCloseTo(Math.SQRT1_2, 15);
    expect(s[5]).toBeCloseTo(-1, 15);
    expect(Array.from(s.subarray(6))).toEqual([0, 0, 0]);
    expect(() => cosineSimilarityMatrix(A, B, 3, 2, 2)).toThrow(new RangeError('Expected a matrix of length 4 for B but received Float32Array(6)'));
  });
});

function transpose(cost: Float64Array, n: number, m: number): Float64Array {
  const t = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) t[j * n + i] = cost[i * m + j];
  return t;
}
