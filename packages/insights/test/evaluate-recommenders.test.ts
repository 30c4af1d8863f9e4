import { Corpus, samplePlantedCorpus, type DocumentInput } from '@atm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateRecommenders, type RecommenderEvaluation, type RecommenderRow } from '../src/index.js';
import { sampleMissionCorpus, splitByTime, trainModel } from './fixtures.js';

const row = (rows: RecommenderRow[], method: string): RecommenderRow => rows.find((r) => r.method === method)!;
const ndcg = (ranks: number[], k: number): number => ranks.reduce((s, r) => s + (r < k ? 1 / Math.log2(r + 2) : 0), 0) / ranks.length;
const recall = (ranks: number[], k: number): number => ranks.filter((r) => r < k).length / ranks.length;

describe('evaluateRecommenders on a hand-made example', () => {
  // Terms a b c d e (ids 0..4). Training token counts a 4, b 2, c 2, d 2, e 1; u1 bought a3 b2 c1 d1, u2 a1 c1 d1 e1.
  const trainDocs: DocumentInput[] = [
    { id: 'd1', authors: ['u1'], terms: ['a', 'b', 'c'] },
    { id: 'd2', authors: ['u1'], terms: ['a', 'b'] },
    { id: 'd3', authors: ['u2'], terms: ['c', 'd'] },
    { id: 'd4', authors: ['u2'], terms: ['a', 'e'] },
    { id: 'd5', authors: ['u1'], terms: ['a', 'd'] },
  ];
  // Five queries: t1 hides b then d; t2 hides a, c, e. t3 belongs to a customer without history and gives none.
  const testDocs: DocumentInput[] = [
    { id: 't1', authors: ['u1'], terms: ['b', 'd'] },
    { id: 't2', authors: ['u2'], terms: ['a', 'c', 'e', 'c'] },
    { id: 't3', authors: ['u3'], terms: ['a', 'b'] },
  ];
  let result: RecommenderEvaluation;

  beforeAll(async () => {
    const train = Corpus.fromDocuments(trainDocs, { authorIds: ['u1', 'u2', 'u3'] });
    const test = Corpus.fromDocuments(testDocs, { terms: train.terms, authorIds: train.authorIds });
    // u3 is in the vocabulary but has no training basket: its basket must not give queries.
    expect(train.terms).toEqual(['a', 'b', 'c', 'd', 'e']);
    const model = await trainModel(train, 2, 20);
    result = evaluateRecommenders({ model, train, validation: test, test, k: 2, mus: [1], weightSteps: 1 });
  });

  it('counts the queries of known customers only', () => {
    expect(result.queries).toEqual({ validation: 5, test: 5, eligibleValidation: 5, eligibleTest: 5 });
    for (const r of result.rows) expect(r.queries).toBe(5);
  });

  it('popularity: ranks 1, 2, 0, 1, 2', () => {
    // Hide b (partial d): a b c e → 1. Hide d (partial b): a c d e → 2. Hide a: a b d → 0.
    // Hide c (partial a e): b c d tie at 2 tokens, lower id first → 1. Hide e (partial a c): b d e → 2.
    const ranks = [1, 2, 0, 1, 2];
    const r = row(result.rows, 'popularity');
    expect(r.recall).toBe(recall(ranks, 2));
    expect(r.recall).toBe(0.6);
    expect(r.ndcg).toBeCloseTo(ndcg(ranks, 2), 15);
    expect(r.recallAt10).toBe(1);
    expect(r.ndcgAt10).toBeCloseTo((2 / Math.log2(3) + 2) / 5, 15);
  });

  it('co-occurrence: ranks 2, 2, 0, 1, 2', () => {
    // Training baskets hold a 4, b 2, c 2, d 2, e 1 times; pairs ab 2, ac bc cd ae ad 1.
    // Hide b (partial d): a ½, c ½ (+ back-off a > c), b 0, e 0 → b third. Hide d (partial b): a 1, c ½, d → 2.
    // Hide a (partial c e): a ½ + 1 first. Hide c (partial a e): b 2/4, c ¼, d ¼ (tie → lower id) → 1.
    // Hide e (partial a c): b 2/4 + ½, d ¼ + ½, e ¼ → 2.
    const ranks = [2, 2, 0, 1, 2];
    const r = row(result.rows, 'cooccurrence');
    expect(r.recall).toBe(0.4);
    expect(r.ndcg).toBeCloseTo(ndcg(ranks, 2), 15);
    expect(r.ndcgAt10).toBeCloseTo(ndcg(ranks, 10), 15);
  });

  it('history (μ = 1): ranks 1, 2, 0, 0, 1', () => {
    // Score ∝ c_uw + p(w). u1: a 3+4/11, b 2+2/11, c 1+2/11, d 1+2/11. u2: a, c, d 1 + p, e 1+1/11, b 2/11.
    const ranks = [1, 2, 0, 0, 1];
    const r = row(result.rows, 'history');
    expect(result.tuned.mu).toBe(1);
    expect(r.recall).toBe(0.8);
    expect(r.ndcg).toBeCloseTo(ndcg(ranks, 2), 15);
    expect(r.ndcgAt10).toBeCloseTo(ndcg(ranks, 10), 15);
  });

  it('the hybrid at a corner of the grid equals that component alone', () => {
    const { weights } = result.tuned;
    const corner = weights.history === 1 ? 'history' : weights.model === 1 ? 'model' : 'cooccurrence';
    const { method: _h, ...hybrid } = row(result.rows, 'hybrid');
    const { method: _c, ...alone } = row(result.rows, corner);
    expect(hybrid).toEqual(alone);
    // The tuned corner has the best validation NDCG@10 of the three.
    const best = Math.max(...['history', 'model', 'cooccurrence'].map((m) => row(result.validationRows, m).ndcgAt10));
    expect(row(result.validationRows, corner).ndcgAt10).toBe(best);
  });
});

