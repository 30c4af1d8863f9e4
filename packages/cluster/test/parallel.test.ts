import { describe, expect, it } from 'vitest';
import { chooseK } from '../src/choose-k.js';
import { kmeans } from '../src/kmeans.js';
import { parallelAvailable, runTask, sharedCounter } from '../src/parallel.js';
import { silhouette } from '../src/silhouette.js';
import { blobs, uniformPoints } from './blobs.js';

// Worker threads run the compiled script in dist/: `pnpm --filter @atm/cluster build` first.
describe('worker threads', () => {
  it('find the compiled worker script', () => {
    expect(parallelAvailable()).toBe(true);
  });

  it('give kmeans the same result as one thread', () => {
    const p = uniformPoints(3000, 5, 1);
    const one = kmeans(p, { k: 7, seed: 4, restarts: 6, workers: 1 });
    const three = kmeans(p, { k: 7, seed: 4, restarts: 6, workers: 3 });
    expect(three.inertia).toBe(one.inertia);
    expect(three.restart).toBe(one.restart);
    expect(Array.from(three.restartInertias)).toEqual(Array.from(one.restartInertias));
    expect(Array.from(three.labels)).toEqual(Array.from(one.labels));
    expect(Array.from(three.centroids.data)).toEqual(Array.from(one.centroids.data));
  });

  it('give silhouette and chooseK the same result as one thread', () => {
    const { points, truth } = blobs(4, 150, 6, 2, 4, 1);
    const one = silhouette(points, truth, { workers: 1 });
    const two = silhouette(points, truth, { workers: 2 });
    expect(two.score).toBeCloseTo(one.score, 13);
    two.values.forEach((v, i) => expect(v).toBeCloseTo(one.values[i], 13));
    const a = chooseK(points, { kMin: 2, kMax: 6, seed: 3, restarts: 3, workers: 1 });
    const b = chooseK(points, { kMin: 2, kMax: 6, seed: 3, restarts: 3, workers: 2 });
    expect(b.bestK).toBe(a.bestK);
    b.curve.forEach((c, t) => {
      expect(c.inertia).toBe(a.curve[t].inertia);
      expect(c.silhouette).toBeCloseTo(a.curve[t].silhouette, 13);
    });
  });

  it('split the starts so that every one runs exactly once', () => {
    const p = uniformPoints(20_000, 8, 3);
    const parts = runTask(
      'kmeansRestarts',
      { x: p.data, n: p.n, d: p.d, jobs: [{ k: 5, restarts: 8, seed: 1, maxIterations: 50, shiftTolerance: 0 }], next: sharedCounter() },
      2,
    );
    expect(parts).toHaveLength(2);
    const ran = parts.map((part) => Array.from(part.inertias[0]).filter((v) => !Number.isNaN(v)).length);
    expect(ran[0] + ran[1]).toBe(8);
  });

  it('surface a failing start as an error and stop claiming work', () => {
    const input = { x: new Float64Array(4), n: 2, d: 2, jobs: [{ k: 5, restarts: 2, seed: 1, maxIterations: 5, shiftTolerance: 0 }], next: sharedCounter() };
    // k = 5 > 2 points: k-means++ throws on whichever thread runs a start.
    expect(() => runTask('kmeansRestarts', input, 2)).toThrow(/k at most the number of distinct points/);
    expect(input.next[0]).toBeGreaterThan(1000);
  });
});
