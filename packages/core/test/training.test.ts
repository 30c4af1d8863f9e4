import { describe, expect, it } from 'vitest';
import {
  AuthorTopicModel,
  Corpus,
  Rng,
  converged,
  heldOutLikelihood,
  optimizeAlpha,
  optimizeBeta,
  sampleDirichlet,
  samplePlantedCorpus,
  selectK,
  type SamplerState,
} from '../src/index.js';
import { BACKENDS } from './helpers.js';

/** Author–topic counts drawn from a Dirichlet-multinomial with a known asymmetric α. */
function countsFromAlpha(trueAlpha: number[], authors: number, tokensPerAuthor: number, seed: number): SamplerState {
  const K = trueAlpha.length;
  const rng = new Rng(seed);
  const nak = new Int32Array(authors * K);
  const na = new Int32Array(authors);
  for (let a = 0; a < authors; a++) {
    const theta = sampleDirichlet(rng, trueAlpha);
    for (let i = 0; i < tokensPerAuthor; i++) {
      let u = rng.uniform();
      let k = 0;
      while (k < K - 1 && u >= theta[k]) u -= theta[k++];
      nak[a * K + k]++;
    }
    na[a] = tokensPerAuthor;
  }
  return { alpha: new Float64Array(K).fill(1), beta: Float64Array.of(0.1), z: new Uint32Array(0), y: new Uint32Array(0), nwk: new Int32Array(0), nk: new Int32Array(K), nak, na };
}

function split(planted: ReturnType<typeof samplePlantedCorpus>): { train: Corpus; test: Corpus } {
  const all = Corpus.fromDocuments(planted.documents, { terms: planted.terms, authorIds: planted.authorIds });
  const tr: number[] = [];
  const te: number[] = [];
  for (let d = 0; d < all.numDocs; d++) (d % 10 === 9 ? te : tr).push(d);
  return { train: all.subset(tr), test: all.subset(te) };
}

describe('hyperparameter learning', () => {
  it('optimizeAlpha recovers a known asymmetric α', () => {
    const trueAlpha = [2, 1, 0.5, 0.2, 0.1];
    const state = countsFromAlpha(trueAlpha, 4000, 60, 3);
    optimizeAlpha(state, 5, 4000);
    for (let k = 0; k < 5; k++) expect(Math.abs(state.alpha[k] - trueAlpha[k]) / trueAlpha[k]).toBeLessThan(0.15);
  });

  it('optimizeBeta recovers a known symmetric β', () => {
    // Term–topic counts from topics drawn from a symmetric Dirichlet(β = 0.05) over 300 terms.
    const V = 300;
    const K = 20;
    const rng = new Rng(5);
    const nwk = new Int32Array(V * K);
    const nk = new Int32Array(K);
    for (let k = 0; k < K; k++) {
      const phi = sampleDirichlet(rng, new Float64Array(V).fill(0.05));
      for (let i = 0; i < 5000; i++) {
        let u = rng.uniform();
        let w = 0;
        while (w < V - 1 && u >= phi[w]) u -= phi[w++];
        nwk[w * K + k]++;
        nk[k]++;
      }
    }
    const state: SamplerState = { alpha: new Float64Array(K).fill(1), beta: Float64Array.of(1), z: new Uint32Array(0), y: new Uint32Array(0), nwk, nk, nak: new Int32Array(0), na: new Int32Array(0) };
    optimizeBeta(state, K, V);
    expect(Math.abs(state.beta[0] - 0.05) / 0.05).toBeLessThan(0.15);
  });

  it('optimized priors fit planted data better than the fixed defaults (held-out LL per token)', async () => {
    const planted = samplePlantedCorpus({ numAuthors: 600, numTerms: 300, numTopics: 8, docsPerAuthor: 20, docLength: 8, numSegments: 4, seed: 21 });
    const { train, test } = split(planted);
    const fixed = new AuthorTopicModel({ numTopics: 8, seed: 1, backend: 'ts' });
    await fixed.fit(train, { iterations: 150 });
    const learned = new AuthorTopicModel({ numTopics: 8, seed: 1, backend: 'ts', optimizeInterval: 10, burnIn: 30 });
    await learned.fit(train, { iterations: 150 });
    expect(heldOutLikelihood(learned.estimates(), test).perToken).toBeGreaterThan(heldOutLikelihood(fixed.estimates(), test).perToken);
    expect(learned.trace.at(-1)!.alphaSum).toBeLessThan(50);
    expect(new Set(learned.alpha).size).toBeGreaterThan(1);
  });
});

