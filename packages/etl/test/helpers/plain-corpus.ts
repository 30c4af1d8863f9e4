import type { Corpus } from '@atm/core';

/** A corpus as comparable plain data (typed arrays as base64: fast to compare, readable diffs). */
export function plainCorpus(c: Corpus) {
  return {
    docIds: c.docIds.join(),
    authorIds: c.authorIds.join(),
    terms: c.terms.join(),
    arrays: [c.docOffsets, c.tokens, c.docAuthorOffsets, c.docAuthors].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')),
  };
}
