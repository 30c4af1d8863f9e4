import { distanceSquared } from './distance.js';
import type { Points } from './points.js';

/** Points per leaf: below this a linear scan beats descending further. */
const LEAF_SIZE = 32;

/**
 * A growable `Int32Array` of neighbour indices, reused across queries.
 *
 * @example
 * const found = new IndexBuffer();
 * found.length = 0; // reset before a query
 * tree.radius(x, i * d, eps, found); // found.values.subarray(0, found.length)
 */
export class IndexBuffer {
  values = new Int32Array(64);
  length = 0;

  push(v: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = v;
  }
}

/**
 * A ball tree over the rows of a {@link Points} matrix (Euclidean metric). Each node holds a
 * contiguous range of a permutation of the rows, the centroid of that range and the radius
 * of the ball around it; nodes split at the median of the coordinate with the widest spread.
 * Queries prune a node when the query ball cannot reach its ball, which keeps working in
 * moderate dimension (tens of features) where grids and k-d trees degrade — as long as the
 * query radius is small compared with the spread of the data. Worst case (radius of the
 * order of the data diameter) is O(n) per query.
 *
 * @example
 * const tree = new BallTree(points);
 * const found = new IndexBuffer();
 * tree.radius(points.data, 0, 0.1, found); // rows within 0.1 of row 0 (row 0 included)
 */
export class BallTree {
  /** Row indices, ordered so every node covers `order[start[node] .. end[node])`. */
  readonly order: Int32Array;
  private readonly x: Float64Array;
  private readonly d: number;
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly left: number[] = [];
  private readonly right: number[] = [];
  private readonly parent: number[] = [];
  private readonly radii: number[] = [];
  private centres: Float64Array;
  private nodes = 0;
  /** Per node, how many of its rows are still open (see {@link close}). */
  private readonly open: number[] = [];
  private readonly closed: Uint8Array;
  /** Leaf holding each row. */
  private readonly leafOf: Int32Array;
  private readonly stack: number[] = [];
  private readonly stackDistance: number[] = [];

  constructor(p: Points) {
    this.x = p.data;
    this.d = p.d;
    this.order = new Int32Array(p.n);
    for (let i = 0; i < p.n; i++) this.order[i] = i;
    this.closed = new Uint8Array(p.n);
    this.leafOf = new Int32Array(p.n);
    this.centres = new Float64Array(Math.max(1, Math.ceil((4 * p.n) / LEAF_SIZE)) * p.d);
    this.build(0, p.n, -1);
  }

  /**
   * Appends to `out` every row within `eps` (inclusive) of the query `q[qOffset .. qOffset + d)`.
   * Returns the number of rows appended.
   */
  radius(q: Float64Array, qOffset: number, eps: number, out: IndexBuffer): number {
    return this.query(q, qOffset, eps, Infinity, out, false);
  }

  /**
   * Counts the rows within `eps` of the query — exactly while the count is below `enough`;
   * past it the count may stop short — and appends to `out` those of them still open.
   * Closed rows (see {@link close}) are only counted, and whole subtrees with no open row
   * are skipped once `enough` is reached, so a region that has been dealt with costs little
   * to query again (DBSCAN's expansion through a dense cluster).
   */
  radiusOpen(q: Float64Array, qOffset: number, eps: number, enough: number, out: IndexBuffer): number {
    return this.query(q, qOffset, eps, enough, out, true);
  }

  /** Marks a row as dealt with: {@link radiusOpen} no longer reports it. Call once per row. */
  close(row: number): void {
    this.closed[row] = 1;
    for (let node = this.leafOf[row]; node >= 0; node = this.parent[node]) this.open[node]--;
  }

  /** Nearer subtrees first, so counts reach `enough` early. */
  private query(q: Float64Array, qOffset: number, eps: number, enough: number, out: IndexBuffer, onlyOpen: boolean): number {
    const { x, d, order, stack, stackDistance, closed } = this;
    const eps2 = eps * eps;
    let count = 0;
    stack.length = 0;
    stackDistance.length = 0;
    stack.push(0);
    stackDistance.push(this.centreDistance(0, q, qOffset));
    while (stack.length > 0) {
      const node = stack.pop()!;
      const dc = stackDistance.pop()!;
      const r = this.radii[node];
      if (dc - r > eps) continue;
      const open = onlyOpen ? this.open[node] : 1;
      if (open === 0 && count >= enough) continue;
      const s = this.start[node];
      const e = this.end[node];
      if (dc + r <= eps) {
        count += e - s;
        if (open > 0) for (let i = s; i < e; i++) if (!onlyOpen || closed[order[i]] === 0) out.push(order[i]);
      } else if (this.left[node] < 0) {
        for (let i = s; i < e; i++) {
          const row = order[i];
          const isOpen = !onlyOpen || closed[row] === 0;
          if (!isOpen && count >= enough) continue;
          if (distanceSquared(q, qOffset, x, row * d, d) <= eps2) {
            count++;
            if (isOpen) out.push(row);
          }
        }
      } else {
        const a = this.left[node];
        const b = this.right[node];
        const da = this.centreDistance(a, q, qOffset);
        const db = this.centreDistance(b, q, qOffset);
        // Push the farther child first so the nearer one is popped next.
        if (da <= db) stack.push(b, a), stackDistance.push(db, da);
        else stack.push(a, b), stackDistance.push(da, db);
      }
    }
    return count;
  }

