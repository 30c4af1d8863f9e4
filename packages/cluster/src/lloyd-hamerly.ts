import { distanceSquared, distancesSquaredToRows } from './distance.js';
import type { Seeding } from './kmeans-plus-plus.js';

/** The outcome of one Lloyd run from one set of starting centres. */
export interface LloydRun {
  labels: Int32Array;
  /** `k x d`, row-major. */
  centroids: Float64Array;
  sizes: Int32Array;
  inertia: number;
  iterations: number;
  converged: boolean;
}

/**
 * Lloyd's algorithm with Hamerly's bounds (Hamerly 2010, "Making k-means even faster").
 *
 * Per point it keeps an upper bound `u` on the distance to its own centre and a lower bound
 * `l` on the distance to every other centre. A point whose `u` is below
 * `max(l, s[a])` (`s[a]` = half the distance from its centre to the nearest other centre)
 * cannot change cluster and costs O(1); only the rest pay O(k d). Centre sums are updated
 * incrementally from the points that move, so an iteration late in the run costs about O(n).
 * The result is the same as plain Lloyd from the same start (up to ties).
 *
 * Loop: assign (skipped when `start` is a k-means++ {@link Seeding}, which already holds the
 * assignment and valid bounds), then repeat
 * { re-seed empty clusters, move centres, stop if the total squared shift <=
 * `shiftTolerance` (after one last assignment), re-assign, stop if no label changed }. An
 * empty cluster takes the point farthest from its own centre among clusters with more than
 * one point. `iterations` counts centre moves.
 *
 * `start` is a seeding or bare `k x d` centres; the centres array is overwritten with the result.
 *
 * @example
 * const run = lloydHamerly(x, n, d, kmeansPlusPlus(x, n, d, k, rng), k, 300, 1e-8);
 */
