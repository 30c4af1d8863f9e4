/** A sparse matrix in compressed rows: row r holds `cols[offsets[r] .. offsets[r+1])` (ascending) with `values`. */
export interface SparseRows {
  offsets: Uint32Array;
  cols: Uint32Array;
  values: Float64Array;
}

/**
 * Inverts a CSR list of lists: `keys` of list d are `members[offsets[d] .. offsets[d+1])`; the result
 * lists, for each key 0..numKeys-1, the lists d that contain it (ascending, once per occurrence), by
 * counting sort in O(entries + numKeys).
 *
 * @example
 * invert(new Uint32Array([0, 2, 3]), new Uint32Array([1, 0, 1]), 2); // key 0: [0], key 1: [0, 1]
 */
export function invert(offsets: Uint32Array, members: Uint32Array, numKeys: number): { offsets: Uint32Array; lists: Uint32Array } {
  const out = new Uint32Array(numKeys + 1);
  for (let i = 0; i < members.length; i++) out[members[i] + 1]++;
  for (let k = 0; k < numKeys; k++) out[k + 1] += out[k];
  const fill = out.slice(0, numKeys);
  const lists = new Uint32Array(members.length);
  for (let d = 0; d + 1 < offsets.length; d++) for (let i = offsets[d]; i < offsets[d + 1]; i++) lists[fill[members[i]]++] = d;
  return { offsets: out, lists };
}

/**
 * Row r of the result counts, over the baskets listed for r (`rowBaskets`), how often each column
 * occurs in them (`basketOffsets`/`basketItems`, a basket's items with repeats). One dense scratch row
 * is reused for every row and only the touched entries are emitted, so the cost is the number of
 * items visited plus the non-zeros. With `skipDiagonal`, column r is left out of row r.
 *
 * @example
 * // Per customer term counts: rows = customers, each customer's baskets, baskets' tokens.
 * sumRows(invert(docAuthorOffsets, docAuthors, A), docOffsets, tokens, V, false);
 */
export function sumRows(
  rowBaskets: { offsets: Uint32Array; lists: Uint32Array },
  basketOffsets: Uint32Array,
  basketItems: Uint32Array,
  numCols: number,
  skipDiagonal: boolean,
): SparseRows {
  const rows = rowBaskets.offsets.length - 1;
  const offsets = new Uint32Array(rows + 1);
  let cols = new Uint32Array(Math.max(16, basketItems.length));
  let values = new Float64Array(cols.length);
  const scratch = new Float64Array(numCols);
  const touched = new Uint32Array(numCols);
  let nnz = 0;
  for (let r = 0; r < rows; r++) {
    let m = 0;
    for (let j = rowBaskets.offsets[r]; j < rowBaskets.offsets[r + 1]; j++) {
      const d = rowBaskets.lists[j];
      for (let i = basketOffsets[d]; i < basketOffsets[d + 1]; i++) {
        const c = basketItems[i];
        if (skipDiagonal && c === r) continue;
        if (scratch[c] === 0) touched[m++] = c;
        scratch[c]++;
      }
    }
    const row = touched.subarray(0, m).sort();
    if (nnz + m > cols.length) {
      const size = Math.max(nnz + m, 2 * cols.length);
      const c = new Uint32Array(size);
      c.set(cols.subarray(0, nnz));
      const v = new Float64Array(size);
      v.set(values.subarray(0, nnz));
      cols = c;
      values = v;
    }
    for (let i = 0; i < m; i++) {
      cols[nnz] = row[i];
      values[nnz++] = scratch[row[i]];
      scratch[row[i]] = 0;
    }
    offsets[r + 1] = nnz;
  }
  return { offsets, cols: cols.slice(0, nnz), values: values.slice(0, nnz) };
}
