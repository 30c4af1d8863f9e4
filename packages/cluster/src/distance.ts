/**
 * Squared Euclidean distance between `a[ao .. ao + d)` and `b[bo .. bo + d)`.
 *
 * @example
 * distanceSquared(x, i * d, centres, j * d, d);
 */
export function distanceSquared(a: Float64Array, ao: number, b: Float64Array, bo: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = a[ao + t] - b[bo + t];
    s += diff * diff;
  }
  return s;
}

/**
 * Squared distances from `a[ao .. ao + d)` to rows `from .. to-1` of the row-major matrix `b`,
 * written to `out[outAt .. outAt + to - from)`. Four rows go through the loop together, so each value of `a`
 * is loaded once per four distances and four independent sums keep the FPU busy — about
 * twice the speed of one {@link distanceSquared} call per row.
 *
 * @example
 * distancesSquaredToRows(x, i * d, centres, 0, k, d, scratch, 0); // scratch[j] = |x_i - c_j|^2
 */
export function distancesSquaredToRows(
  a: Float64Array,
  ao: number,
  b: Float64Array,
  from: number,
  to: number,
  d: number,
  out: Float64Array,
  outAt: number,
): void {
  const shift = outAt - from;
  let j = from;
  for (; j + 3 < to; j += 4) {
    const b0 = j * d;
    const b1 = b0 + d;
    const b2 = b1 + d;
    const b3 = b2 + d;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = 0; t < d; t++) {
      const v = a[ao + t];
      const z0 = v - b[b0 + t];
      const z1 = v - b[b1 + t];
      const z2 = v - b[b2 + t];
      const z3 = v - b[b3 + t];
      s0 += z0 * z0;
      s1 += z1 * z1;
      s2 += z2 * z2;
      s3 += z3 * z3;
    }
    out[shift + j] = s0;
    out[shift + j + 1] = s1;
    out[shift + j + 2] = s2;
    out[shift + j + 3] = s3;
  }
  for (; j < to; j++) out[shift + j] = distanceSquared(a, ao, b, j * d, d);
}
