/**
 * Partial selection of the `k` best entries of a score vector in O(n log k), without sorting it:
 * a min-heap of the best so far. Ties go to the lower index, so the result equals the first `k`
 * of a full sort by (score descending, index ascending).
 *
 * @param excluded entries with `excluded[i] !== 0` are skipped (e.g. the items already in the basket)
 * @returns the indices, best first (fewer than `k` when fewer entries are eligible)
 *
 * @example
 * topK(new Float64Array([0.1, 0.5, 0.5, 0.2]), 2); // Int32Array [1, 2]
 * topK(new Float64Array([0.1, 0.5, 0.5, 0.2]), 2, new Uint8Array([0, 1, 0, 0])); // Int32Array [2, 3]
 */
export function topK(scores: ArrayLike<number>, k: number, excluded?: ArrayLike<number>): Int32Array {
  const heap = new Int32Array(k);
  let size = 0;
  const n = scores.length;
  // The heap root is the worst kept entry: lowest score, and among equal scores the highest index.
  const worse = (a: number, b: number): boolean => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const siftDown = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && worse(heap[r], heap[l]) ? r : l;
      if (!worse(heap[c], heap[i])) return;
      const t = heap[c];
      heap[c] = heap[i];
      heap[i] = t;
      i = c;
    }
  };
  if (k > 0) {
    for (let i = 0; i < n; i++) {
      if (excluded !== undefined && excluded[i] !== 0) continue;
      if (size < k) {
        let j = size++;
        heap[j] = i;
        while (j > 0) {
          const p = (j - 1) >> 1;
          if (!worse(heap[j], heap[p])) break;
          const t = heap[p];
          heap[p] = heap[j];
          heap[j] = t;
          j = p;
        }
      } else if (scores[i] > scores[heap[0]]) {
        // Indices rise, so an equal score never displaces the root (the lower index wins ties).
        heap[0] = i;
        siftDown(0);
      }
    }
  }
  const out = heap.slice(0, size);
  out.sort((a, b) => scores[b] - scores[a] || a - b);
  return out;
}
