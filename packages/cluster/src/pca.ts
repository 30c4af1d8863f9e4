import { checkOptions, expectInteger, invalid } from './errors.js';
import { toPoints, type Points, type PointsInput } from './points.js';
import { symmetricEigen } from './symmetric-eigen.js';

export interface PcaOptions {
  /** Number of principal components kept, 1..d. Default 2. */
  components?: number;
}

export interface PcaResult {
  /** Projected coordinates, `n x components`. */
  scores: Points;
  /** Principal axes as unit rows, `components x d`, by decreasing variance. */
  components: Points;
  /** Column means subtracted before projecting. */
  mean: Float64Array;
  /** Variance along each kept axis (covariance eigenvalue, denominator n - 1). */
  explainedVariance: Float64Array;
  /** `explainedVariance` over the total variance (trace of the covariance). */
  explainedVarianceRatio: Float64Array;
}

/**
 * Principal component analysis: centres the columns, forms the `d x d` covariance matrix
 * (O(n d^2), one pass over the data, no `n x d` copy), diagonalises it with the Jacobi
 * method ({@link symmetricEigen}; suited to d up to a few hundred) and projects the centred
 * data on the leading axes. Each axis is signed so that its largest-magnitude loading is
 * positive, making results reproducible.
 *
 * @example
 * const { scores, explainedVarianceRatio } = pca(hellinger(theta), { components: 2 });
 */
export function pca(data: PointsInput, options?: PcaOptions): PcaResult {
  const opts = checkOptions(options, ['components'], 'pca options');
  const { data: x, n, d } = toPoints(data, 'data');
  if (n < 2) throw new RangeError(invalid('at least 2 points', 'data', `${n} point`));
  const c = opts.components === undefined ? Math.min(2, d) : expectInteger(opts.components, 'options.components', 1, d);

  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) mean[t] += x[i * d + t];
  for (let t = 0; t < d; t++) mean[t] /= n;

  const cov = new Float64Array(d * d);
  accumulateCentredGram(x, n, d, mean, cov);
  let trace = 0;
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const v = cov[a * d + b] / (n - 1);
      cov[a * d + b] = v;
      cov[b * d + a] = v;
    }
    trace += cov[a * d + a];
  }

  const { values, vectors } = symmetricEigen(cov, d);
  const row = new Float64Array(d);
  const axes = vectors.slice(0, c * d);
  for (let j = 0; j < c; j++) {
    let peak = 0;
    for (let t = 0; t < d; t++) if (Math.abs(axes[j * d + t]) > Math.abs(axes[j * d + peak])) peak = t;
    if (axes[j * d + peak] < 0) for (let t = 0; t < d; t++) axes[j * d + t] = -axes[j * d + t];
  }
  const explainedVariance = new Float64Array(c);
  const explainedVarianceRatio = new Float64Array(c);
  for (let j = 0; j < c; j++) {
    explainedVariance[j] = Math.max(0, values[j]);
    explainedVarianceRatio[j] = trace > 0 ? explainedVariance[j] / trace : 0;
  }

  const scores = new Float64Array(n * c);
  for (let i = 0; i < n; i++) {
    const base = i * d;
    for (let t = 0; t < d; t++) row[t] = x[base + t] - mean[t];
    for (let j = 0; j < c; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += row[t] * axes[j * d + t];
      scores[i * c + j] = s;
    }
  }
  return {
    scores: { data: scores, n, d: c },
    components: { data: axes, n: c, d },
    mean,
    explainedVariance,
    explainedVarianceRatio,
  };
}

/**
 * Adds sum_i (x_i - mean)(x_i - mean)^T into the upper triangle of `cov`. Rows are centred
 * four at a time into a small buffer, so each entry of `cov` is loaded and stored once per
 * four products (about twice the speed of one row at a time).
 */
function accumulateCentredGram(x: Float64Array, n: number, d: number, mean: Float64Array, cov: Float64Array): void {
  const r = new Float64Array(4 * d);
  const d2 = 2 * d;
  const d3 = 3 * d;
  for (let i = 0; i < n; i += 4) {
    const base = i * d;
    const filled = Math.min(4, n - i) * d; // past the last row the buffer stays 0 and adds nothing
    r.fill(0);
    for (let t = 0; t < filled; t++) r[t] = x[base + t] - mean[t % d];
    for (let a = 0; a < d; a++) {
      const a0 = r[a];
      const a1 = r[d + a];
      const a2 = r[d2 + a];
      const a3 = r[d3 + a];
      const ca = a * d;
      for (let b = a; b < d; b++) cov[ca + b] += a0 * r[b] + a1 * r[d + b] + a2 * r[d2 + b] + a3 * r[d3 + b];
    }
  }
}
