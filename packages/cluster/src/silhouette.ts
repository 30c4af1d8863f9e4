import { checkOptions, expectInteger, expectLabels, expectSeed, invalid } from './errors.js';
import { toPoints, type Points, type PointsInput } from './points.js';
import { sampleIndices } from './sample.js';
import { runTask, sharedCounter, threadCount } from './parallel.js';

/** Up to this many points, {@link silhouette} is exact by default. */
export const SILHOUETTE_EXACT_LIMIT = 20_000;
/** Sample size {@link silhouette} uses by default above {@link SILHOUETTE_EXACT_LIMIT}. */
export const SILHOUETTE_DEFAULT_SAMPLE = 10_000;

export interface SilhouetteOptions {
  /**
   * Score a seeded random subset of this many points, computing every distance within the
   * subset only (scikit-learn's `sample_size`). Default: all points when there are at most
   * 20,000 ({@link SILHOUETTE_EXACT_LIMIT}), else 10,000 ({@link SILHOUETTE_DEFAULT_SAMPLE}).
   * A size >= the number of labelled points means exact.
   */
  sampleSize?: number;
  /** Seed of the sample. Default 0. */
  seed?: number;
  /** Threads sharing the pairwise distances (the calling one included). Default: all cores for large jobs, else 1. */
  workers?: number;
}

export interface ClusterSilhouette {
  label: number;
  /** Scored points with this label. */
  size: number;
  /** Mean silhouette of those points. */
  score: number;
}

export interface SilhouetteResult {
  /** Mean silhouette over the scored points, in [-1, 1]. */
  score: number;
  /** Per label, ascending by label. */
  clusters: ClusterSilhouette[];
  /** Silhouette of each scored point (aligned with `indices`). */
  values: Float64Array;
  /** The scored points, ascending. */
  indices: Int32Array;
  /** True when every labelled point was scored. */
  exact: boolean;
}

/**
 * Silhouette coefficient (Rousseeuw 1987) with Euclidean distance: for each point,
 * `s = (b - a) / max(a, b)` where `a` is its mean distance to the other points of its cluster
 * and `b` the smallest mean distance to the points of another cluster; `s = 0` for a point
 * alone in its cluster. Points labelled < 0 (DBSCAN noise) are left out. Needs at least 2
 * and at most (scored points - 1) clusters.
 *
 * Exact (all pairs, O(n^2 d) time, O(n k) memory) up to 20,000 points by default; above, a
 * seeded sample (see {@link SilhouetteOptions.sampleSize}), whose score estimates the full one
 * with a standard error of roughly `std(s) / sqrt(sampleSize)` plus a small bias because the
 * means `a`, `b` use the sample too.
 *
 * @example
 * const { score, clusters } = silhouette(h, km.labels, { sampleSize: 10_000, seed: 1 });
 */
export function silhouette(data: PointsInput, labels: ArrayLike<number>, options?: SilhouetteOptions): SilhouetteResult {
  const opts = checkOptions(options, ['sampleSize', 'seed', 'workers'], 'silhouette options');
  const p = toPoints(data, 'data');
  const lab = expectLabels(labels, 'labels', p.n);
  const sample = silhouetteSample(lab, opts);
  const workers = opts.workers === undefined ? undefined : expectInteger(opts.workers, 'options.workers', 1, 256);
  const [scored] = silhouetteOfLabelings(p, sample.indices, [lab], 'labels', workers);
  return { ...scored, indices: sample.indices, exact: sample.exact };
}