describe('evaluateRecommenders on planted data', () => {
  it('the topic model beats popularity (Recall@10 and NDCG@10)', async () => {
    const planted = samplePlantedCorpus({ numAuthors: 200, numTerms: 300, numTopics: 6, docsPerAuthor: 16, docLength: 10, seed: 5 });
    const byAuthor = new Map<string, DocumentInput[]>();
    for (const d of planted.documents) byAuthor.set(d.authors[0], [...(byAuthor.get(d.authors[0]) ?? []), d]);
    const splits = splitByTime([...byAuthor.values()].filter((docs) => docs.length >= 5), 2, 2);
    const model = await trainModel(splits.train, 6, 100);
    const result = evaluateRecommenders({ model, ...splits, maxQueries: 3000 });
    const model_ = row(result.rows, 'model');
    const popularity = row(result.rows, 'popularity');
    expect(model_.queries).toBe(3000);
    expect(model_.recallAt10).toBeGreaterThan(popularity.recallAt10 + 0.1);
    expect(model_.ndcgAt10).toBeGreaterThan(popularity.ndcgAt10 + 0.05);
  });

  describe('where customers re-buy favourites and baskets follow missions', () => {
    let result: RecommenderEvaluation;
    let again: RecommenderEvaluation;
    let fullCounts: RecommenderEvaluation;
    beforeAll(async () => {
      const planted = sampleMissionCorpus({ numAuthors: 300, numTerms: 300, numTopics: 6, docsPerAuthor: 14, docLength: 10, favourites: 4, rebuy: 0.3, seed: 2 });
      const splits = splitByTime(planted.byAuthor, 2, 2);
      const model = await trainModel(splits.train, 6, 100);
      result = evaluateRecommenders({ model, ...splits, seed: 3 });
      // The validation split as the test: all its queries are used, so the same ones, ranked in full.
      again = evaluateRecommenders({ model, ...splits, test: splits.validation, seed: 3 });
      // The model component folded in with the customers' full counts only (no strength tuned).
      fullCounts = evaluateRecommenders({ model, ...splits, seed: 3, priorStrengths: [] });
    }, 60_000);

    it('the tuned hybrid beats popularity, co-occurrence and history on test', () => {
      const hybrid = row(result.rows, 'hybrid');
      for (const baseline of ['popularity', 'cooccurrence', 'history']) {
        expect(hybrid.recallAt10).toBeGreaterThan(row(result.rows, baseline).recallAt10 + 0.05);
        expect(hybrid.ndcgAt10).toBeGreaterThan(row(result.rows, baseline).ndcgAt10 + 0.02);
      }
      const { history, model, cooccurrence } = result.tuned.weights;
      expect(history + model + cooccurrence).toBeCloseTo(1, 12);
      expect(history).toBeGreaterThan(0);
      expect(result.weightGrid).toHaveLength(66);
      expect(result.muCurve).toHaveLength(15);
    });

    it("a tuned prior strength lets the basket's mission show: the model component gains on test", () => {
      // Each basket has one mission, usually not the customer's average: a weak customer prior wins.
      expect(result.priorCurve.map((p) => p.priorStrength)).toEqual([undefined, 1, 3, 10, 30, 100]);
      expect(result.tuned.priorStrength).toBeLessThanOrEqual(10);
      const tuned = row(result.rows, 'model');
      const full = row(fullCounts.rows, 'model');
      expect(tuned.recallAt10).toBeGreaterThan(full.recallAt10 + 0.1);
      expect(tuned.ndcgAt10).toBeGreaterThan(full.ndcgAt10 + 0.05);
      // The strength is the model's best on validation; the full-count candidate is the untuned model.
      const chosen = result.priorCurve.find((p) => p.priorStrength === result.tuned.priorStrength)!;
      expect(row(result.validationRows, 'model').ndcgAt10).toBe(chosen.ndcgAt10);
      expect(chosen.ndcgAt10).toBe(Math.max(...result.priorCurve.map((p) => p.ndcgAt10)));
      expect(result.priorCurve[0].ndcgAt10).toBe(row(fullCounts.validationRows, 'model').ndcgAt10);
      expect(fullCounts.tuned.priorStrength).toBeUndefined();
      expect(fullCounts.priorCurve).toHaveLength(1);
      // The hybrid is tuned with the chosen strength: its weight grid is that strength's.
      expect(Math.max(...result.weightGrid.map((g) => g.ndcgAt10))).toBe(chosen.hybrid.ndcgAt10);
      // The other methods are untouched (same queries, same scores).
      for (const method of ['popularity', 'cooccurrence', 'history']) expect(row(result.rows, method)).toEqual(row(fullCounts.rows, method));
    });

    it('the grid ranks equal a full ranking of the mixed scores', () => {
      expect(again.queries.test).toBe(again.queries.eligibleTest);
      expect(again.tuned).toEqual(result.tuned);
      expect(again.rows).toEqual(result.validationRows);
    });
  });
});

