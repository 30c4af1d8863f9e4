/** One week of sampled rows and baskets in growable typed arrays, reused from week to week (flat memory). */

function grow<T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class WeekBuffer {
  rows = 0;
  baskets = 0;
  anonymousRows = 0;
  rowBasket = new Uint32Array(1024);
  rowProduct = new Uint32Array(1024);
  rowQuantity = new Uint32Array(1024);
  /** SPEND in pence. */
  rowSpend = new Uint32Array(1024);
  basketId = new Float64Array(256);
  /** Index of a known customer, or -1 for an anonymous basket. */
  basketCustomer = new Int32Array(256);
  basketStore = new Int32Array(256);
  /** Day of the fiscal week, 0 = Monday … 6 = Sunday. */
  basketDay = new Uint8Array(256);
  basketHour = new Uint8Array(256);
  /** Indices into basketSizes, priceSensitivities, basketTypes and basketMissions. */
  basketSize = new Uint8Array(256);
  basketPrice = new Uint8Array(256);
  basketType = new Uint8Array(256);
  basketMission = new Uint8Array(256);

  reset(): void {
    this.rows = 0;
    this.baskets = 0;
    this.anonymousRows = 0;
  }

  /** Append a row (quantity 1, spend 0 until the basket is closed); returns its index. */
  addRow(basket: number, product: number): number {
    const r = this.rows++;
    if (r >= this.rowBasket.length) {
      this.rowBasket = grow(this.rowBasket, r + 1);
      this.rowProduct = grow(this.rowProduct, r + 1);
      this.rowQuantity = grow(this.rowQuantity, r + 1);
      this.rowSpend = grow(this.rowSpend, r + 1);
    }
    this.rowBasket[r] = basket;
    this.rowProduct[r] = product;
    this.rowQuantity[r] = 1;
    this.rowSpend[r] = 0;
    return r;
  }

  /** Append a basket; its attributes are set by the caller. Returns its index. */
  addBasket(): number {
    const b = this.baskets++;
    if (b >= this.basketId.length) {
      const n = b + 1;
      this.basketId = grow(this.basketId, n);
      this.basketCustomer = grow(this.basketCustomer, n);
      this.basketStore = grow(this.basketStore, n);
      this.basketDay = grow(this.basketDay, n);
      this.basketHour = grow(this.basketHour, n);
      this.basketSize = grow(this.basketSize, n);
      this.basketPrice = grow(this.basketPrice, n);
      this.basketType = grow(this.basketType, n);
      this.basketMission = grow(this.basketMission, n);
    }
    return b;
  }

  /**
   * Row order of the real files: by store, then product, then sampling order (two stable counting sorts).
   *
   * @example
   * const order = buffer.fileOrder(stores.codes.length, productRank);
   */
  fileOrder(numStores: number, productRank: Int32Array): Uint32Array {
    const n = this.rows;
    const byProduct = countingSort(n, productRank.length, (r) => productRank[this.rowProduct[r]], null);
    return countingSort(n, numStores, (r) => this.basketStore[this.rowBasket[r]], byProduct);
  }
}

/** Stable counting sort of `input` (or 0..n-1) by an integer key in 0..buckets-1. */
function countingSort(n: number, buckets: number, key: (r: number) => number, input: Uint32Array | null): Uint32Array {
  const counts = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) counts[key(input ? input[i] : i) + 1]++;
  for (let b = 0; b < buckets; b++) counts[b + 1] += counts[b];
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = input ? input[i] : i;
    out[counts[key(r)]++] = r;
  }
  return out;
}
