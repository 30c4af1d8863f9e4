import { cosineMatrix } from '@atm/core';
import { expectInteger, invalid } from './errors.js';

type Matrix = Float64Array | Float32Array;

/**
 * Cosine similarities between the rows of `A` (`rowsA x dim`) and the rows of `B`
 * (`rowsB x dim`), both row-major, as a `rowsA x rowsB` matrix. A row of zeros has
 * similarity 0 with everything.
 *
 * @example
 * const sim = cosineSimilarityMatrix(phiLearned, phiTrue, K, K, V); // sim[i * K + j]
 */
export function cosineSimilarityMatrix(A: Matrix, B: Matrix, rowsA: number, rowsB: number, dim: number): Float64Array {
  expectInteger(rowsA, 'rowsA', 1);
  expectInteger(rowsB, 'rowsB', 1);
  expectInteger(dim, 'dim', 1);
  expectMatrix(A, 'A', rowsA * dim);
  expectMatrix(B, 'B', rowsB * dim);
  return cosineMatrix(A, B, rowsA, rowsB, dim);
}

function expectMatrix(v: unknown, name: string, length: number): void {
  if (!(v instanceof Float64Array) && !(v instanceof Float32Array)) {
    throw new TypeError(invalid('a Float64Array or Float32Array', name, v));
  }
  if (v.length !== length) throw new RangeError(invalid(`a matrix of length ${length}`, name, v));
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) throw new RangeError(invalid('a finite number', `${name}[${i}]`, v[i]));
}
