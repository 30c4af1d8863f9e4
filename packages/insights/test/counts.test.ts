import { Corpus, Rng } from '@atm/core';
import { describe, expect, it } from 'vitest';
import { basketItems, CoOccurrence, CustomerHistory } from '../src/index.js';

function randomCorpus(seed: number): Corpus {
  const rng = new Rng(seed);
  return Corpus.fromDocuments(
    Array.from({ length: 200 }, (_, d) => ({
      id: `d${d}`,
      authors: rng.uniform() < 0.1 ? ['u0', `u${1 + rng.below(9)}`] : [`u${rng.below(10)}`],
      terms: Array.from({ length: 1 + rng.below(8) }, () => `t${rng.below(30)}`),
    })),
    { terms: Array.from({ length: 30 }, (_, w) => `t${w}`) },
  );
}

describe('basket counts', () => {
  it('basketItems lists distinct items per basket, optionally mapped to coarser items', () => {
    const corpus = Corpus.fromDocuments([
      { id: 'a', authors: ['u'], terms: ['x', 'y', 'x', 'z'] },
      { id: 'b', authors: ['u'], terms: ['z', 'z'] },
    ]);
    const plain = basketItems(corpus);
    expect(Array.from(plain.offsets)).toEqual([0, 3, 4]);
    expect(Array.from(plain.items)).toEqual([0, 1, 2, 2]);
    const mapped = basketItems(corpus, [0, -1, 0], 1); // x, z → item 0; y dropped
    expect(Array.from(mapped.offsets)).toEqual([0, 1, 2]);
    expect(Array.from(mapped.items)).toEqual([0, 0]);
  });

  it('CoOccurrence counts every pair of distinct items as a brute-force count does', () => {
    const corpus = randomCorpus(1);
    const cooc = CoOccurrence.fromBaskets(basketItems(corpus));
    const sets = Array.from({ length: corpus.numDocs }, (_, d) => new Set(corpus.docTokens(d)));
    for (let i = 0; i < 30; i++) {
      expect(cooc.basketCounts[i]).toBe(sets.filter((s) => s.has(i)).length);
      for (let j = 0; j < 30; j++) {
        const both = sets.filter((s) => s.has(i) && s.has(j)).length;
        expect(cooc.count(i, j)).toBe(both);
        if (i !== j && both > 0) expect(cooc.lift(i, j)).toBeCloseTo((both * corpus.numDocs) / (cooc.basketCounts[i] * cooc.basketCounts[j]), 12);
      }
      for (let p = cooc.offsets[i] + 1; p < cooc.offsets[i + 1]; p++) expect(cooc.partners[p]).toBeGreaterThan(cooc.partners[p - 1]);
    }
  });

  it("CustomerHistory holds each customer's term counts, baskets with two customers counting for both", () => {
    const corpus = randomCorpus(2);
    const history = CustomerHistory.fromCorpus(corpus);
    for (let a = 0; a < corpus.numAuthors; a++) {
      const expected = new Float64Array(30);
      for (let d = 0; d < corpus.numDocs; d++) if (corpus.docAuthorIds(d).includes(a)) for (const w of corpus.docTokens(d)) expected[w]++;
      const got = new Float64Array(30);
      for (let j = history.offsets[a]; j < history.offsets[a + 1]; j++) got[history.terms[j]] = history.counts[j];
      expect(got).toEqual(expected);
      expect(history.totals[a]).toBe(expected.reduce((s, c) => s + c, 0));
    }
  });
});
