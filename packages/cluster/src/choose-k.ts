import { checkOptions, expectInteger, invalid } from './errors.js';
import { kmeansSettings, meanFeatureVariance, runKMeansJobs, type KMeansOptions, type KMeansResult } from './kmeans.js';
import { toPoints, type PointsInput } from './points.js';
import { silhouetteOfLabelings, silhouetteSample } from './silhouette.js';

export interface ChooseKOptions extends Omit<KMeansOptions, 'k' | 'init'> {
  /** Smallest k tried, >= 2. Default 2. */
  kMin?: number;
  /** Largest k tried. Default 19 (clamped to n - 1 when the default would exceed it). */
  kMax?: number;
  /**
   * Points scored by the silhouette (same seeded sample for every k, drawn with `seed`).
   * Default as {@link silhouette}: all points up to 20,000, else 10,000.
   */
  silhouetteSample?: number;
}

export interface ChooseKPoint {
  k: number;
  inertia: number;
  silhouette: number;
  iterations: number;
  converged: boolean;
}

export interface ChooseKResult {
  /** One entry per k, ascending. */
  curve: ChooseKPoint[];
  /** The k with the highest silhouette; among equal silhouettes, the smallest k. */
  bestK: number;
  /** The k-means result for `bestK`. */
  best: KMeansResult;
  /** Whether the silhouettes were computed on all points. */
  exactSilhouette: boolean;
}

const CHOOSE_K_OPTIONS = ['kMin', 'kMax', 'restarts', 'maxIterations', 'tolerance', 'seed', 'silhouetteSample', 'workers'] as const;

/**
 * Runs {@link kmeans} for every k in `kMin..kMax` (same options and seed for each) and scores
 * each clustering by inertia and mean silhouette. The silhouettes of all k share one seeded
 * sample and one pass over its pairwise distances; all (k, restart) pairs share one pool of
 * threads (`workers`, as in {@link kmeans}). The rule: the best k maximises the
 * silhouette; ties (exactly equal scores) go to the smaller k. The inertia curve is returned
 * too, for an elbow plot, but does not enter the choice.
 *
 * @example
 * const { bestK, curve } = chooseK(hellinger(theta), { kMin: 2, kMax: 19, seed: 3, silhouetteSample: 10_000 });
 */
export function chooseK(data: PointsInput, options?: ChooseKOptions): ChooseKResult {
  const opts = checkOptions(options, CHOOSE_K_OPTIONS, 'chooseK options');
  const p = toPoints(data, 'data');
  if (p.n < 3) throw new RangeError(invalid('at least 3 points', 'data', `${p.n} points`));
  const kMin = opts.kMin === undefined ? 2 : expectInteger(opts.kMin, 'options.kMin', 2, p.n - 1);
  const kMax = opts.kMax === undefined ? Math.max(kMin, Math.min(19, p.n - 1)) : expectInteger(opts.kMax, 'options.kMax', kMin, p.n - 1);
  if (opts.silhouetteSample !== undefined) expectInteger(opts.silhouetteSample, 'options.silhouetteSample', kMax + 1);
  const settings = kmeansSettings(opts, p, false);
  const variance = meanFeatureVariance(p);

  const ks = Array.from({ length: kMax - kMin + 1 }, (_, t) => kMin + t);
  const results = runKMeansJobs(
    p,
    ks.map((k) => ({ ...settings, k })),
    variance,
    settings.workers,
  );

  const everyone = new Int32Array(p.n);
  const sample = silhouetteSample(everyone, { sampleSize: opts.silhouetteSample, seed: settings.seed }, 'options.silhouetteSample');
  const scores = silhouetteOfLabelings(
    p,
    sample.indices,
    results.map((r) => r.labels),
    'labels',
    settings.workers,
  );

  const curve = results.map((r, t) => ({
    k: kMin + t,
    inertia: r.inertia,
    silhouette: scores[t].score,
    iterations: r.iterations,
    converged: r.converged,
  }));
  const best = bestIndex(curve);
  return { curve, bestK: curve[best].k, best: results[best], exactSilhouette: sample.exact };
}

/** Position of the highest silhouette in a curve ordered by k; the first (smallest k) among equals. */
export function bestIndex(curve: readonly ChooseKPoint[]): number {
  let best = 0;
  for (let t = 1; t < curve.length; t++) if (curve[t].silhouette > curve[best].silhouette) best = t;
  return best;
}
