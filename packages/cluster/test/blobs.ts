import { Rng } from '@atm/core';
import type { Points } from '../src/points.js';

/** Standard normal draw (Box–Muller) from the seeded generator. */
export function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
}

/**
 * `perCluster` points around each of `k` centres spaced `spacing` apart along distinct axes
 * (centre c at spacing * e_c, in d >= k dimensions), Gaussian noise of standard deviation `sd`.
 */
export function blobs(k: number, perCluster: number, d: number, seed: number, spacing = 10, sd = 0.5): { points: Points; truth: Int32Array } {
  const rng = new Rng(seed);
  const n = k * perCluster;
  const data = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    truth[i] = c;
    for (let t = 0; t < d; t++) data[i * d + t] = (t === c ? spacing : 0) + sd * normal(rng);
  }
  return { points: { data, n, d }, truth };
}

/** Uniform points in the unit cube. */
export function uniformPoints(n: number, d: number, seed: number): Points {
  const rng = new Rng(seed);
  const data = new Float64Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = rng.uniform();
  return { data, n, d };
}

export function distance(p: Points, i: number, j: number): number {
  let s = 0;
  for (let t = 0; t < p.d; t++) s += (p.data[i * p.d + t] - p.data[j * p.d + t]) ** 2;
  return Math.sqrt(s);
}
