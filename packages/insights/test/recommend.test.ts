import { Corpus, Rng, samplePlantedCorpus, type AuthorTopicModel } from '@atm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HybridRecommender, INFER_STREAM, predictiveScores, rankOf, recommend, RecommenderScorer, topK, transposedPhi } from '../src/index.js';
import { trainModel } from './fixtures.js';

let model: AuthorTopicModel;
let corpus: Corpus;

beforeAll(async () => {
  const planted = samplePlantedCorpus({ numAuthors: 60, numTerms: 120, numTopics: 4, docsPerAuthor: 10, docLength: 8, seed: 4 });
  corpus = Corpus.fromDocuments(planted.documents);
  model = await trainModel(corpus, 4, 60);
});

/** p(w | θ) = Σ_k θ_k φ_kw straight from the model's φ (K x V). */
function predictive(theta: Float64Array): Float64Array {
  const phi = model.topicTermMatrix();
  const V = corpus.numTerms;
  const out = new Float64Array(V);
  for (let k = 0; k < model.numTopics; k++) for (let w = 0; w < V; w++) out[w] += theta[k] * phi[k * V + w];
  return out;
}

describe('recommend', () => {
  it("ranks the terms not in the basket by the customer's predictive given the basket", () => {
    const basket = ['t1', 't2', 't40', 'not-a-term'];
    const recs = recommend(model, { customer: 'a3', basket, topN: 7, exclude: ['t5'] });
    const p = predictive(model.inferDocument(basket, { authors: ['a3'] }));
    const expected = Array.from(p.keys())
      .filter((w) => !['t1', 't2', 't40', 't5'].includes(corpus.terms[w]))
      .sort((a, b) => p[b] - p[a] || a - b)
      .slice(0, 7);
    expect(recs.map((r) => r.term)).toEqual(expected.map((w) => corpus.terms[w]));
    recs.forEach((r, i) => expect(r.score).toBeCloseTo(p[expected[i]], 14));
  });

  it('falls back to a cold start (prior α) for an unknown or missing customer', () => {
    const basket = ['t3', 't4'];
    const cold = recommend(model, { customer: 'nobody', basket, topN: 5 });
    expect(recommend(model, { basket, topN: 5 })).toEqual(cold);
    const p = predictive(model.inferDocument(basket));
    const inBasket = basket.map((t) => corpus.termIndex(t));
    expect(cold[0].score).toBeCloseTo(Math.max(...Array.from(p).filter((_, w) => !inBasket.includes(w))), 14);
    expect(cold).not.toEqual(recommend(model, { customer: 'a0', basket, topN: 5 }));
  });

  it("with a priorStrength, ranks by the predictive of the fold-in with the customer's mixture worth that many pseudo-counts", () => {
    const basket = ['t1', 't2', 't40'];
    for (const priorStrength of [0.5, 5, 200]) {
      const recs = recommend(model, { customer: 'a3', basket, topN: 5, priorStrength });
      const p = predictive(model.inferDocument(basket, { authors: ['a3'], priorStrength }));
      const mask = new Uint8Array(corpus.numTerms);
      for (const t of basket) mask[corpus.termIndex(t)!] = 1;
      expect(recs.map((r) => r.term)).toEqual(Array.from(topK(p, 5, mask), (w) => corpus.terms[w]));
    }
    expect(recommend(model, { customer: 'a3', basket, topN: 5, priorStrength: 0.5 })).not.toEqual(recommend(model, { customer: 'a3', basket, topN: 5 }));
    // A cold start has no customer mixture to scale.
    expect(recommend(model, { customer: 'nobody', basket, topN: 5, priorStrength: 2 })).toEqual(recommend(model, { basket, topN: 5 }));
  });

  it('checks its arguments', () => {
    expect(() => recommend(model, { basket: ['t1'], topN: 0 })).toThrow('Expected an integer >= 1 for options.topN but received 0');
    expect(() => recommend(model, { customer: 'a3', basket: ['t1'], priorStrength: 0 })).toThrow(
      'Expected a positive finite number (or undefined for the full counts) for options.priorStrength but received 0',
    );
    expect(() => recommend(model, { basket: ['t1'], priorStrength: '2' as never })).toThrow(TypeError);
    expect(() => recommend(model, { basket: 't1' } as never)).toThrow(TypeError);
    expect(() => recommend(model, { basket: [], top: 3 } as never)).toThrow(/Unknown option "top"/);
    expect(() => recommend({} as never, { basket: [] })).toThrow(/AuthorTopicModel/);
  });
});

