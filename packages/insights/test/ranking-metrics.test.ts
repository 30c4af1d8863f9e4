import { Rng } from '@atm/core';
import { describe, expect, it } from 'vitest';
import { ndcgAtK, RankingTally, rankOf, recallAtK, sampleIndices, simplexGrid, topK } from '../src/index.js';

function fullOrder(scores: Float64Array, excluded?: Uint8Array): number[] {
  return Array.from(scores.keys())
    .filter((i) => !excluded || excluded[i] === 0)
    .sort((a, b) => scores[b] - scores[a] || a - b);
}

describe('topK and rankOf', () => {
  it('topK equals the head of a full sort (with ties and exclusions)', () => {
    const rng = new Rng(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.below(60);
      const scores = Float64Array.from({ length: n }, () => rng.below(8) / 8); // many ties
      const excluded = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.2 ? 1 : 0));
      const k = 1 + rng.below(12);
      const order = fullOrder(scores, excluded);
      expect(Array.from(topK(scores, k, excluded))).toEqual(order.slice(0, k));
      expect(Array.from(topK(scores, k))).toEqual(fullOrder(scores).slice(0, k));
    }
  });

  it('rankOf is the position in that order, capped at the limit', () => {
    const rng = new Rng(4);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + rng.below(40);
      const scores = Float64Array.from({ length: n }, () => rng.below(5));
      const excluded = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.2 ? 1 : 0));
      const order = fullOrder(scores, excluded);
      for (const h of order) {
        expect(rankOf(scores, h, excluded)).toBe(order.indexOf(h));
        expect(rankOf(scores, h, excluded, 3)).toBe(Math.min(order.indexOf(h), 3));
      }
    }
    expect(rankOf(new Float64Array([0.3, 0.5, 0.3]), 2)).toBe(2);
    expect(rankOf(new Float64Array([0.3, 0.5, 0.3]), 0)).toBe(1);
  });

  it('Recall@k and NDCG@k of single ranks, and their means', () => {
    expect(recallAtK(9, 10)).toBe(1);
    expect(recallAtK(10, 10)).toBe(0);
    expect(ndcgAtK(0, 10)).toBe(1);
    expect(ndcgAtK(2, 10)).toBe(0.5);
    expect(ndcgAtK(1, 10)).toBeCloseTo(0.6309297535714575, 15);
    expect(ndcgAtK(10, 10)).toBe(0);
    const tally = new RankingTally(2);
    for (const r of [0, 1, 2, 12]) tally.add(r);
    expect(tally.count).toBe(4);
    expect(tally.recall).toBe(0.5);
    expect(tally.ndcg).toBeCloseTo((1 + 1 / Math.log2(3)) / 4, 15);
    expect(tally.recallAt10).toBe(0.75);
    expect(tally.ndcgAt10).toBeCloseTo((1 + 1 / Math.log2(3) + 0.5) / 4, 15);
  });
});

describe('sampleIndices and simplexGrid', () => {
  it('draws m distinct sorted indices, reproducibly, and all of them when m >= n', () => {
    const a = sampleIndices(1000, 100, new Rng(9));
    expect(a.length).toBe(100);
    expect(new Set(a).size).toBe(100);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(a).toEqual(sampleIndices(1000, 100, new Rng(9)));
    expect(a).not.toEqual(sampleIndices(1000, 100, new Rng(10)));
    expect(Array.from(sampleIndices(5, 9, new Rng(1)))).toEqual([0, 1, 2, 3, 4]);
    // Every index is equally likely: 2000 draws of 10 out of 20 hit each index about 1000 times.
    const hits = new Float64Array(20);
    const rng = new Rng(11);
    for (let t = 0; t < 2000; t++) for (const i of sampleIndices(20, 10, rng)) hits[i]++;
    for (const h of hits) expect(Math.abs(h - 1000)).toBeLessThan(120);
  });

  it('covers the simplex in steps of 1 / steps', () => {
    const grid = simplexGrid(10);
    expect(grid.length).toBe(66);
    for (const w of grid) expect(w.history + w.model + w.cooccurrence).toBeCloseTo(1, 12);
    expect(simplexGrid(1)).toEqual([
      { history: 0, model: 0, cooccurrence: 1 },
      { history: 0, model: 1, cooccurrence: 0 },
      { history: 1, model: 0, cooccurrence: 0 },
    ]);
  });
});
