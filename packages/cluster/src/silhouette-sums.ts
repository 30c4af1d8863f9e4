import { distancesSquaredToRows } from './distance.js';

/** What {@link silhouetteSums} needs: the scored rows and each labeling as dense ids. */
export interface SilhouetteSumsInput {
  /** Scored rows, `m x d`, row-major. */
  g: Float64Array;
  m: number;
  d: number;
  /** Per labeling, the dense cluster id (0..k-1) of each scored row. */
  ids: Int32Array[];
  /** Per labeling, its number of clusters. */
  ks: number[];
  /** Shared work counter: each claim takes the next band of 64 rows. */
  next: Int32Array;
}

/** Rows and columns per tile: a 64 x 64 tile of distances (32 KiB) stays in L1/L2 cache. */
const TILE = 64;

/**
 * For every labeling, `sums[i * k + c]` = sum of distances from scored row `i` to the
 * scored rows in cluster `c`. Each distance is computed once (upper triangle, in 64 x 64
 * tiles) and added to both ends; accumulating tile by tile keeps every write in cache, so
 * many labelings (as in `chooseK`) cost little more than one. Bands of 64 rows are claimed
 * from the shared counter `next` until none are left, so several threads can share the
 * work; their parts add up to the whole.
 *
 * @example
 * const [sums] = silhouetteSums({ g, m, d, ids: [ids], ks: [k], next: new Int32Array(1) });
 */
export function silhouetteSums(input: SilhouetteSumsInput): Float64Array[] {
  const { g, m, d, ids, ks, next } = input;
  const sums = ks.map((k) => new Float64Array(m * k));
  const tile = new Float64Array(TILE * TILE);
  for (let i0 = Atomics.add(next, 0, 1) * TILE; i0 < m; i0 = Atomics.add(next, 0, 1) * TILE) {
    const i1 = Math.min(m, i0 + TILE);
    for (let j0 = i0; j0 < m; j0 += TILE) {
      const j1 = Math.min(m, j0 + TILE);
      // Distances for j > i; entries on or below the diagonal stay 0 and add nothing.
      tile.fill(0);
      for (let i = i0; i < i1; i++) {
        const from = Math.max(j0, i + 1);
        if (from >= j1) continue;
        const at = (i - i0) * TILE + (from - j0);
        distancesSquaredToRows(g, i * d, g, from, j1, d, tile, at);
        for (let t = at; t < at + (j1 - from); t++) tile[t] = Math.sqrt(tile[t]);
      }
      for (let l = 0; l < ks.length; l++) addTile(tile, ids[l], ks[l], sums[l], i0, i1, j0, j1);
    }
  }
  return sums;
}

/**
 * Adds tile (rows i0..i1, columns j0..j1) to the row ends and to the column ends. The inner
 * loops run over the *other* end, so consecutive additions hit different points' sums and
 * never wait on each other (same-cluster neighbours would otherwise chain through memory).
 */
function addTile(tile: Float64Array, ids: Int32Array, k: number, sum: Float64Array, i0: number, i1: number, j0: number, j1: number): void {
  for (let j = j0; j < j1; j++) {
    const c = ids[j];
    const at = j - j0 - i0 * TILE;
    for (let i = i0; i < i1; i++) sum[i * k + c] += tile[at + i * TILE];
  }
  for (let i = i0; i < i1; i++) {
    const c = ids[i];
    const at = (i - i0) * TILE - j0;
    for (let j = j0; j < j1; j++) sum[j * k + c] += tile[at + j];
  }
}
