import { describe, expect, it } from 'vitest';
import { silhouette } from '../src/silhouette.js';
import type { Points } from '../src/points.js';
import { blobs, distance, uniformPoints } from './blobs.js';

/** Textbook O(n^2) silhouette, written independently of the implementation. */
function bruteForce(p: Points, labels: ArrayLike<number>): { mean: number; values: number[] } {
  const idx = Array.from({ length: p.n }, (_, i) => i).filter((i) => labels[i] >= 0);
  const clusters = [...new Set(idx.map((i) => labels[i]))];
  const values = idx.map((i) => {
    const own = idx.filter((j) => labels[j] === labels[i] && j !== i);
    if (own.length === 0) return 0;
    const a = own.reduce((s, j) => s + distance(p, i, j), 0) / own.length;
    const b = Math.min(
      ...clusters
        .filter((c) => c !== labels[i])
        .map((c) => {
          const members = idx.filter((j) => labels[j] === c);
          return members.reduce((s, j) => s + distance(p, i, j), 0) / members.length;
        }),
    );
    return (b - a) / Math.max(a, b);
  });
  return { mean: values.reduce((s, v) => s + v, 0) / values.length, values };
}

describe('silhouette', () => {
  it('matches a brute-force reference on small random data', () => {
    const p = uniformPoints(157, 4, 3);
    const labels = Array.from({ length: p.n }, (_, i) => (i * 7) % 5);
    const ref = bruteForce(p, labels);
    const r = silhouette(p, labels);
    expect(r.exact).toBe(true);
    expect(r.score).toBeCloseTo(ref.mean, 12);
    r.values.forEach((v, i) => expect(v).toBeCloseTo(ref.values[i], 12));
  });

  it('gives singleton clusters 0 and leaves out negative (noise) labels', () => {
    const p = uniformPoints(40, 3, 4);
    const labels = Array.from({ length: 40 }, (_, i) => (i === 0 ? 2 : i < 5 ? -1 : i % 2));
    const ref = bruteForce(p, labels);
    const r = silhouette(p, labels);
    expect(r.indices).toHaveLength(36);
    expect(r.values[0]).toBe(0);
    expect(r.score).toBeCloseTo(ref.mean, 12);
    expect(r.clusters.map((c) => [c.label, c.size])).toEqual([[0, 17], [1, 18], [2, 1]]);
  });

  it('is about 1 for two tight clusters far apart, and per-cluster means agree', () => {
    const { points, truth } = blobs(2, 100, 2, 5, 1000, 0.01);
    const r = silhouette(points, truth);
    expect(r.score).toBeGreaterThan(0.9999);
    expect(r.clusters.every((c) => c.score > 0.9999)).toBe(true);
  });

  it('is negative for a labeling that splits clusters across each other', () => {
    const { points } = blobs(2, 50, 2, 6, 20, 0.5);
    const crossed = Array.from({ length: 100 }, (_, i) => Math.floor(i / 2) % 2); // mixes both blobs
    expect(silhouette(points, crossed).score).toBeLessThan(0);
  });

  it('per-cluster means average the per-point values', () => {
    const p = uniformPoints(90, 2, 7);
    const labels = Array.from({ length: 90 }, (_, i) => i % 3);
    const r = silhouette(p, labels);
    for (const c of r.clusters) {
      const own = Array.from(r.values).filter((_, t) => labels[r.indices[t]] === c.label);
      expect(c.score).toBeCloseTo(own.reduce((a, b) => a + b, 0) / own.length, 12);
    }
  });

  it('samples reproducibly and computes the exact silhouette of the sample', () => {
    const { points, truth } = blobs(3, 200, 3, 8, 3, 1);
    const a = silhouette(points, truth, { sampleSize: 150, seed: 9 });
    const b = silhouette(points, truth, { sampleSize: 150, seed: 9 });
    expect(a.exact).toBe(false);
    expect(a.indices).toHaveLength(150);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(a.score).toBe(b.score);
    // The sampled score is the exact silhouette of the sampled sub-data set.
    const sub = new Float64Array(150 * 3);
    a.indices.forEach((i, t) => sub.set(points.data.subarray(i * 3, i * 3 + 3), t * 3));
    const subLabels = Array.from(a.indices, (i) => truth[i]);
    expect(a.score).toBeCloseTo(bruteForce({ data: sub, n: 150, d: 3 }, subLabels).mean, 12);
    // And it estimates the full score.
    expect(Math.abs(a.score - silhouette(points, truth).score)).toBeLessThan(0.05);
    expect(silhouette(points, truth, { sampleSize: 150, seed: 10 }).indices).not.toEqual(a.indices);
  });

  it('needs between 2 and n - 1 clusters', () => {
    const p = uniformPoints(4, 2, 1);
    expect(() => silhouette(p, [0, 0, 0, 0])).toThrow(new RangeError('Expected between 2 and 3 clusters among the scored points for labels but received "1 clusters"'));
    expect(() => silhouette(p, [0, 1, 2, 3])).toThrow(RangeError);
    expect(() => silhouette(p, [0, 1, 1])).toThrow(new RangeError('Expected 4 labels for labels but received array(3)'));
  });
});
