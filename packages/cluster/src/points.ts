import { invalid } from './errors.js';

/** `n` points in `d` dimensions, row-major: point `i` is `data[i*d .. i*d + d)`. */
export interface Points {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
}

/**
 * What every function accepts as data: a {@link Points} matrix (used in place, never copied,
 * unless its `data` is a `Float32Array`) or an array of equally long rows (copied once).
 */
export type PointsInput =
  | Points
  | { readonly data: Float32Array; readonly n: number; readonly d: number }
  | readonly ArrayLike<number>[];

/**
 * Wraps a row-major matrix as {@link Points}, checking that `data.length === n * d`.
 *
 * @example
 * const p = points(new Float64Array([0, 0, 1, 1, 5, 5]), 3, 2); // three 2-d points
 * p.data.subarray(2, 4); // Float64Array [1, 1]
 */
export function points(data: Float64Array, n: number, d: number): Points {
  return toPoints({ data, n, d }, 'points');
}

/**
 * The one normalizer behind every entry point: accepts {@link PointsInput}, checks shape and
 * that every value is finite, and returns {@link Points}. A `Float64Array` matrix is used in
 * place; a `Float32Array` matrix or an array of rows is copied into a new `Float64Array`
 * (in shared memory, see {@link sharedFloat64}).
 *
 * @example
 * toPoints([[0, 1], [2, 3]], 'data'); // { data: Float64Array [0, 1, 2, 3], n: 2, d: 2 }
 */
export function toPoints(input: PointsInput, name: string): Points {
  if (Array.isArray(input)) return fromRows(input as readonly ArrayLike<number>[], name);
  if (input === null || typeof input !== 'object') {
    throw new TypeError(invalid('{ data: Float64Array, n, d } or an array of rows', name, input));
  }
  const { data, n, d } = input as { data: unknown; n: unknown; d: unknown };
  if (!(data instanceof Float64Array) && !(data instanceof Float32Array)) {
    throw new TypeError(invalid('a Float64Array', `${name}.data`, data));
  }
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new RangeError(invalid('a positive integer', `${name}.n`, n));
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 1) throw new RangeError(invalid('a positive integer', `${name}.d`, d));
  if (data.length !== n * d) throw new RangeError(invalid(`a Float64Array of length n * d = ${n * d}`, `${name}.data`, data));
  const values = data instanceof Float64Array ? data : sharedFloat64(data.length);
  if (values !== data) values.set(data);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(invalid('a finite number', `${name} row ${Math.floor(i / d)} column ${i % d}`, values[i]));
    }
  }
  return { data: values, n, d };
}

function fromRows(rows: readonly ArrayLike<number>[], name: string): Points {
  const n = rows.length;
  if (n === 0) throw new RangeError(invalid('at least one row', name, rows));
  const first = rows[0];
  if (first === null || typeof first !== 'object' || typeof first.length !== 'number') {
    throw new TypeError(invalid('an array of numbers', `${name}[0]`, first));
  }
  const d = first.length;
  if (d === 0) throw new RangeError(invalid('a non-empty row', `${name}[0]`, first));
  const data = sharedFloat64(n * d);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
      throw new TypeError(invalid('an array of numbers', `${name}[${i}]`, row));
    }
    if (row.length !== d) throw new RangeError(invalid(`a row of length ${d}`, `${name}[${i}]`, row));
    for (let j = 0; j < d; j++) {
      const x = row[j];
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new (typeof x === 'number' ? RangeError : TypeError)(invalid('a finite number', `${name}[${i}][${j}]`, x));
      }
      data[i * d + j] = x;
    }
  }
  return { data, n, d };
}

/**
 * A zeroed `Float64Array` on a `SharedArrayBuffer`: matrices this package creates live in
 * shared memory, so worker threads read them without a copy.
 *
 * @example
 * const data = sharedFloat64(n * d);
 */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * length));
}