  private centreDistance(node: number, q: Float64Array, qOffset: number): number {
    return Math.sqrt(distanceSquared(q, qOffset, this.centres, node * this.d, this.d));
  }

  /**
   * Distance from the query to its `m`-th nearest row (m >= 1), counting a row equal to the
   * query (e.g. the query itself) as a neighbour at distance 0.
   */
  kthNeighbourDistance(q: Float64Array, qOffset: number, m: number): number {
    const heap = new MaxHeap(m);
    this.knnNode(0, q, qOffset, heap);
    return Math.sqrt(heap.top());
  }

  private knnNode(node: number, q: Float64Array, qOffset: number, heap: MaxHeap): void {
    const { x, d, order } = this;
    if (this.left[node] < 0) {
      for (let i = this.start[node]; i < this.end[node]; i++) {
        const s = distanceSquared(q, qOffset, x, order[i] * d, d);
        if (s < heap.top()) heap.replaceTop(s);
      }
      return;
    }
    const a = this.left[node];
    const b = this.right[node];
    const la = this.lowerBound(a, q, qOffset);
    const lb = this.lowerBound(b, q, qOffset);
    const [first, lf, second, ls] = la <= lb ? [a, la, b, lb] : [b, lb, a, la];
    if (lf * lf < heap.top()) this.knnNode(first, q, qOffset, heap);
    if (ls * ls < heap.top()) this.knnNode(second, q, qOffset, heap);
  }

  private lowerBound(node: number, q: Float64Array, qOffset: number): number {
    return Math.max(0, this.centreDistance(node, q, qOffset) - this.radii[node]);
  }

  private build(s: number, e: number, parent: number): number {
    const node = this.nodes++;
    const { x, d, order } = this;
    if ((node + 1) * d > this.centres.length) {
      const grown = new Float64Array(this.centres.length * 2);
      grown.set(this.centres);
      this.centres = grown;
    }
    const c = node * d;
    const centres = this.centres;
    for (let i = s; i < e; i++) {
      const base = order[i] * d;
      for (let t = 0; t < d; t++) centres[c + t] += x[base + t];
    }
    for (let t = 0; t < d; t++) centres[c + t] /= e - s;
    let r2 = 0;
    for (let i = s; i < e; i++) r2 = Math.max(r2, distanceSquared(centres, c, x, order[i] * d, d));
    this.start[node] = s;
    this.end[node] = e;
    this.parent[node] = parent;
    this.open[node] = e - s;
    this.radii[node] = Math.sqrt(r2);
    this.left[node] = -1;
    this.right[node] = -1;
    if (e - s <= LEAF_SIZE || r2 === 0) {
      for (let i = s; i < e; i++) this.leafOf[order[i]] = node;
      return node;
    }

    const axis = this.widestAxis(s, e);
    const mid = (s + e) >>> 1;
    this.select(s, e, mid, axis);
    this.left[node] = this.build(s, mid, node);
    this.right[node] = this.build(mid, e, node);
    return node;
  }

  private widestAxis(s: number, e: number): number {
    const { x, d, order } = this;
    let axis = 0;
    let widest = -1;
    for (let t = 0; t < d; t++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = s; i < e; i++) {
        const v = x[order[i] * d + t];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi - lo > widest) {
        widest = hi - lo;
        axis = t;
      }
    }
    return axis;
  }

  /** Quickselect on `order[s..e)` by coordinate `axis` so position `m` holds the median. */
  private select(s: number, e: number, m: number, axis: number): void {
    const { x, d, order } = this;
    let lo = s;
    let hi = e - 1;
    while (lo < hi) {
      const pivot = x[order[(lo + hi) >>> 1] * d + axis];
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (x[order[i] * d + axis] < pivot) i++;
        while (x[order[j] * d + axis] > pivot) j--;
        if (i <= j) {
          const t = order[i];
          order[i] = order[j];
          order[j] = t;
          i++;
          j--;
        }
      }
      if (m <= j) hi = j;
      else if (m >= i) lo = i;
      else return;
    }
  }
}

/** Fixed-capacity max-heap of squared distances, initialised with +Infinity. */
class MaxHeap {
  private readonly v: Float64Array;

  constructor(size: number) {
    this.v = new Float64Array(size).fill(Infinity);
  }

  top(): number {
    return this.v[0];
  }

  replaceTop(value: number): void {
    const v = this.v;
    const n = v.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && v[r] > v[l] ? r : l;
      if (v[c] <= value) break;
      v[i] = v[c];
      i = c;
    }
    v[i] = value;
  }
}
