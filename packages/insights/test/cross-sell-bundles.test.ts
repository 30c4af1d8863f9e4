import { Corpus, Rng, type DocumentInput } from '@atm/core';
import { describe, expect, it } from 'vitest';
import { crossSellBundles, topK, type Bundle } from '../src/index.js';
import { sampleMissionCorpus, trainModel } from './fixtures.js';

const find = (rows: Bundle[], items: string[]): Bundle | undefined => rows.find((r) => [...r.items].sort().join() === [...items].sort().join());

describe('crossSellBundles on a hand-made corpus', () => {
  // x 5 baskets, y 5, z 4, w 4, v 4, u 2 (ids 0..5 in that order).
  const baskets = [['x', 'y', 'z'], ['x', 'y', 'z'], ['x', 'y'], ['x', 'w'], ['y', 'v'], ['z', 'u'], ['w', 'v'], ['u', 'v'], ['x', 'y', 'z', 'w'], ['v', 'w']];
  const docs: DocumentInput[] = baskets.map((terms, i) => ({ id: `b${i}`, authors: [`c${i % 3}`], terms }));

  it('counts support, confidence and lift exactly', async () => {
    const corpus = Corpus.fromDocuments(docs);
    const model = await trainModel(corpus, 2, 20);
    const rows = crossSellBundles(model, corpus, { topTerms: 6, minSupport: 0.15 });
    const simple = rows.map(({ items, support, count, confidence, lift }) => ({ items, support, count, confidence, lift }));
    expect(simple).toEqual([
      { items: ['x', 'z', 'y'], support: 0.3, count: 3, confidence: 1, lift: 3 },
      { items: ['x', 'y'], support: 0.4, count: 4, confidence: 0.8, lift: 1.6 },
      { items: ['z', 'x'], support: 0.3, count: 3, confidence: 0.75, lift: 1.5 },
      { items: ['z', 'y'], support: 0.3, count: 3, confidence: 0.75, lift: 1.5 },
      { items: ['w', 'v'], support: 0.2, count: 2, confidence: 0.5, lift: 1.25 },
    ]);
    // x–w has lift exactly 1 (kept out), z–u and u–v have support 0.1 (below the minimum).
    expect(find(rows, ['x', 'w'])).toBeUndefined();
    expect(find(rows, ['z', 'u'])).toBeUndefined();
    const all = crossSellBundles(model, corpus, { topTerms: 6, minSupport: 0.1, triples: false });
    expect(find(all, ['z', 'u'])).toMatchObject({ count: 1, lift: 1.25, confidence: 0.5, items: ['u', 'z'] });
    expect(all.every((r) => r.items.length === 2)).toBe(true);
    // Each bundle's topic maximizes the product of its items' φ, and topicScore is that product.
    const phi = model.topicTermMatrix();
    const V = corpus.numTerms;
    for (const r of rows) {
      const products = [0, 1].map((k) => r.items.reduce((p, t) => p * phi[k * V + corpus.termIndex(t)!], 1));
      expect(r.topicScore).toBe(products[r.topic]);
      expect(r.topicScore).toBe(Math.max(...products));
    }
    expect(crossSellBundles(model, corpus, { topTerms: 6, minSupport: 0.15, sortBy: 'support', limit: 2 }).map((r) => r.items)).toEqual([
      ['x', 'y'],
      ['x', 'z', 'y'],
    ]);
    // Triples need all three pairs kept (Apriori): above lift 1.55 only x–y remains, and no triple.
    expect(crossSellBundles(model, corpus, { topTerms: 6, minSupport: 0.15, minLift: 1.55 }).map((r) => r.items)).toEqual([['x', 'y']]);
    expect(() => crossSellBundles(model, corpus, { sortBy: 'size' as never })).toThrow(/options.sortBy/);
    expect(() => crossSellBundles(model, corpus, { topTerms: 1 })).toThrow('Expected an integer in [2, 6] for options.topTerms but received 1');
  });
});

describe('crossSellBundles on planted missions', () => {
  it('finds the pairs planted in two missions and ties each to its mission topic', async () => {
    const K = 4;
    const planted = sampleMissionCorpus({ numAuthors: 120, numTerms: 160, numTopics: K, docsPerAuthor: 10, docLength: 8, seed: 12 });
    const rng = new Rng(3);
    const docs = planted.byAuthor.flat().map((d, i) => {
      const m = planted.missions[i];
      const terms = [...(d.terms as string[])];
      if (m < 2 && rng.uniform() < 0.5) terms.push(`p${m}a`, `p${m}b`);
      return { ...d, terms };
    });
    const corpus = Corpus.fromDocuments(docs, { terms: [...planted.terms, 'p0a', 'p0b', 'p1a', 'p1b'] });
    const model = await trainModel(corpus, K, 80);
    const rows = crossSellBundles(model, corpus, { topTerms: 12, minSupport: 0.01 });
    const V = corpus.numTerms;
    const B = 160 / K;
    const phi = model.topicTermMatrix();
    for (const m of [0, 1]) {
      const pair = find(rows, [`p${m}a`, `p${m}b`]);
      expect(pair).toBeDefined();
      let both = 0;
      let a = 0;
      for (let d = 0; d < corpus.numDocs; d++) {
        const terms = Array.from(corpus.docTokens(d), (w) => corpus.terms[w]);
        if (terms.includes(`p${m}a`)) a++;
        if (terms.includes(`p${m}a`) && terms.includes(`p${m}b`)) both++;
      }
      expect(pair!.count).toBe(both);
      expect(pair!.support).toBe(both / corpus.numDocs);
      expect(pair!.confidence).toBe(1); // planted only together
      expect(pair!.lift).toBeCloseTo(corpus.numDocs / a, 12);
      // The attributed topic is the learned topic of planted block m (terms t(mB) … t(mB + B - 1)).
      const top = Array.from(topK(phi.subarray(pair!.topic * V, pair!.topic * V + V), 20), (w) => corpus.terms[w]);
      const inBlock = top.filter((t) => t.startsWith('t') && Math.floor(Number(t.slice(1)) / B) === m).length;
      expect(inBlock).toBeGreaterThan(12);
    }
    // The planted pairs are the strongest pairs (lift about 1 / P(pair), against about K within a mission).
    const pairs = rows.filter((r) => r.items.length === 2);
    const rank = (m: number): number => pairs.indexOf(find(pairs, [`p${m}a`, `p${m}b`])!);
    expect([rank(0), rank(1)].sort()).toEqual([0, 1]);
  });
});
