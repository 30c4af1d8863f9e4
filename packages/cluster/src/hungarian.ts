import { hungarian } from '@atm/core';
import { expectInteger, invalid } from './errors.js';

export interface Assignment {
  /** Column matched to each row, or -1 for a row left over (only when rows > columns). */
  rowToColumn: Int32Array;
  /** Row matched to each column, or -1 for a column left over (only when columns > rows). */
  columnToRow: Int32Array;
  /** Sum of the chosen costs. */
  cost: number;
}

/**
 * Minimum-cost assignment (Hungarian method; the solver is @atm/core's `hungarian`, which
 * topic matching uses too), for any shape: the transpose is solved when rows outnumber columns. `cost` is an `n x m` row-major matrix of finite
 * numbers; the result matches min(n, m) rows to distinct columns with the smallest total.
 * For a maximum-similarity matching pass `1 - similarity` (or `-similarity`), e.g. to pair
 * learned topics with true ones by {@link cosineSimilarityMatrix}.
 *
 * @example
 * const sim = cosineSimilarityMatrix(learned, truth, K, K, V);
 * const cost = sim.map((s) => 1 - s);
 * const { rowToColumn } = hungarianMatch(cost, K, K); // learned topic i ↔ true topic rowToColumn[i]
 */
export function hungarianMatch(cost: Float64Array, n: number, m: number): Assignment {
  expectInteger(n, 'n', 1);
  expectInteger(m, 'm', 1);
  if (!(cost instanceof Float64Array)) throw new TypeError(invalid('a Float64Array', 'cost', cost));
  if (cost.length !== n * m) throw new RangeError(invalid(`a Float64Array of length n * m = ${n * m}`, 'cost', cost));
  for (let i = 0; i < cost.length; i++) {
    if (!Number.isFinite(cost[i])) throw new RangeError(invalid('a finite cost', `cost[${i}]`, cost[i]));
  }
  if (n <= m) {
    const rowToColumn = hungarian(cost, n, m);
    return finish(cost, n, m, rowToColumn);
  }
  // More rows than columns: solve the transpose and turn the answer around.
  const t = new Float64Array(m * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) t[j * n + i] = cost[i * m + j];
  const columnToRow = hungarian(t, m, n);
  const rowToColumn = new Int32Array(n).fill(-1);
  for (let j = 0; j < m; j++) rowToColumn[columnToRow[j]] = j;
  return finish(cost, n, m, rowToColumn);
}

function finish(cost: Float64Array, n: number, m: number, rowToColumn: Int32Array): Assignment {
  const columnToRow = new Int32Array(m).fill(-1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const j = rowToColumn[i];
    if (j < 0) continue;
    columnToRow[j] = i;
    total += cost[i * m + j];
  }
  return { rowToColumn, columnToRow, cost: total };
}