describe('evaluateRecommenders arguments', () => {
  it('rejects misspelled options and corpora over other vocabularies', async () => {
    const train = Corpus.fromDocuments([
      { id: 'd1', authors: ['u1'], terms: ['a', 'b'] },
      { id: 'd2', authors: ['u2'], terms: ['b', 'c'] },
    ]);
    const model = await trainModel(train, 2, 5);
    const other = Corpus.fromDocuments([{ id: 'x', authors: ['u1'], terms: ['z', 'a'] }]);
    expect(() => evaluateRecommenders({ model, train, validation: train, test: train, maxQuery: 5 } as never)).toThrow(/Unknown option "maxQuery"/);
    expect(() => evaluateRecommenders({ model, train, validation: other, test: train })).toThrow(RangeError);
    expect(() => evaluateRecommenders({ model, train, validation: train, test: train, k: 0 })).toThrow(
      'Expected an integer >= 1 for options.k but received 0',
    );
    expect(() => evaluateRecommenders({ model, train, validation: train, test: train, mus: [0] })).toThrow(/options.mus\[0\]/);
    expect(() => evaluateRecommenders({ model, train, validation: train, test: train, priorStrengths: [3, 0] })).toThrow(
      'Expected a positive finite number (or undefined for the full counts) for options.priorStrengths[1] but received 0',
    );
    expect(() => evaluateRecommenders({ model, train, validation: train, test: train, priorStrengths: 3 as never })).toThrow(TypeError);
  });
});
