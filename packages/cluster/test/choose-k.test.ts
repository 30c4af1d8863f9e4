import { describe, expect, it } from 'vitest';
import { bestIndex, chooseK } from '../src/choose-k.js';
import { kmeans } from '../src/kmeans.js';
import { silhouette } from '../src/silhouette.js';
import { adjustedRandIndex } from '../src/adjusted-rand-index.js';
import { blobs } from './blobs.js';

describe('chooseK', () => {
  it('picks the planted k on blobs and returns the whole curve', () => {
    const { points, truth } = blobs(6, 80, 8, 2, 6, 0.6);
    const r = chooseK(points, { kMin: 2, kMax: 10, seed: 5, restarts: 4 });
    expect(r.curve.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.bestK).toBe(6);
    expect(r.exactSilhouette).toBe(true);
    expect(adjustedRandIndex(r.best.labels, truth)).toBe(1);
    // Inertia falls with k (best of several starts on clean blobs).
    for (let t = 1; t < r.curve.length; t++) expect(r.curve[t].inertia).toBeLessThan(r.curve[t - 1].inertia);
  });

  it('reports, for each k, what kmeans and silhouette report separately', () => {
    const { points } = blobs(3, 40, 4, 3, 4, 1);
    const r = chooseK(points, { kMin: 2, kMax: 5, seed: 9, restarts: 2 });
    for (const c of r.curve) {
      const km = kmeans(points, { k: c.k, seed: 9, restarts: 2 });
      expect(c.inertia).toBe(km.inertia);
      expect(c.silhouette).toBeCloseTo(silhouette(points, km.labels).score, 12);
    }
    const best = Math.max(...r.curve.map((c) => c.silhouette));
    expect(r.bestK).toBe(r.curve.find((c) => c.silhouette === best)!.k);
  });

  it('scores clusters of identical points 1 and prefers that k', () => {
    const rows = [[0, 0], [0, 0], [0, 0], [10, 10], [10, 10], [10, 10], [20, 0], [20, 0], [20, 0]];
    const r = chooseK(rows, { kMin: 2, kMax: 3, seed: 1 });
    expect(r.curve[1].silhouette).toBe(1);
    expect(r.curve[0].silhouette).toBeLessThan(1);
    expect(r.bestK).toBe(3);
  });

  it('breaks silhouette ties towards the smaller k', () => {
    const point = (k: number, silhouette: number) => ({ k, silhouette, inertia: 1 / k, iterations: 1, converged: true });
    expect(bestIndex([point(2, 0.5), point(3, 0.7), point(4, 0.7), point(5, 0.6)])).toBe(1);
    expect(bestIndex([point(2, 0.7), point(3, 0.7)])).toBe(0);
    expect(bestIndex([point(2, -0.1), point(3, 0.2)])).toBe(1);
  });

  it('uses one seeded silhouette sample for every k', () => {
    const { points } = blobs(4, 100, 5, 4, 5, 1);
    const a = chooseK(points, { kMin: 3, kMax: 5, seed: 2, silhouetteSample: 120, restarts: 2 });
    const b = chooseK(points, { kMin: 3, kMax: 5, seed: 2, silhouetteSample: 120, restarts: 2 });
    expect(a.exactSilhouette).toBe(false);
    expect(a.curve).toEqual(b.curve);
    expect(a.bestK).toBe(4);
  });

  it('validates its range', () => {
    const { points } = blobs(2, 5, 2, 1);
    expect(() => chooseK(points, { kMin: 1 })).toThrow(new RangeError('Expected an integer in [2, 9] for options.kMin but received 1'));
    expect(() => chooseK(points, { kMin: 4, kMax: 3 })).toThrow(new RangeError('Expected an integer in [4, 9] for options.kMax but received 3'));
    expect(() => chooseK(points, { kMax: 5, silhouetteSample: 5 })).toThrow(new RangeError('Expected an integer >= 6 for options.silhouetteSample but received 5'));
    expect(() => chooseK(points, { kmax: 5 } as never)).toThrow(new TypeError('Unknown option "kmax" for chooseK options; did you mean "kMax"?'));
    expect(chooseK(points, { seed: 1 }).curve.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
