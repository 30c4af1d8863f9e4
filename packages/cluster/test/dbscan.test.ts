import { describe, expect, it } from 'vitest';
import { Rng } from '@atm/core';
import { adjustedRandIndex } from '../src/adjusted-rand-index.js';
import { BallTree, IndexBuffer } from '../src/ball-tree.js';
import { dbscan } from '../src/dbscan.js';
import { suggestEps } from '../src/suggest-eps.js';
import type { Points } from '../src/points.js';
import { blobs, distance, uniformPoints } from './blobs.js';

/** Three blobs in 5-d plus `noise` uniform points scattered over a box 60 wide. */
function blobsWithNoise(noise: number): { points: Points; truth: Int32Array } {
  const { points, truth } = blobs(3, 150, 5, 21, 20, 0.4);
  const rng = new Rng(99);
  const n = points.n + noise;
  const data = new Float64Array(n * 5);
  data.set(points.data);
  for (let i = points.n * 5; i < n * 5; i++) data[i] = -20 + 60 * rng.uniform();
  const labels = new Int32Array(n).fill(-1);
  labels.set(truth);
  return { points: { data, n, d: 5 }, truth: labels };
}

describe('BallTree', () => {
  it('radius queries return exactly the brute-force neighbours', () => {
    const p = uniformPoints(700, 6, 2);
    const tree = new BallTree(p);
    const found = new IndexBuffer();
    for (const eps of [0.05, 0.3, 0.6, 5]) {
      for (let q = 0; q < 700; q += 37) {
        found.length = 0;
        tree.radius(p.data, q * 6, eps, found);
        const got = Array.from(found.values.subarray(0, found.length)).sort((a, b) => a - b);
        const want = Array.from({ length: 700 }, (_, j) => j).filter((j) => distance(p, q, j) <= eps);
        expect(got).toEqual(want);
      }
    }
  });

  it('radiusOpen reports only open rows and counts exactly below the threshold', () => {
    const p = uniformPoints(600, 3, 12);
    const tree = new BallTree(p);
    for (let row = 0; row < 600; row += 3) tree.close(row); // every third row dealt with
    const found = new IndexBuffer();
    for (let q = 0; q < 600; q += 41) {
      const within = Array.from({ length: 600 }, (_, j) => j).filter((j) => distance(p, q, j) <= 0.2);
      found.length = 0;
      expect(tree.radiusOpen(p.data, q * 3, 0.2, Infinity, found)).toBe(within.length);
      expect(Array.from(found.values.subarray(0, found.length)).sort((a, b) => a - b)).toEqual(within.filter((j) => j % 3 !== 0));
      found.length = 0;
      const capped = tree.radiusOpen(p.data, q * 3, 0.2, 4, found);
      if (within.length < 4) expect(capped).toBe(within.length);
      else expect(capped).toBeGreaterThanOrEqual(4);
      expect(Array.from(found.values.subarray(0, found.length)).sort((a, b) => a - b)).toEqual(within.filter((j) => j % 3 !== 0));
    }
  });

  it('k-th neighbour distances match brute force, duplicates included', () => {
    const base = uniformPoints(400, 4, 3);
    const data = new Float64Array(500 * 4);
    data.set(base.data);
    data.set(base.data.subarray(0, 400), 1600); // rows 400..499 duplicate rows 0..99
    const p = { data, n: 500, d: 4 };
    const tree = new BallTree(p);
    for (let q = 0; q < 500; q += 23) {
      const sorted = Array.from({ length: 500 }, (_, j) => distance(p, q, j)).sort((a, b) => a - b);
      for (const m of [1, 2, 5, 17]) expect(tree.kthNeighbourDistance(p.data, q * 4, m)).toBeCloseTo(sorted[m - 1], 12);
    }
  });
});

describe('dbscan', () => {
  it('finds planted clusters and marks scattered points as noise', () => {
    const { points, truth } = blobsWithNoise(40);
    const r = dbscan(points, { eps: 1.5, minPoints: 5 });
    expect(r.clusters).toBe(3);
    const blob = Array.from(r.labels.subarray(0, 450));
    expect(blob).not.toContain(-1);
    expect(adjustedRandIndex(blob, truth.subarray(0, 450))).toBe(1);
    // Uniform points in a 60-wide 5-d box are isolated at this radius.
    expect(Array.from(r.labels.subarray(450)).filter((l) => l === -1).length).toBeGreaterThanOrEqual(38);
    expect(r.noise).toBe(Array.from(r.labels).filter((l) => l === -1).length);
  });

  it('agrees with a brute-force DBSCAN on the core points and cluster structure', () => {
    const p = uniformPoints(400, 2, 8);
    const eps = 0.06;
    const minPoints = 4;
    const r = dbscan(p, { eps, minPoints });
    const neighbours = Array.from({ length: p.n }, (_, i) => Array.from({ length: p.n }, (_, j) => j).filter((j) => distance(p, i, j) <= eps));
    const core = neighbours.map((nb) => nb.length >= minPoints);
    expect(Array.from(r.core, Boolean)).toEqual(core);
    for (let i = 0; i < p.n; i++) {
      if (core[i]) {
        // Core points share a label exactly with the core points within eps.
        for (const j of neighbours[i]) {
          if (core[j]) expect(r.labels[j]).toBe(r.labels[i]);
          else expect(r.labels[j]).not.toBe(-1);
        }
      } else {
        const reach = neighbours[i].filter((j) => core[j]);
        if (reach.length === 0) expect(r.labels[i]).toBe(-1);
        else expect(reach.map((j) => r.labels[j])).toContain(r.labels[i]);
      }
    }
  });

  it('puts every point in one cluster when eps spans the data, none when minPoints is unreachable', () => {
    const p = uniformPoints(100, 3, 4);
    expect(Array.from(new Set(dbscan(p, { eps: 10, minPoints: 3 }).labels))).toEqual([0]);
    const none = dbscan(p, { eps: 0.01, minPoints: 3 });
    expect(none.clusters).toBe(0);
    expect(none.noise).toBe(100);
  });

  it('suggestEps finds a radius that separates the planted clusters from the noise', () => {
    const { points, truth } = blobsWithNoise(40);
    const s = suggestEps(points, 5, { seed: 1 });
    expect(s.kDistances).toHaveLength(points.n);
    for (let i = 1; i < s.kDistances.length; i++) expect(s.kDistances[i]).toBeGreaterThanOrEqual(s.kDistances[i - 1]);
    expect(s.eps).toBe(s.kDistances[s.knee]);
    const r = dbscan(points, { eps: s.eps, minPoints: 5 });
    expect(r.clusters).toBe(3);
    // The knee sits at the edge of the blobs: their few outermost points may drop to noise,
    // the rest are clustered exactly.
    const kept = Array.from({ length: 450 }, (_, i) => i).filter((i) => r.labels[i] >= 0);
    expect(kept.length).toBeGreaterThanOrEqual(445);
    expect(adjustedRandIndex(kept.map((i) => r.labels[i]), kept.map((i) => truth[i]))).toBe(1);
    expect(r.noise - (450 - kept.length)).toBeGreaterThanOrEqual(38);
  });

  it('suggestEps samples query points reproducibly', () => {
    const p = uniformPoints(300, 3, 5);
    const a = suggestEps(p, 4, { sampleSize: 50, seed: 2 });
    expect(a.kDistances).toHaveLength(50);
    expect(Array.from(suggestEps(p, 4, { sampleSize: 50, seed: 2 }).kDistances)).toEqual(Array.from(a.kDistances));
  });
});
