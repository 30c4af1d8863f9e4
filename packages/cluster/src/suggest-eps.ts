import { BallTree } from './ball-tree.js';
import { checkOptions, expectInteger, expectSeed } from './errors.js';
import { toPoints, type PointsInput } from './points.js';
import { sampleIndices } from './sample.js';

export interface SuggestEpsOptions {
  /** Query at most this many points (a seeded sample); the search still covers all points. Default 5000. */
  sampleSize?: number;
  /** Seed of the sample. Default 0. */
  seed?: number;
}

export interface SuggestEpsResult {
  /** The k-distance at the knee: a starting `eps` for {@link dbscan} with the same `minPoints`. */
  eps: number;
  /** Each queried point's core distance, ascending (the k-distance curve). */
  kDistances: Float64Array;
  /** Position of the knee in `kDistances`. */
  knee: number;
}

/**
 * Suggests `eps` for {@link dbscan} from the k-distance curve. For each (sampled) point it
 * takes the distance to its `minPoints`-th nearest point, itself included — exactly the
 * smallest `eps` at which that point is a core point — and sorts these ascending. The knee is
 * the point of the curve farthest below the chord joining its ends, both axes scaled to
 * [0, 1] (the "kneedle" rule): below it most points are core, above it the distances shoot
 * up into the noise.
 *
 * @example
 * const { eps } = suggestEps(h, 10);
 * dbscan(h, { eps, minPoints: 10 });
 */
export function suggestEps(data: PointsInput, minPoints: number, options?: SuggestEpsOptions): SuggestEpsResult {
  const opts = checkOptions(options, ['sampleSize', 'seed'], 'suggestEps options');
  const p = toPoints(data, 'data');
  const m = expectInteger(minPoints, 'minPoints', 2, p.n);
  const sampleSize = opts.sampleSize === undefined ? 5000 : expectInteger(opts.sampleSize, 'options.sampleSize', 2);
  const seed = opts.seed === undefined ? 0 : expectSeed(opts.seed, 'options.seed');
  const tree = new BallTree(p);
  const queries = sampleIndices(p.n, sampleSize, seed);
  const kDistances = new Float64Array(queries.length);
  for (let q = 0; q < queries.length; q++) kDistances[q] = tree.kthNeighbourDistance(p.data, queries[q] * p.d, m);
  kDistances.sort();
  const knee = kneeIndex(kDistances);
  return { eps: kDistances[knee], kDistances, knee };
}

/** Index of the point of an ascending curve farthest below its chord, both axes scaled to [0, 1]. */
export function kneeIndex(ascending: Float64Array): number {
  const last = ascending.length - 1;
  const lo = ascending[0];
  const span = ascending[last] - lo;
  if (last === 0 || span === 0) return last;
  let best = 0;
  let bestGap = -Infinity;
  for (let i = 0; i <= last; i++) {
    const gap = i / last - (ascending[i] - lo) / span;
    if (gap > bestGap) {
      bestGap = gap;
      best = i;
    }
  }
  return best;
}
