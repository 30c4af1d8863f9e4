import { checkOptions, expectBoolean, invalid } from './errors.js';
import { sharedFloat64, toPoints, type Points, type PointsInput } from './points.js';

export interface HellingerOptions {
  /**
   * Divide each row by its sum first (for counts or unnormalized weights). Default `false`:
   * rows must already sum to 1 within {@link SUM_TOLERANCE}.
   */
  normalize?: boolean;
}

/** How far from 1 a row sum may be when `normalize` is off (loose enough for Float32 rows). */
export const SUM_TOLERANCE = 1e-4;

/**
 * Maps probability vectors to square-root space, `p -> sqrt(p)`, so that plain Euclidean
 * geometry there is Hellinger geometry on the simplex:
 *
 *     ||sqrt(p) - sqrt(q)||_2 = sqrt(2) * H(p, q),   H(p, q) = sqrt(1 - sum_t sqrt(p_t q_t))
 *
 * (H in [0, 1]). Every mapped row has unit Euclidean norm, so k-means, DBSCAN, silhouette
 * and PCA on the result cluster customers by Hellinger distance, which (unlike Euclidean
 * distance on raw probabilities) does not let one large topic drown small ones. Returns a
 * new matrix in shared memory (worker threads use it without a copy); the input is not
 * modified.
 *
 * @example
 * const h = hellinger([[1, 0], [0.5, 0.5]]);
 * // h.data = [1, 0, 0.7071…, 0.7071…]; distance between rows = sqrt(2) * H(p, q)
 */
export function hellinger(data: PointsInput, options?: HellingerOptions): Points {
  const opts = checkOptions(options, ['normalize'], 'hellinger options');
  const normalize = opts.normalize === undefined ? false : expectBoolean(opts.normalize, 'options.normalize');
  const { data: x, n, d } = toPoints(data, 'data');
  const out = sharedFloat64(n * d);
  for (let i = 0; i < n; i++) {
    const base = i * d;
    let sum = 0;
    for (let t = 0; t < d; t++) {
      const v = x[base + t];
      if (v < 0) throw new RangeError(invalid('a non-negative probability', `data row ${i} column ${t}`, v));
      sum += v;
    }
    if (normalize) {
      if (sum === 0) throw new RangeError(invalid('a row with a positive sum (normalize: true)', `data row ${i}`, sum));
    } else if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      throw new RangeError(invalid('a row summing to 1 (or pass normalize: true)', `data row ${i}`, sum));
    }
    const scale = normalize ? 1 / sum : 1;
    for (let t = 0; t < d; t++) out[base + t] = Math.sqrt(x[base + t] * scale);
  }
  return { data: out, n, d };
}