describe('RecommenderScorer', () => {
  it('model scores are the predictive of model.inferDocument (same fold-in draws), up to rounding', () => {
    const scorer = new RecommenderScorer(model, corpus, { iterations: 50, burnIn: 25, seed: model.seed });
    const out = new Float64Array(corpus.numTerms);
    for (const [authors, terms] of [[[3], [1, 2, 40]], [[7], [9]], [[11], [100, 101, 102, 5]], [[2, 9], [4, 5]], [[], [6, 7]], [[4], []]] as const) {
      scorer.modelScores(authors, terms, out);
      const theta = model.inferDocument(terms.map((w) => corpus.terms[w]), { authors: authors.map((a) => corpus.authorIds[a]) });
      const expected = predictiveScores(theta, transposedPhi(model), new Float64Array(corpus.numTerms));
      for (let w = 0; w < corpus.numTerms; w++) expect(Math.abs(out[w] - expected[w])).toBeLessThan(1e-13 * expected[w]);
      expect(Array.from(topK(out, 20))).toEqual(Array.from(topK(expected, 20)));
    }
  });

  it('model scores with a prior strength are the predictive of inferDocument with it, up to rounding', () => {
    const scorer = new RecommenderScorer(model, corpus, { iterations: 50, burnIn: 25, seed: model.seed });
    const out = new Float64Array(corpus.numTerms);
    for (const priorStrength of [0.3, 4, 1000])
      for (const [authors, terms] of [[[3], [1, 2, 40]], [[7], [9]], [[2, 9], [4, 5]], [[], [6, 7]], [[4], []]] as const) {
        scorer.modelScores(authors, terms, out, priorStrength);
        const theta = model.inferDocument(terms.map((w) => corpus.terms[w]), { authors: authors.map((a) => corpus.authorIds[a]), priorStrength });
        const expected = predictiveScores(theta, transposedPhi(model), new Float64Array(corpus.numTerms));
        for (let w = 0; w < corpus.numTerms; w++) expect(Math.abs(out[w] - expected[w])).toBeLessThan(1e-13 * expected[w]);
      }
    // The sampler's prior is inferDocument's, bit for bit: the same draws give the same θ'.
    const sampler = scorer.sampler;
    const theta = new Float64Array(model.numTopics);
    const prior = sampler.prior([2, 9], new Float64Array(model.numTopics), 4);
    sampler.sample([4, 5], 0, 2, prior, Rng.forStream(model.seed, INFER_STREAM, 0), 50, 25, theta, 0);
    expect(theta).toEqual(model.inferDocument([corpus.terms[4], corpus.terms[5]], { authors: [corpus.authorIds[2], corpus.authorIds[9]], priorStrength: 4 }));
    expect(() => scorer.modelScores([3], [1], out, -2)).toThrow(/priorStrength/);
  });

  it('fast popularity and history ranks equal ranks over the full score vectors', () => {
    const scorer = new RecommenderScorer(model, corpus, { iterations: 10, burnIn: 5, seed: 1 });
    const rng = new Rng(5);
    const scores = new Float64Array(corpus.numTerms);
    const excluded = new Uint8Array(corpus.numTerms);
    for (let trial = 0; trial < 400; trial++) {
      const authors = trial % 10 === 9 ? [rng.below(60), rng.below(60)] : [rng.below(60)];
      // Partial baskets mixing terms the customer bought and others; hidden items bought or not.
      const partial = [...new Set(Array.from({ length: rng.below(6) }, () => rng.below(corpus.numTerms)))];
      const hidden = rng.below(corpus.numTerms);
      if (partial.includes(hidden)) continue;
      for (const w of partial) excluded[w] = 1;
      const mu = [0.1, 1, 7, 100, 5000][trial % 5];
      for (const limit of [10, Infinity]) {
        expect(scorer.historyRank(authors, mu, hidden, partial, excluded, limit, scores)).toBe(rankOf(scorer.historyScores(authors, mu, scores), hidden, excluded, limit));
        expect(scorer.popularityRank(hidden, partial, limit)).toBe(rankOf(scorer.popularity, hidden, excluded, limit));
      }
      for (const w of partial) excluded[w] = 0;
    }
  });

  it('history scores are the Dirichlet-smoothed counts', () => {
    const scorer = new RecommenderScorer(model, corpus, { iterations: 10, burnIn: 5, seed: 1 });
    const a = 5;
    const counts = new Float64Array(corpus.numTerms);
    let n = 0;
    for (let d = 0; d < corpus.numDocs; d++)
      if (corpus.docAuthorIds(d)[0] === a)
        for (const w of corpus.docTokens(d)) {
          counts[w]++;
          n++;
        }
    const totals = corpus.termTotals();
    const out = scorer.historyScores([a], 3, new Float64Array(corpus.numTerms));
    for (let w = 0; w < corpus.numTerms; w++) expect(out[w]).toBeCloseTo((counts[w] + (3 * totals[w]) / corpus.numTokens) / (n + 3), 15);
    expect(scorer.history.totals[a]).toBe(n);
  });
});

