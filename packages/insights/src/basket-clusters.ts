import { chooseK, hellinger, kmeans, type ChooseKPoint, type KMeansResult } from '@atm/cluster';
import { Rng } from '@atm/core';
import { checkOptions, expectInteger, expectSeed, invalid } from './errors.js';
import { sampleIndices } from './sample-indices.js';

export interface BasketClusterOptions {
  /** Number of clusters; when omitted it is chosen by silhouette over `kMin..kMax` on a sample. */
  k?: number;
  /** Smallest k tried. Default 2. */
  kMin?: number;
  /** Largest k tried. Default 12. */
  kMax?: number;
  /** Baskets (a seeded sample) on which k is chosen and the k-means starts are run. Default 5,000. */
  chooseOn?: number;
  /** k-means++ starts on the sample. Default 4. */
  restarts?: number;
  /** Seed of the sample and of k-means. Default 0. */
  seed?: number;
}

export interface BasketClusters {
  k: number;
  /** Cluster of each basket, 0..k-1. */
  labels: Int32Array;
  /** Baskets per cluster. */
  sizes: Int32Array;
  /** Each cluster's centre mapped back to a topic distribution (squared Hellinger centre, normalized), k x K. */
  profiles: Float64Array;
  /** k-means inertia in Hellinger space (sum of squared distances to the centres). */
  inertia: number;
  /** Inertia and silhouette of each k tried (empty when `k` was given). */
  curve: ChooseKPoint[];
}

/**
 * Clusters baskets by their topic vectors: k-means (@atm/cluster) on the Hellinger map `sqrt(θ)`, so
 * Euclidean distance is Hellinger distance between missions. k-means++ with `restarts` starts runs
 * on a seeded sample of `chooseOn` baskets (there, without `k`, k is the silhouette's best over
 * `kMin..kMax`); the winning centres then seed one k-means over every basket, so the cost over all
 * baskets is a few Lloyd passes.
 *
 * @example
 * const theta = basketTopics(model, baskets);
 * const { k, labels, profiles } = clusterBaskets(theta, model.numTopics, { kMin: 3, kMax: 10, seed: 1 });
 */
export function clusterBaskets(topics: Float64Array, numTopics: number, options?: BasketClusterOptions): BasketClusters {
  const opts = checkOptions(options, ['k', 'kMin', 'kMax', 'chooseOn', 'restarts', 'seed'], 'clusterBaskets options');
  if (!(topics instanceof Float64Array)) throw new TypeError(invalid('a Float64Array', 'topics', topics));
  const K = expectInteger(numTopics, 'numTopics', 1);
  if (topics.length === 0 || topics.length % K !== 0) throw new RangeError(invalid(`a non-empty length that is a multiple of ${K}`, 'topics', topics.length));
  const n = topics.length / K;
  const seed = expectSeed(opts.seed ?? 0, 'options.seed');
  const restarts = expectInteger(opts.restarts ?? 4, 'options.restarts', 1);
  const points = hellinger({ data: topics, n, d: K });
  const pick = sampleIndices(n, expectInteger(opts.chooseOn ?? 5_000, 'options.chooseOn', 3), Rng.forStream(seed, 0x6b, 0));
  const sample = new Float64Array(pick.length * K);
  for (let i = 0; i < pick.length; i++) sample.set(points.data.subarray(pick[i] * K, pick[i] * K + K), i * K);
  const onSample = { data: sample, n: pick.length, d: K };
  let start: KMeansResult;
  let curve: ChooseKPoint[] = [];
  if (opts.k !== undefined) start = kmeans(onSample, { k: expectInteger(opts.k, 'options.k', 1, pick.length), seed, restarts });
  else {
    const kMin = expectInteger(opts.kMin ?? 2, 'options.kMin', 2, pick.length - 1);
    const kMax = expectInteger(opts.kMax ?? Math.max(kMin, Math.min(12, pick.length - 1)), 'options.kMax', kMin, pick.length - 1);
    const chosen = chooseK(onSample, { kMin, kMax, seed, restarts });
    start = chosen.best;
    curve = chosen.curve;
  }
  // Refine on every basket from the sample's centres: one start, few Lloyd iterations.
  const k = start.centroids.n;
  const result = pick.length === n ? start : kmeans(points, { k, init: start.centroids });
  const profiles = new Float64Array(k * K);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let t = 0; t < K; t++) {
      const v = result.centroids.data[c * K + t];
      profiles[c * K + t] = v * v;
      s += v * v;
    }
    for (let t = 0; t < K; t++) profiles[c * K + t] /= s;
  }
  return { k, labels: result.labels, sizes: result.sizes, profiles, inertia: result.inertia, curve };
}
