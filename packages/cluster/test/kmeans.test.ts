import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../src/adjusted-rand-index.js';
import { kmeans } from '../src/kmeans.js';
import { blobs, uniformPoints } from './blobs.js';

describe('kmeans', () => {
  it('recovers well-separated planted blobs exactly', () => {
    const { points, truth } = blobs(5, 200, 8, 1);
    const r = kmeans(points, { k: 5, seed: 3 });
    expect(adjustedRandIndex(r.labels, truth)).toBe(1);
    expect(r.converged).toBe(true);
    expect(Array.from(r.sizes)).toEqual([200, 200, 200, 200, 200]);
    // Centroids sit on the planted centres (spacing 10 along axis c).
    for (let j = 0; j < 5; j++) {
      const c = r.centroids.data.subarray(j * 8, j * 8 + 8);
      const axis = c.indexOf(Math.max(...c));
      expect(c[axis]).toBeCloseTo(10, 0);
    }
  });

  it('reports inertia as the sum of squared distances to the returned centroids', () => {
    const p = uniformPoints(500, 3, 2);
    const r = kmeans(p, { k: 4, seed: 1, restarts: 2 });
    let inertia = 0;
    for (let i = 0; i < p.n; i++) {
      for (let t = 0; t < p.d; t++) inertia += (p.data[i * p.d + t] - r.centroids.data[r.labels[i] * p.d + t]) ** 2;
    }
    expect(r.inertia).toBeCloseTo(inertia, 9);
    expect(r.restartInertias[r.restart]).toBe(r.inertia);
    expect(Math.min(...r.restartInertias)).toBe(r.inertia);
  });

  it('labels every point with its nearest centroid (Hamerly bounds are exact)', () => {
    const p = uniformPoints(3000, 6, 9);
    const r = kmeans(p, { k: 12, seed: 4, restarts: 1, tolerance: 0 });
    for (let i = 0; i < p.n; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < 12; j++) {
        let s = 0;
        for (let t = 0; t < p.d; t++) s += (p.data[i * p.d + t] - r.centroids.data[j * p.d + t]) ** 2;
        if (s < bestD) {
          bestD = s;
          best = j;
        }
      }
      expect(r.labels[i]).toBe(best);
    }
    // Converged with tolerance 0 means a fixed point: every centroid is the mean of its points.
    expect(r.converged).toBe(true);
    const sums = new Float64Array(12 * p.d);
    for (let i = 0; i < p.n; i++) for (let t = 0; t < p.d; t++) sums[r.labels[i] * p.d + t] += p.data[i * p.d + t];
    for (let j = 0; j < 12; j++) for (let t = 0; t < p.d; t++) expect(r.centroids.data[j * p.d + t]).toBeCloseTo(sums[j * p.d + t] / r.sizes[j], 10);
  });

  it('is deterministic for a seed and varies with it', () => {
    const p = uniformPoints(2000, 4, 5);
    const a = kmeans(p, { k: 6, seed: 11, restarts: 3 });
    const b = kmeans(p, { k: 6, seed: 11, restarts: 3 });
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    expect(Array.from(b.centroids.data)).toEqual(Array.from(a.centroids.data));
    expect(b.inertia).toBe(a.inertia);
    const c = kmeans(p, { k: 6, seed: 12, restarts: 3 });
    expect(Array.from(c.restartInertias)).not.toEqual(Array.from(a.restartInertias));
  });

  it('never increases inertia when restarts are added', () => {
    const p = uniformPoints(1500, 5, 6);
    let previous = Infinity;
    for (let restarts = 1; restarts <= 6; restarts++) {
      const r = kmeans(p, { k: 8, seed: 2, restarts });
      expect(r.inertia).toBeLessThanOrEqual(previous);
      previous = r.inertia;
    }
  });

  it('accepts an array of rows and a Float64Array matrix alike', () => {
    const { points } = blobs(3, 20, 3, 8);
    const rows = Array.from({ length: points.n }, (_, i) => Array.from(points.data.subarray(i * 3, i * 3 + 3)));
    const a = kmeans(rows, { k: 3, seed: 1 });
    const b = kmeans(points, { k: 3, seed: 1 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  });

  it('re-seeds an empty cluster with the point farthest from its centre', () => {
    // Two tight groups plus one outlier; the third start centre is far from everything, so
    // its cluster is empty after the first assignment.
    const rows = [[0, 0], [0.1, 0], [0, 0.1], [5, 5], [5.1, 5], [5, 5.1], [2.5, 9]];
    const r = kmeans(rows, { k: 3, init: [[0, 0], [5, 5], [100, 100]], tolerance: 0 });
    expect(Array.from(r.sizes).every((s) => s > 0)).toBe(true);
    // The outlier (farthest from its centre) now forms its own cluster.
    const outlier = r.labels[6];
    expect(Array.from(r.labels).filter((l) => l === outlier)).toHaveLength(1);
    expect(Array.from(r.centroids.data.subarray(outlier * 2, outlier * 2 + 2))).toEqual([2.5, 9]);
  });

  it('re-seeds when starting centres coincide', () => {
    const { points } = blobs(3, 50, 3, 4);
    const r = kmeans(points, { k: 3, init: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] });
    expect(Array.from(r.sizes).sort()).not.toContain(0);
    expect(r.sizes.reduce((a, b) => a + b, 0)).toBe(150);
    expect(new Set(r.labels).size).toBe(3);
  });

  it('rejects k above the number of distinct points instead of clamping', () => {
    const rows = [[1, 1], [1, 1], [2, 2], [2, 2], [3, 3]];
    expect(kmeans(rows, { k: 3, seed: 1 }).inertia).toBe(0);
    expect(() => kmeans(rows, { k: 4, seed: 1 })).toThrow(new RangeError('Expected k at most the number of distinct points (3) for options.k but received 4'));
    expect(() => kmeans(rows, { k: 6 })).toThrow(new RangeError('Expected an integer in [1, 5] for options.k but received 6'));
  });

  it('stops at maxIterations and says it did not converge', () => {
    const p = uniformPoints(4000, 2, 3);
    const r = kmeans(p, { k: 30, seed: 1, restarts: 1, maxIterations: 2, tolerance: 0 });
    expect(r.iterations).toBe(2);
    expect(r.converged).toBe(false);
  });
});
