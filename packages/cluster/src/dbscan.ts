import { BallTree, IndexBuffer } from './ball-tree.js';
import { checkOptions, expectInteger, expectPositiveFinite, invalid } from './errors.js';
import { toPoints, type PointsInput } from './points.js';

export interface DbscanOptions {
  /** Neighbourhood radius (Euclidean, inclusive). See {@link suggestEps}. */
  eps: number;
  /** Points within `eps` (the point itself included) that make a point a core point. Default 5. */
  minPoints?: number;
}

export interface DbscanResult {
  /** Cluster of each point, 0..clusters-1, or -1 for noise. */
  labels: Int32Array;
  /** 1 for core points, 0 otherwise. */
  core: Uint8Array;
  clusters: number;
  noise: number;
}

/** Label of a point not reached yet (never returned). */
const UNSEEN = -2;
const NOISE = -1;

/**
 * DBSCAN (Ester et al. 1996) with Euclidean distance, neighbourhoods from a {@link BallTree}.
 * A point with at least `minPoints` points within `eps` (itself included, as in
 * scikit-learn's `min_samples`) is a core point; clusters are the connected core points plus
 * the non-core points within `eps` of them (a border point reachable from two clusters joins
 * the one found first, scanning points in index order). Everything else is noise (-1).
 *
 * Each point's neighbourhood is queried once. A point that joins a cluster is closed in the
 * tree, and a query only needs to report open points and to count up to `minPoints`, so
 * subtrees already absorbed by a cluster are skipped once the count is reached. Cost:
 * building the tree O(n log n · d), then n radius queries, each fast while `eps` is small
 * next to the spread of the data and the data's intrinsic dimension is moderate. With an
 * `eps` of the order of the data's diameter (diffuse data whose k-distance knee is large),
 * queries approach O(n d) each, O(n^2 d) in all. Practical limit: a few 10^4 points for
 * diffuse 50-d data, more for well-separated clusters; sample beyond that.
 *
 * @example
 * const { labels, clusters, noise } = dbscan(hellinger(theta), { eps: 0.3, minPoints: 10 });
 */
export function dbscan(data: PointsInput, options: DbscanOptions): DbscanResult {
  if (options === undefined) throw new TypeError(invalid('an options object with eps', 'options', options));
  const opts = checkOptions(options, ['eps', 'minPoints'], 'dbscan options');
  const eps = expectPositiveFinite(opts.eps, 'options.eps');
  const minPoints = opts.minPoints === undefined ? 5 : expectInteger(opts.minPoints, 'options.minPoints', 1);
  const p = toPoints(data, 'data');
  const { data: x, n, d } = p;
  const tree = new BallTree(p);
  const labels = new Int32Array(n).fill(UNSEEN);
  const core = new Uint8Array(n);
  const found = new IndexBuffer();
  const queue = new Int32Array(n);
  let clusters = 0;

  for (let i = 0; i < n; i++) {
    if (labels[i] !== UNSEEN) continue;
    found.length = 0;
    if (tree.radiusOpen(x, i * d, eps, minPoints, found) < minPoints) {
      labels[i] = NOISE;
      continue;
    }
    const cluster = clusters++;
    labels[i] = cluster;
    tree.close(i);
    core[i] = 1;
    let head = 0;
    let tail = 0;
    const enqueue = (): void => {
      const nb = found.values;
      for (let t = 0; t < found.length; t++) {
        const j = nb[t];
        if (labels[j] === NOISE) {
          labels[j] = cluster; // border point, already known not to be core
          tree.close(j);
        } else if (labels[j] === UNSEEN) {
          labels[j] = cluster;
          tree.close(j);
          queue[tail++] = j;
        }
      }
    };
    enqueue();
    while (head < tail) {
      const j = queue[head++];
      found.length = 0;
      if (tree.radiusOpen(x, j * d, eps, minPoints, found) >= minPoints) {
        core[j] = 1;
        enqueue();
      }
    }
  }
  let noise = 0;
  for (let i = 0; i < n; i++) if (labels[i] === NOISE) noise++;
  return { labels, core, clusters, noise };
}