describe.runIf(BACKENDS.includes('native'))('hyperparameter learning keeps the backends bit-identical', () => {
  it('dense and MH, optimizeInterval 5', async () => {
    const planted = samplePlantedCorpus({ numAuthors: 300, numTerms: 300, numTopics: 8, docsPerAuthor: 10, docLength: 8, seed: 2 });
    const corpus = Corpus.fromDocuments(planted.documents);
    for (const sampler of ['dense', 'mh'] as const) {
      const [a, b] = await Promise.all(
        (['ts', 'native'] as const).map((backend) =>
          new AuthorTopicModel({ numTopics: 70, seed: 4, backend, sampler, optimizeInterval: 5, burnIn: 10 }).fit(corpus, { iterations: 40 }),
        ),
      );
      expect(Array.from(b.state.z)).toEqual(Array.from(a.state.z));
      expect(Array.from(b.alpha)).toEqual(Array.from(a.alpha));
      expect(b.beta).toBe(a.beta);
    }
  });
});

describe('training until converged', () => {
  it('the stopping rule compares the last point with the one `window` evaluations back', () => {
    const pt = (logLikelihood: number, heldOutPerplexity?: number) => ({ sweep: 0, seconds: 0, logLikelihood, heldOutPerplexity });
    expect(converged([pt(-100), pt(-99)], 1, 1e-3)).toBe(false);
    expect(converged([pt(-100), pt(-99.99)], 1, 1e-3)).toBe(true);
    expect(converged([pt(-100), pt(-99.99)], 2, 1e-3)).toBe(false);
    expect(converged([pt(-100, 50), pt(-99, 49.99)], 1, 1e-3)).toBe(true);
    expect(converged([pt(-100, 50), pt(-100, 40)], 1, 1e-3)).toBe(false);
  });

  it.each(BACKENDS)("iterations: 'auto' stops before the maximum and records the trace (%s)", async (backend) => {
    const planted = samplePlantedCorpus({ numAuthors: 300, numTerms: 200, numTopics: 5, docsPerAuthor: 10, docLength: 8, seed: 8 });
    const { train, test } = split(planted);
    const m = new AuthorTopicModel({ numTopics: 5, seed: 1, backend, burnIn: 20 });
    await m.fit(train, { iterations: 'auto', maxIterations: 2000, heldOut: test, evalEvery: 5, window: 4, tolerance: 1e-3 });
    expect(m.sweepsDone).toBeLessThan(2000);
    expect(m.sweepsDone).toBeGreaterThanOrEqual(25);
    expect(m.trace.every((t) => t.heldOutPerplexity !== undefined)).toBe(true);
    expect(converged(m.trace, 4, 1e-3)).toBe(true);
    expect(converged(m.trace.slice(0, -1), 4, 1e-3)).toBe(false);
  });
});

describe('posterior averaging', () => {
  it('averages θ and φ over states spaced sampleLag sweeps apart', async () => {
    const planted = samplePlantedCorpus({ numAuthors: 200, numTerms: 100, numTopics: 4, docsPerAuthor: 5, docLength: 6, seed: 9 });
    const corpus = Corpus.fromDocuments(planted.documents);
    const averaged = new AuthorTopicModel({ numTopics: 4, seed: 3, backend: 'ts' });
    await averaged.fit(corpus, { iterations: 20, posteriorSamples: 3, sampleLag: 4 });
    expect(averaged.sweepsDone).toBe(28);
    const manual = new AuthorTopicModel({ numTopics: 4, seed: 3, backend: 'ts' });
    const phis: Float64Array[] = [];
    await manual.fit(corpus, { iterations: 20 });
    phis.push(manual.topicTermMatrix().slice());
    for (let s = 0; s < 2; s++) {
      await manual.fit(undefined, { iterations: 4 });
      phis.push(manual.topicTermMatrix().slice());
    }
    const mean = phis[0].map((_, i) => (phis[0][i] + phis[1][i] + phis[2][i]) / 3);
    const got = averaged.topicTermMatrix();
    for (let i = 0; i < mean.length; i++) expect(got[i]).toBeCloseTo(mean[i], 12);
    expect(Array.from(got)).not.toEqual(Array.from(phis[2]));
  });
});

