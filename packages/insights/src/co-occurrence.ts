import type { BasketItems } from './basket-items.js';
import { invert, sumRows } from './sparse-rows.js';

/**
 * How many baskets contain each item and each pair of items, as a sparse symmetric matrix (CSR,
 * partners sorted, no diagonal). Built from an inverted index (item → baskets) with one dense scratch
 * row reused for every item ({@link sumRows}): O(Σ_baskets distinct²) time, O(non-zero pairs) memory.
 *
 * @example
 * const cooc = CoOccurrence.fromBaskets(basketItems(train));
 * cooc.count(3, 7); // baskets holding both items 3 and 7
 * cooc.basketCounts[3]; // baskets holding item 3
 */
export class CoOccurrence {
  private constructor(
    readonly numItems: number,
    readonly numBaskets: number,
    /** Baskets containing each item. */
    readonly basketCounts: Float64Array,
    /** Row offsets, length numItems + 1. */
    readonly offsets: Uint32Array,
    /** Partner items of each row, ascending. */
    readonly partners: Uint32Array,
    /** Baskets holding both the row item and the partner. */
    readonly counts: Float64Array,
  ) {}

  static fromBaskets(baskets: BasketItems): CoOccurrence {
    const { numItems: V, offsets: bo, items } = baskets;
    const basketCounts = new Float64Array(V);
    for (let i = 0; i < items.length; i++) basketCounts[items[i]]++;
    // Row v sums, over the baskets holding v (an inverted index), the items of those baskets.
    const pairs = sumRows(invert(bo, items, V), bo, items, V, true);
    return new CoOccurrence(V, bo.length - 1, basketCounts, pairs.offsets, pairs.cols, pairs.values);
  }

  /**
   * Baskets holding both items (binary search in the shorter row); `basketCounts[i]` when i = j.
   *
   * @example
   * cooc.count(3, 7) === cooc.count(7, 3); // true
   */
  count(i: number, j: number): number {
    if (i === j) return this.basketCounts[i];
    const [r, c] = this.offsets[i + 1] - this.offsets[i] <= this.offsets[j + 1] - this.offsets[j] ? [i, j] : [j, i];
    let lo = this.offsets[r];
    let hi = this.offsets[r + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.partners[mid] < c) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.offsets[r + 1] && this.partners[lo] === c ? this.counts[lo] : 0;
  }

  /**
   * Lift of a pair, `P(i, j) / (P(i) P(j)) = n_ij · D / (n_i · n_j)`; 0 when either item never occurs.
   *
   * @example
   * cooc.lift(3, 7); // > 1: bought together more often than by chance
   */
  lift(i: number, j: number): number {
    const ni = this.basketCounts[i];
    const nj = this.basketCounts[j];
    return ni > 0 && nj > 0 ? (this.count(i, j) * this.numBaskets) / (ni * nj) : 0;
  }
}