describe('HybridRecommender', () => {
  it('with all weight on one component ranks as that component', () => {
    const basket = ['t1', 't2', 't40'];
    const modelOnly = new HybridRecommender(model, { mu: 5, weights: { history: 0, model: 1, cooccurrence: 0 } });
    expect(modelOnly.recommend({ customer: 'a3', basket, topN: 8 }).map((r) => r.term)).toEqual(
      recommend(model, { customer: 'a3', basket, topN: 8 }).map((r) => r.term),
    );
    const historyOnly = new HybridRecommender(model, { mu: 5, weights: { history: 2, model: 0, cooccurrence: 0 } });
    expect(historyOnly.weights).toEqual({ history: 1, model: 0, cooccurrence: 0 });
    const scorer = new RecommenderScorer(model, corpus, { iterations: 10, burnIn: 5, seed: 1 });
    const h = scorer.historyScores([corpus.authorIndex('a3')!], 5, new Float64Array(corpus.numTerms));
    const mask = new Uint8Array(corpus.numTerms);
    for (const t of basket) mask[corpus.termIndex(t)!] = 1;
    expect(historyOnly.recommend({ customer: 'a3', basket, topN: 8 }).map((r) => r.term)).toEqual(Array.from(topK(h, 8, mask), (w) => corpus.terms[w]));
  });

  it('passes its priorStrength to the model component', () => {
    const basket = ['t1', 't2', 't40'];
    const modelOnly = new HybridRecommender(model, { mu: 5, weights: { history: 0, model: 1, cooccurrence: 0 }, priorStrength: 2 });
    expect(modelOnly.priorStrength).toBe(2);
    expect(modelOnly.recommend({ customer: 'a3', basket, topN: 8 }).map((r) => r.term)).toEqual(
      recommend(model, { customer: 'a3', basket, topN: 8, priorStrength: 2 }).map((r) => r.term),
    );
    expect(new HybridRecommender(model, { mu: 5, weights: { history: 1, model: 1, cooccurrence: 1 } }).priorStrength).toBeUndefined();
    expect(() => new HybridRecommender(model, { mu: 5, weights: { history: 1, model: 0, cooccurrence: 0 }, priorStrength: Infinity })).toThrow(/options.priorStrength/);
  });

  it('mixes the components, excludes the basket and serves unknown customers', () => {
    const hybrid = new HybridRecommender(model, { mu: 5, weights: { history: 0.4, model: 0.4, cooccurrence: 0.2 } });
    const recs = hybrid.recommend({ customer: 'a3', basket: ['t1', 't1', 't2'], topN: 10, exclude: ['t7'] });
    expect(recs).toHaveLength(10);
    for (const r of recs) expect(['t1', 't2', 't7']).not.toContain(r.term);
    for (let i = 1; i < recs.length; i++) expect(recs[i].score).toBeLessThanOrEqual(recs[i - 1].score);
    expect(hybrid.recommend({ customer: 'stranger', basket: ['t1'], topN: 3 })).toHaveLength(3);
    expect(() => new HybridRecommender(model, { mu: 0, weights: { history: 1, model: 0, cooccurrence: 0 } })).toThrow(/options.mu/);
    expect(() => new HybridRecommender(model, { mu: 1, weights: { history: 0, model: 0, cooccurrence: 0 } })).toThrow(/positive sum/);
  });
});
