import { expectLabels, invalid } from './errors.js';

/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same items: 1 for
 * identical partitions (whatever the label values), about 0 for independent ones, negative
 * when worse than chance. Labels are arbitrary integers (negative ones, e.g. DBSCAN noise,
 * are an ordinary label here). As in scikit-learn, two partitions that are both a single
 * cluster, or both all singletons, score 1.
 *
 * @example
 * adjustedRandIndex([0, 0, 1, 1], [5, 5, 2, 2]); // 1
 * adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]); // -0.5
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const la = expectLabels(a, 'a');
  const lb = expectLabels(b, 'b', la.length);
  const n = la.length;
  if (n < 2) throw new RangeError(invalid('at least 2 labels', 'a', a));
  const ia = denseIds(la);
  const ib = denseIds(lb);
  const ka = ia.k;
  const rowTotals = new Float64Array(ka);
  const colTotals = new Float64Array(ib.k);
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const x = ia.ids[i];
    const y = ib.ids[i];
    rowTotals[x]++;
    colTotals[y]++;
    const key = y * ka + x;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let index = 0;
  for (const c of cells.values()) index += pairs(c);
  let sumA = 0;
  for (const c of rowTotals) sumA += pairs(c);
  let sumB = 0;
  for (const c of colTotals) sumB += pairs(c);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

function pairs(c: number): number {
  return (c * (c - 1)) / 2;
}

function denseIds(labels: Int32Array): { ids: Int32Array; k: number } {
  const idOf = new Map<number, number>();
  const ids = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let id = idOf.get(labels[i]);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(labels[i], id);
    }
    ids[i] = id;
  }
  return { ids, k: idOf.size };
}
