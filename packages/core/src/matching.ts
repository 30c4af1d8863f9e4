/**
 * Minimum-cost assignment (Hungarian algorithm, O(n²m) potentials form) of n rows to m ≥ n columns.
 * Returns, for each row, its column.
 *
 * @example
 * hungarian(Float64Array.of(4, 1, 2, 0), 2, 2); // [1, 0]
 */
export function hungarian(cost: Float64Array, n: number, m: number): Int32Array {
  if (n > m) throw new RangeError(`hungarian needs rows (${n}) ≤ columns (${m})`);
  if (cost.length !== n * m) throw new RangeError(`Expected a cost matrix of ${n * m} values but received ${cost.length}`);
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row (1-based) matched to column j
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(INF);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * m + (j - 1)] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  const rowTo = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] > 0) rowTo[p[j] - 1] = j - 1;
  return rowTo;
}

/** Cosine similarity of row i of A (rowsA x dim) and row j of B, for all pairs, row-major rowsA x rowsB. */
export function cosineMatrix(A: ArrayLike<number>, B: ArrayLike<number>, rowsA: number, rowsB: number, dim: number): Float64Array {
  const norm = (M: ArrayLike<number>, r: number): number => {
    let s = 0;
    for (let c = 0; c < dim; c++) s += M[r * dim + c] * M[r * dim + c];
    return Math.sqrt(s);
  };
  const na = Float64Array.from({ length: rowsA }, (_, r) => norm(A, r));
  const nb = Float64Array.from({ length: rowsB }, (_, r) => norm(B, r));
  const out = new Float64Array(rowsA * rowsB);
  for (let i = 0; i < rowsA; i++)
    for (let j = 0; j < rowsB; j++) {
      let dot = 0;
      for (let c = 0; c < dim; c++) dot += A[i * dim + c] * B[j * dim + c];
      out[i * rowsB + j] = na[i] && nb[j] ? dot / (na[i] * nb[j]) : 0;
    }
  return out;
}

/**
 * Matches the topics of two topic–term matrices (K x V each) one to one, maximising total cosine.
 * Used for recovery against planted topics and for stability across seeds.
 *
 * @example
 * const { meanCosine } = matchTopics(learnedPhi, truePhi, K, V);
 */
export function matchTopics(phiA: Float64Array, phiB: Float64Array, K: number, V: number): { assignment: Int32Array; cosines: Float64Array; meanCosine: number } {
  const cos = cosineMatrix(phiA, phiB, K, K, V);
  const cost = cos.map((c) => 1 - c);
  const assignment = hungarian(cost, K, K);
  const cosines = Float64Array.from(assignment, (j, i) => cos[i * K + j]);
  let s = 0;
  for (const c of cosines) s += c;
  return { assignment, cosines, meanCosine: s / K };
}
