import { Rng } from '@atm/core';
import { kmeansPlusPlus } from './kmeans-plus-plus.js';
import { lloydHamerly, type LloydRun } from './lloyd-hamerly.js';

/** One k-means problem: `restarts` starts for one `k`. */
export interface RestartJob {
  k: number;
  restarts: number;
  seed: number;
  maxIterations: number;
  /** Absolute shift tolerance (already scaled by the data's variance). */
  shiftTolerance: number;
  /** Explicit starting centres (`k x d`), used instead of k-means++. */
  init?: Float64Array;
}

export interface KMeansRestartsInput {
  x: Float64Array;
  n: number;
  d: number;
  jobs: RestartJob[];
  /** Shared work counter: each claim takes the next (job, restart) pair. */
  next: Int32Array;
}

export interface BestRun extends LloydRun {
  restart: number;
}

export interface KMeansRestartsOutput {
  /** Per job, the best start this worker ran (null if it ran none). */
  best: (BestRun | null)[];
  /** Per job, the inertia of every start this worker ran (NaN elsewhere). */
  inertias: Float64Array[];
}

/**
 * Runs (job, restart) pairs claimed one at a time from the shared counter `next` until none
 * are left, keeping per job the lowest-inertia start (the earliest among equals). Start `r`
 * of a job seeds k-means++ from `Rng.forStream(seed, r, 0)`, so a pair's result does not
 * depend on which thread runs it and merged results equal a sequential run.
 *
 * @example
 * const [part] = [kmeansRestarts({ x, n, d, jobs, next: new Int32Array(1) })];
 */
export function kmeansRestarts(input: KMeansRestartsInput): KMeansRestartsOutput {
  const { x, n, d, jobs, next } = input;
  const pairs: [number, number][] = [];
  jobs.forEach((job, j) => {
    for (let r = 0; r < job.restarts; r++) pairs.push([j, r]);
  });
  const best: (BestRun | null)[] = jobs.map(() => null);
  const inertias = jobs.map((job) => new Float64Array(job.restarts).fill(NaN));
  for (let claim = Atomics.add(next, 0, 1); claim < pairs.length; claim = Atomics.add(next, 0, 1)) {
    const [j, r] = pairs[claim];
    const job = jobs[j];
    const start = job.init ? job.init.slice() : kmeansPlusPlus(x, n, d, job.k, Rng.forStream(job.seed, r, 0));
    const run = lloydHamerly(x, n, d, start, job.k, job.maxIterations, job.shiftTolerance);
    inertias[j][r] = run.inertia;
    best[j] = better(best[j], { ...run, restart: r });
  }
  return { best, inertias };
}

/**
 * Combines the workers' parts: per job the lowest inertia (earliest start among equals) and
 * every start's inertia.
 */
export function mergeRestarts(parts: KMeansRestartsOutput[], jobs: RestartJob[]): { best: BestRun[]; inertias: Float64Array[] } {
  const best = jobs.map((_, j) => parts.reduce<BestRun | null>((acc, part) => (part.best[j] ? better(acc, part.best[j]!) : acc), null)!);
  const inertias = jobs.map((job, j) => {
    const all = new Float64Array(job.restarts).fill(NaN);
    for (const part of parts) part.inertias[j].forEach((v, r) => !Number.isNaN(v) && (all[r] = v));
    return all;
  });
  return { best, inertias };
}

function better(a: BestRun | null, b: BestRun): BestRun {
  if (a === null || b.inertia < a.inertia || (b.inertia === a.inertia && b.restart < a.restart)) return b;
  return a;
}