describe('selectK', () => {
  it('scores every K and picks the planted one', async () => {
    const planted = samplePlantedCorpus({ numAuthors: 400, numTerms: 240, numTopics: 6, docsPerAuthor: 12, docLength: 8, seed: 31 });
    const { train, test } = split(planted);
    const result = await selectK(train, { topics: [3, 6, 12], heldOut: test, model: { backend: BACKENDS.at(-1), alpha: 0.5 }, fit: { iterations: 200 } });
    expect(result.rows.map((r) => r.k)).toEqual([3, 6, 12]);
    for (const r of result.rows) {
      expect(r.perplexity).toBeGreaterThan(1);
      expect(r.npmi).toBeGreaterThanOrEqual(-1);
      expect(r.npmi).toBeLessThanOrEqual(1);
      expect(r.stability).toBeLessThanOrEqual(1 + 1e-12);
    }
    expect(result.rows[0].perplexity).toBeGreaterThan(result.rows[1].perplexity);
    expect(result.rows[1].stability).toBeGreaterThan(0.9);
    expect(result.chosen).toBe(6);
    expect(result.rule).toMatch(/smallest K/);
  });
});

describe('inferDocument priorStrength', () => {
  it("scales the customer's mixture to a fixed number of pseudo-counts; undefined keeps the full counts", async () => {
    const planted = samplePlantedCorpus({ numAuthors: 100, numTerms: 120, numTopics: 4, docsPerAuthor: 30, docLength: 8, seed: 12 });
    const corpus = Corpus.fromDocuments(planted.documents);
    const m = new AuthorTopicModel({ numTopics: 4, seed: 2, backend: 'ts', alpha: 0.5 });
    await m.fit(corpus, { iterations: 80 });
    const K = 4;
    const { nak, na, alpha } = m.state;
    const alphaSum = alpha.reduce((s, x) => s + x, 0);
    // The customer with the most tokens, and the topic they use least; the basket is that topic's top terms.
    let a = 0;
    for (let i = 1; i < corpus.numAuthors; i++) if (na[i] > na[a]) a = i;
    let t = 0;
    for (let k = 1; k < K; k++) if (nak[a * K + k] < nak[a * K + t]) t = k;
    const basket = m.getTopicTerms(t, 6).map((x) => x.term);
    const ids = basket.map((w) => corpus.termIndex(w)!);
    const authors = [corpus.authorIds[a]];
    expect(na[a]).toBeGreaterThan(200);
    expect(nak[a * K + t] / na[a]).toBeLessThan(0.15);

    // Undefined: exactly the fold-in with the mean of n_ak + α_k (the behaviour before the option).
    const counts = Float64Array.from({ length: K }, (_, k) => nak[a * K + k] + alpha[k]);
    const full = m.inferDocument(basket, { authors });
    expect(full).toEqual(m.foldIn(ids, counts));
    expect(m.inferDocument(basket, { authors, priorStrength: undefined })).toEqual(full);
    // With a strength s: the fold-in with α_k + s (n_ak + α_k) / (n_a + Σα).
    for (const s of [2, 25]) {
      const prior = Float64Array.from({ length: K }, (_, k) => alpha[k] + s * ((nak[a * K + k] + alpha[k]) / (na[a] + alphaSum)));
      expect(m.inferDocument(basket, { authors, priorStrength: s })).toEqual(m.foldIn(ids, prior));
    }

    // The weaker the customer prior, the more the basket's own topic shows.
    const share = [1, 10, 100, 1000].map((s) => m.inferDocument(basket, { authors, priorStrength: s })[t]);
    for (let i = 1; i < share.length; i++) expect(share[i]).toBeLessThan(share[i - 1]);
    expect(share[0]).toBeGreaterThan(0.5);
    expect(full[t]).toBeLessThan(share[0] - 0.3);
    // A huge strength gives back the customer's own mixture.
    const huge = m.inferDocument(basket, { authors, priorStrength: 1e7 });
    for (let k = 0; k < K; k++) expect(huge[k]).toBeCloseTo(counts[k] / (na[a] + alphaSum), 4);
    // Without customers the strength has nothing to scale: the prior stays α.
    expect(m.inferDocument(basket, { priorStrength: 3 })).toEqual(m.inferDocument(basket));
  });

  it('rejects a strength that is not positive and finite', async () => {
    const corpus = Corpus.fromDocuments([
      { id: 'd1', authors: ['u1'], terms: ['a', 'b'] },
      { id: 'd2', authors: ['u2'], terms: ['b', 'c'] },
    ]);
    const m = new AuthorTopicModel({ numTopics: 2, backend: 'ts' });
    await m.fit(corpus, { iterations: 5 });
    for (const bad of [0, -1, Infinity, Number.NaN, '3'])
      expect(() => m.inferDocument(['a'], { authors: ['u1'], priorStrength: bad as number })).toThrow(
        `Expected a positive finite number for priorStrength but received ${typeof bad === 'string' ? '"3"' : String(bad)}`,
      );
  });
});