/** Validates sample options and draws the scored points among those with a label >= 0. */
export function silhouetteSample(
  labels: Int32Array,
  opts: { sampleSize?: number; seed?: number },
  name = 'options.sampleSize',
): { indices: Int32Array; exact: boolean } {
  const seed = opts.seed === undefined ? 0 : expectSeed(opts.seed, 'options.seed');
  let labelled = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) labelled++;
  let size: number;
  if (opts.sampleSize === undefined) size = labelled <= SILHOUETTE_EXACT_LIMIT ? labelled : SILHOUETTE_DEFAULT_SAMPLE;
  else size = expectInteger(opts.sampleSize, name, 2);
  const kept = new Int32Array(labelled);
  for (let i = 0, t = 0; i < labels.length; i++) if (labels[i] >= 0) kept[t++] = i;
  if (size >= labelled) return { indices: kept, exact: true };
  const picks = sampleIndices(labelled, size, seed);
  for (let t = 0; t < picks.length; t++) picks[t] = kept[picks[t]];
  return { indices: picks, exact: false };
}

/**
 * Silhouettes of several labelings of the same points at once: each pairwise distance among
 * `indices` is computed once and added to the per-cluster sums of every labeling (this is
 * what makes {@link chooseK} cheap). Returns one result per labeling.
 */
export function silhouetteOfLabelings(
  p: Points,
  indices: Int32Array,
  labelings: readonly Int32Array[],
  name: string,
  workers: number | undefined,
): Omit<SilhouetteResult, 'indices' | 'exact'>[] {
  const { data: x, d } = p;
  const m = indices.length;
  // Gather the scored rows contiguously; map every labeling to dense cluster ids.
  const g = new Float64Array(m * d);
  for (let t = 0; t < m; t++) g.set(x.subarray(indices[t] * d, indices[t] * d + d), t * d);
  const dense = labelings.map((labels) => denseLabels(labels, indices, name));
  const ks = dense.map((l) => l.k);
  const threads = threadCount(workers, (m * m * (d + 2 * dense.length)) / 2);
  const parts = runTask('silhouetteSums', { g, m, d, ids: dense.map((l) => l.ids), ks, next: sharedCounter() }, threads);
  const sums = parts[0];
  for (const part of parts.slice(1)) part.forEach((s, l) => s.forEach((v, t) => (sums[l][t] += v)));
  return dense.map(({ ids, k, values: labelValues }, l) => finish(ids, k, labelValues, sums[l]));
}

interface DenseLabels {
  /** Dense cluster id of each scored point. */
  ids: Int32Array;
  /** Number of distinct labels among the scored points. */
  k: number;
  /** Original label of each dense id, ascending. */
  values: number[];
}

function denseLabels(labels: Int32Array, indices: Int32Array, name: string): DenseLabels {
  const values = [...new Set(Array.from(indices, (i) => labels[i]))].sort((a, b) => a - b);
  if (values.length < 2 || values.length > indices.length - 1) {
    throw new RangeError(invalid(`between 2 and ${indices.length - 1} clusters among the scored points`, name, `${values.length} clusters`));
  }
  const idOf = new Map(values.map((v, id) => [v, id]));
  const ids = new Int32Array(indices.length);
  for (let t = 0; t < indices.length; t++) ids[t] = idOf.get(labels[indices[t]])!;
  return { ids, k: values.length, values };
}

function finish(ids: Int32Array, k: number, labelValues: number[], sums: Float64Array): Omit<SilhouetteResult, 'indices' | 'exact'> {
  const m = ids.length;
  const counts = new Float64Array(k);
  for (let i = 0; i < m; i++) counts[ids[i]]++;
  const values = new Float64Array(m);
  const clusterSums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = ids[i];
    let s = 0;
    if (counts[own] > 1) {
      const a = sums[i * k + own] / (counts[own] - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) {
        if (c === own) continue;
        const mean = sums[i * k + c] / counts[c];
        if (mean < b) b = mean;
      }
      const denom = Math.max(a, b);
      s = denom > 0 ? (b - a) / denom : 0;
    }
    values[i] = s;
    clusterSums[own] += s;
    total += s;
  }
  const clusters = labelValues.map((label, c) => ({ label, size: counts[c], score: clusterSums[c] / counts[c] }));
  return { score: total / m, clusters, values };
}