export function lloydHamerly(
  x: Float64Array,
  n: number,
  d: number,
  start: Seeding | Float64Array,
  k: number,
  maxIterations: number,
  shiftTolerance: number,
): LloydRun {
  const centroids = start instanceof Float64Array ? start : start.centres;
  const state = new HamerlyState(x, n, d, centroids, k, start instanceof Float64Array ? undefined : start);
  if (start instanceof Float64Array) state.assign();
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    state.reseedEmpty();
    const shift = state.moveCentres();
    const changed = state.assign();
    if (shift <= shiftTolerance || changed === 0) {
      converged = true;
      break;
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += distanceSquared(x, i * d, centroids, state.labels[i] * d, d);
  return { labels: state.labels, centroids, sizes: state.counts, inertia, iterations, converged };
}

class HamerlyState {
  readonly labels: Int32Array;
  readonly counts: Int32Array;
  private readonly upper: Float64Array;
  private readonly lower: Float64Array;
  private readonly sums: Float64Array;
  private readonly moves: Float64Array;
  private readonly half: Float64Array;
  private readonly scratch: Float64Array;

  constructor(
    private readonly x: Float64Array,
    private readonly n: number,
    private readonly d: number,
    private readonly c: Float64Array,
    private readonly k: number,
    seeding?: Seeding,
  ) {
    // Without a seeding everyone starts in cluster 0 with bounds (u = inf, l = 0) that force
    // a full check in the first assign().
    this.labels = seeding ? seeding.labels : new Int32Array(n);
    this.upper = seeding ? seeding.upper : new Float64Array(n).fill(Infinity);
    this.lower = seeding ? seeding.lower : new Float64Array(n);
    this.counts = new Int32Array(k);
    this.sums = new Float64Array(k * d);
    this.moves = new Float64Array(k);
    this.half = new Float64Array(k);
    this.scratch = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const a = this.labels[i];
      this.counts[a]++;
      for (let t = 0; t < d; t++) this.sums[a * d + t] += x[i * d + t];
    }
  }

  /** One bounded assignment pass; returns how many points changed cluster. */
  assign(): number {
    const { x, n, d, c, k, labels, upper, lower, half, scratch } = this;
    // half[j] = half the distance from centre j to its nearest other centre.
    half.fill(Infinity);
    for (let j = 0; j < k; j++) {
      for (let jj = j + 1; jj < k; jj++) {
        const h = 0.5 * Math.sqrt(distanceSquared(c, j * d, c, jj * d, d));
        if (h < half[j]) half[j] = h;
        if (h < half[jj]) half[jj] = h;
      }
    }
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      const bound = half[a] > lower[i] ? half[a] : lower[i];
      if (upper[i] <= bound) continue;
      const base = i * d;
      const ownD2 = distanceSquared(x, base, c, a * d, d);
      upper[i] = Math.sqrt(ownD2);
      if (upper[i] <= bound) continue;

      distancesSquaredToRows(x, base, c, 0, k, d, scratch, 0);
      let best = a;
      let d1 = ownD2;
      let d2 = Infinity;
      for (let j = 0; j < k; j++) {
        if (j === a) continue;
        const s = scratch[j];
        if (s < d1) {
          d2 = d1;
          d1 = s;
          best = j;
        } else if (s < d2) d2 = s;
      }
      upper[i] = Math.sqrt(d1);
      lower[i] = Math.sqrt(d2);
      if (best !== a) {
        changed++;
        this.move(i, a, best);
        labels[i] = best;
      }
    }
    return changed;
  }

  /**
   * Moves every centre to the mean of its points and shifts the bounds by how far the
   * centres went. Returns the summed squared shift.
   */
  moveCentres(): number {
    const { n, d, c, k, labels, upper, lower, sums, counts, moves } = this;
    let shift = 0;
    let far1 = 0;
    let far2 = 0;
    let farIndex = -1;
    for (let j = 0; j < k; j++) {
      const cBase = j * d;
      const inv = 1 / counts[j];
      let s = 0;
      for (let t = 0; t < d; t++) {
        const v = sums[cBase + t] * inv;
        const diff = v - c[cBase + t];
        s += diff * diff;
        c[cBase + t] = v;
      }
      shift += s;
      const m = Math.sqrt(s);
      moves[j] = m;
      if (m > far1) {
        far2 = far1;
        far1 = m;
        farIndex = j;
      } else if (m > far2) far2 = m;
    }
    for (let i = 0; i < n; i++) {
      const a = labels[i];
      upper[i] += moves[a];
      lower[i] -= a === farIndex ? far2 : far1;
    }
    return shift;
  }

  /**
   * Gives every empty cluster the point farthest from its own centre (taken only from
   * clusters that keep at least one point). The moved point's bounds are reset so it is
   * re-examined.
   */
  reseedEmpty(): void {
    const { x, n, d, c, k, labels, upper, lower, counts } = this;
    let empty = 0;
    for (let j = 0; j < k; j++) if (counts[j] === 0) empty++;
    if (empty === 0) return;
    const dist = new Float64Array(n);
    for (let i = 0; i < n; i++) dist[i] = distanceSquared(x, i * d, c, labels[i] * d, d);
    for (let j = 0; j < k; j++) {
      if (counts[j] !== 0) continue;
      let far = -1;
      for (let i = 0; i < n; i++) {
        if (dist[i] >= 0 && counts[labels[i]] > 1 && (far < 0 || dist[i] > dist[far])) far = i;
      }
      // k <= n guarantees a donor: while a cluster is empty, some other holds two points.
      dist[far] = -1;
      this.sums.fill(0, j * this.d, (j + 1) * this.d); // drop rounding residue of points that left
      this.move(far, labels[far], j);
      labels[far] = j;
      upper[far] = 0;
      lower[far] = 0;
    }
  }

  /** Moves point `i` from cluster `from` to `to` in the counts and sums. */
  private move(i: number, from: number, to: number): void {
    const { x, d, sums, counts } = this;
    counts[from]--;
    counts[to]++;
    const base = i * d;
    for (let t = 0; t < d; t++) {
      const v = x[base + t];
      sums[from * d + t] -= v;
      sums[to * d + t] += v;
    }
  }
}
