import { Corpus } from '@atm/core';
import { describe, expect, it } from 'vitest';
import { layoutAffinity } from '../src/index.js';
import { sampleMissionCorpus, trainModel } from './fixtures.js';

describe('layoutAffinity', () => {
  it('is symmetric and puts the halves of each planted topic block together', async () => {
    const K = 6;
    const V = 240;
    const B = V / K;
    const planted = sampleMissionCorpus({ numAuthors: 120, numTerms: V, numTopics: K, docsPerAuthor: 10, docLength: 10, seed: 21 });
    const corpus = Corpus.fromDocuments(planted.byAuthor.flat(), { terms: planted.terms });
    const model = await trainModel(corpus, K, 80);
    // Category of term t_w: its block and which half of it ("c3a", "c3b"); every 40th term has none.
    const categories = planted.terms.map((_, w) => (w % 40 === 39 ? null : `c${Math.floor(w / B)}${w % B < B / 2 ? 'a' : 'b'}`));
    const result = layoutAffinity(model, corpus, { categories, top: K });
    const C = result.labels.length;
    expect(result.labels).toEqual(Array.from({ length: K }, (_, b) => [`c${b}a`, `c${b}b`]).flat());
    for (const m of [result.affinity, result.topicSimilarity, result.lift, result.copurchase]) {
      expect(m.length).toBe(C * C);
      for (let i = 0; i < C; i++) for (let j = 0; j < C; j++) expect(m[i * C + j]).toBe(m[j * C + i]);
    }
    for (let i = 0; i < C; i++) {
      expect(result.affinity[i * C + i]).toBe(1);
      let best = -1;
      for (let j = 0; j < C; j++) if (j !== i && (best < 0 || result.affinity[i * C + j] > result.affinity[i * C + best])) best = j;
      expect(best).toBe(i ^ 1); // the sibling half
    }
    expect(result.pairs.map((p) => [p.a, p.b].join('-')).sort()).toEqual(Array.from({ length: K }, (_, b) => `c${b}a-c${b}b`));
    for (let i = 1; i < result.pairs.length; i++) expect(result.pairs[i].affinity).toBeLessThanOrEqual(result.pairs[i - 1].affinity);

    // Lift of c0a–c0b straight from the baskets.
    const catOf = (w: number): string | null => categories[w];
    let both = 0;
    let a = 0;
    let b = 0;
    for (let d = 0; d < corpus.numDocs; d++) {
      const cats = new Set(Array.from(corpus.docTokens(d), catOf));
      if (cats.has('c0a')) a++;
      if (cats.has('c0b')) b++;
      if (cats.has('c0a') && cats.has('c0b')) both++;
    }
    expect(result.lift[1]).toBeCloseTo((both * corpus.numDocs) / (a * b), 12);
    const pab = both / corpus.numDocs;
    expect(result.copurchase[1]).toBeCloseTo(Math.max(0, Math.log(result.lift[1]) / -Math.log(pab)), 12);
    expect(result.affinity[1]).toBeCloseTo(0.5 * result.topicSimilarity[1] + 0.5 * result.copurchase[1], 15);

    // Topic co-membership alone still pairs the siblings.
    const topicOnly = layoutAffinity(model, corpus, { categories, topicWeight: 1, top: K });
    expect(topicOnly.pairs.map((p) => [p.a, p.b].join('-')).sort()).toEqual(Array.from({ length: K }, (_, b) => `c${b}a-c${b}b`));
    expect(() => layoutAffinity(model, corpus, { categories: categories.slice(1) })).toThrow(/options.categories/);
    expect(() => layoutAffinity(model, corpus, { categories, topicWeight: 2 })).toThrow('Expected a number in [0, 1] for options.topicWeight but received 2');
  });
});
