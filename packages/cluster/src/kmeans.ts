import { checkOptions, expectInteger, expectNonNegativeFinite, expectSeed, invalid } from './errors.js';
import { mergeRestarts, type RestartJob } from './kmeans-restarts.js';
import { runTask, shared, sharedCounter, threadCount } from './parallel.js';
import { toPoints, type Points, type PointsInput } from './points.js';

export interface KMeansOptions {
  /** Number of clusters, 1 <= k <= number of distinct points. */
  k: number;
  /** Independent k-means++ starts; the run with the lowest inertia wins. Default 10 (1 with `init`). */
  restarts?: number;
  /** Cap on Lloyd iterations per start. Default 300. */
  maxIterations?: number;
  /**
   * Relative convergence tolerance, as in scikit-learn: a start stops once the summed
   * squared centre shift of one iteration is <= `tolerance * mean per-feature variance`.
   * Default 1e-4. With 0 a start runs until no label changes (or `maxIterations`).
   */
  tolerance?: number;
  /** Seed for k-means++; start `r` uses `Rng.forStream(seed, r, 0)`. Default 0. */
  seed?: number;
  /** Explicit starting centres (`k x d`) instead of k-means++; implies a single start. */
  init?: PointsInput;
  /**
   * Threads sharing the starts (the calling one included). Default: all cores when the job
   * is large (n·d·k·restarts >= 2e8), else 1. Results do not depend on it.
   */
  workers?: number;
}

export interface KMeansResult {
  /** Cluster of each point, 0..k-1. */
  labels: Int32Array;
  /** `k x d` centres. */
  centroids: Points;
  /** Points per cluster (never 0). */
  sizes: Int32Array;
  /** Sum of squared distances of points to their centre. */
  inertia: number;
  /** Lloyd iterations of the winning start. */
  iterations: number;
  /** Whether the winning start met the tolerance (or stopped changing) before `maxIterations`. */
  converged: boolean;
  /** Which start won (the first among equal inertias). */
  restart: number;
  /** Inertia of every start, in order. */
  restartInertias: Float64Array;
}

const KMEANS_OPTIONS = ['k', 'restarts', 'maxIterations', 'tolerance', 'seed', 'init', 'workers'] as const;

/**
 * k-means: k-means++ seeding, then Lloyd iterations accelerated with Hamerly's bounds (exact,
 * not approximate), repeated for `restarts` seeded starts keeping the lowest inertia.
 * Seeding costs O(n k d); one Lloyd iteration costs O(n k d) at worst and about O(n) once
 * most points are settled. Data is used in place (a `Float64Array` matrix is not copied,
 * except once into shared memory for worker threads when it is not there already).
 *
 * Empty clusters are re-seeded with the point farthest from its centre. A `k` larger than
 * the number of distinct points is an error (`RangeError`), not clamped: k-means++ cannot
 * place more distinct centres than there are distinct points.
 *
 * Deterministic for a given `seed`, whatever the number of `workers`; start `r` draws from
 * `Rng.forStream(seed, r, 0)`, so raising `restarts` only adds starts and can never increase
 * the returned inertia. Starts run on worker threads when the job is large (see `workers`);
 * the data is then read from shared memory — copied there once unless it already is (as
 * the output of {@link hellinger} is).
 *
 * @example
 * const { labels, centroids, inertia } = kmeans(hellinger(theta), { k: 10, seed: 7 });
 */
export function kmeans(data: PointsInput, options: KMeansOptions): KMeansResult {
  if (options === undefined) throw new TypeError(invalid('an options object with k', 'options', options));
  const opts = checkOptions(options, KMEANS_OPTIONS, 'kmeans options');
  const p = toPoints(data, 'data');
  const settings = kmeansSettings(opts, p);
  return runKMeans(p, settings);
}

/** Validated k-means settings (shared with {@link chooseK}). */
export interface KMeansSettings {
  k: number;
  restarts: number;
  maxIterations: number;
  tolerance: number;
  seed: number;
  init: Points | undefined;
  workers: number | undefined;
}

/** Checks every k-means option against the data and fills in defaults. */
export function kmeansSettings(opts: Partial<KMeansOptions>, p: Points, needK = true): KMeansSettings {
  const k = needK ? expectInteger(opts.k, 'options.k', 1, p.n) : 1;
  let init: Points | undefined;
  if (opts.init !== undefined) {
    init = toPoints(opts.init, 'options.init');
    if (init.n !== k || init.d !== p.d) {
      throw new RangeError(invalid(`${k} x ${p.d} starting centres`, 'options.init', `${init.n} x ${init.d}`));
    }
  }
  const restarts = opts.restarts === undefined ? (init ? 1 : 10) : expectInteger(opts.restarts, 'options.restarts', 1);
  if (init && restarts !== 1) throw new RangeError(invalid('restarts = 1 with init', 'options.restarts', restarts));
  return {
    k,
    restarts,
    init,
    maxIterations: opts.maxIterations === undefined ? 300 : expectInteger(opts.maxIterations, 'options.maxIterations', 1),
    tolerance: opts.tolerance === undefined ? 1e-4 : expectNonNegativeFinite(opts.tolerance, 'options.tolerance'),
    seed: opts.seed === undefined ? 0 : expectSeed(opts.seed, 'options.seed'),
    workers: opts.workers === undefined ? undefined : expectInteger(opts.workers, 'options.workers', 1, 256),
  };
}

/** k-means on validated input; the shift tolerance is `tolerance * mean feature variance`. */
export function runKMeans(p: Points, s: KMeansSettings, meanVariance = meanFeatureVariance(p)): KMeansResult {
  return runKMeansJobs(p, [s], meanVariance, s.workers)[0];
}

/**
 * Several k-means problems on the same data (chooseK's ks) as one pool of (k, restart)
 * pairs spread over the threads; one result per setting.
 */
export function runKMeansJobs(p: Points, settings: KMeansSettings[], meanVariance: number, workers: number | undefined): KMeansResult[] {
  const { n, d } = p;
  const jobs: RestartJob[] = settings.map((s) => ({
    k: s.k,
    restarts: s.restarts,
    seed: s.seed,
    maxIterations: s.maxIterations,
    shiftTolerance: s.tolerance * meanVariance,
    init: s.init?.data,
  }));
  const work = jobs.reduce((sum, job) => sum + n * d * job.k * job.restarts, 0);
  const threads = threadCount(workers, work);
  const x = threads > 1 ? shared(p.data) : p.data;
  const parts = runTask('kmeansRestarts', { x, n, d, jobs, next: sharedCounter() }, threads);
  const { best, inertias } = mergeRestarts(parts, jobs);
  return best.map((b, j) => ({
    labels: b.labels,
    centroids: { data: b.centroids, n: jobs[j].k, d },
    sizes: b.sizes,
    inertia: b.inertia,
    iterations: b.iterations,
    converged: b.converged,
    restart: b.restart,
    restartInertias: inertias[j],
  }));
}

/** Mean over features of the (population) variance of each column. */
export function meanFeatureVariance(p: Points): number {
  const { data: x, n, d } = p;
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += x[i * d + t];
  for (let t = 0; t < d; t++) mean[t] /= n;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const base = i * d;
    for (let t = 0; t < d; t++) {
      const diff = x[base + t] - mean[t];
      total += diff * diff;
    }
  }
  return total / (n * d);
}
