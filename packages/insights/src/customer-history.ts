import type { Corpus } from '@atm/core';
import { invert, sumRows } from './sparse-rows.js';

/**
 * Each customer's purchase counts per term over a corpus (a sparse A x V matrix, CSR), computed once
 * so that history-based scores cost O(items the customer bought) per query. A basket with several
 * customers counts for each of them.
 *
 * @example
 * const history = CustomerHistory.fromCorpus(train);
 * const a = train.authorIndex('CUST0000123456')!;
 * history.totals[a]; // n_u, tokens the customer bought
 */
export class CustomerHistory {
  private constructor(
    readonly numAuthors: number,
    readonly numTerms: number,
    /** Row offsets, length A + 1. */
    readonly offsets: Uint32Array,
    /** Terms bought by each customer, ascending. */
    readonly terms: Uint32Array,
    /** c_uw for each (customer, term) entry. */
    readonly counts: Float64Array,
    /** n_u = Σ_w c_uw. */
    readonly totals: Float64Array,
  ) {}

  static fromCorpus(corpus: Corpus): CustomerHistory {
    const A = corpus.numAuthors;
    const rows = sumRows(invert(corpus.docAuthorOffsets, corpus.docAuthors, A), corpus.docOffsets, corpus.tokens, corpus.numTerms, false);
    const totals = new Float64Array(A);
    for (let a = 0; a < A; a++) for (let j = rows.offsets[a]; j < rows.offsets[a + 1]; j++) totals[a] += rows.values[j];
    return new CustomerHistory(A, corpus.numTerms, rows.offsets, rows.cols, rows.values, totals);
  }
}
