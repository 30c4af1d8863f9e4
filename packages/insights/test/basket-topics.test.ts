import { adjustedRandIndex } from '@atm/cluster';
import { Corpus, matchTopics, Rng, type AuthorTopicModel } from '@atm/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { basketTopics, clusterBaskets, dominantTopic, FoldInSampler, INFER_STREAM, missionTable } from '../src/index.js';
import { sampleMissionCorpus, trainModel, type MissionCorpus } from './fixtures.js';

const K = 5;
let planted: MissionCorpus;
let corpus: Corpus;
let model: AuthorTopicModel;

beforeAll(async () => {
  planted = sampleMissionCorpus({ numAuthors: 150, numTerms: 200, numTopics: K, docsPerAuthor: 10, docLength: 10, seed: 8 });
  corpus = Corpus.fromDocuments(planted.byAuthor.flat(), { terms: planted.terms });
  model = await trainModel(corpus, K, 80);
});

describe('batch fold-in', () => {
  it('samples each basket exactly as model.foldIn given the same generator state', () => {
    const sampler = FoldInSampler.fromModel(model);
    const out = new Float64Array(K);
    for (const d of [0, 1, 17, 400, corpus.numDocs - 1]) {
      const ids = Array.from(corpus.docTokens(d));
      const rng = Rng.forStream(model.seed, INFER_STREAM, 0); // the stream model.foldIn draws from
      sampler.sample(ids, 0, ids.length, Float64Array.from(model.alpha), rng, 30, 10, out, 0);
      expect(out).toEqual(model.foldIn(ids, Float64Array.from(model.alpha), { iterations: 30, burnIn: 10 }));
      const prior = sampler.prior([corpus.docAuthorIds(d)[0]]);
      sampler.sample(ids, 0, ids.length, prior, Rng.forStream(model.seed, INFER_STREAM, 0), 30, 10, out, 0);
      expect(out).toEqual(model.inferDocument(ids.map((w) => corpus.terms[w]), { authors: [corpus.authorIds[corpus.docAuthorIds(d)[0]]], iterations: 30, burnIn: 10 }));
    }
  });

  it.each(['sparse', 'dense'] as const)('the %s sampler agrees with per-basket model.foldIn in distribution, and is reproducible', (sampler) => {
    const theta = basketTopics(model, corpus, { iterations: 40, seed: 5, sampler });
    expect(theta.length).toBe(corpus.numDocs * K);
    for (let d = 0; d < corpus.numDocs; d++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += theta[d * K + k];
      expect(s).toBeCloseTo(1, 12);
    }
    expect(basketTopics(model, corpus, { iterations: 40, seed: 5, sampler })).toEqual(theta);
    expect(basketTopics(model, corpus, { iterations: 40, seed: 6, sampler })).not.toEqual(theta);
    // Per-basket fold-in (its own generator per call) on a sample: the same dominant topic and close mixtures.
    const sample = Array.from({ length: 300 }, (_, i) => i * 5);
    let agree = 0;
    let l1 = 0;
    for (const d of sample) {
      const one = model.foldIn(Array.from(corpus.docTokens(d)), Float64Array.from(model.alpha), { iterations: 40, seed: 11 });
      let best = 0;
      for (let k = 0; k < K; k++) {
        l1 += Math.abs(one[k] - theta[d * K + k]);
        if (one[k] > one[best]) best = k;
      }
      const batch = dominantTopic(theta.subarray(d * K, d * K + K), K)[0];
      if (batch === best) agree++;
    }
    expect(agree / sample.length).toBeGreaterThan(0.95);
    expect(l1 / sample.length).toBeLessThan(0.05);
  });

  it('the sparse and dense samplers draw from the same conditionals', () => {
    // Averaged over many seeds, one basket's θ from either sampler converges to the same mean.
    const d = 3;
    const one = corpus.subset([d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d]);
    const mean = (sampler: 'sparse' | 'dense'): Float64Array => {
      const m = new Float64Array(K);
      for (let seed = 0; seed < 20; seed++) {
        const theta = basketTopics(model, one, { iterations: 20, seed, sampler });
        for (let i = 0; i < theta.length; i++) m[i % K] += theta[i] / (20 * one.numDocs);
      }
      return m;
    };
    const sparse = mean('sparse');
    const dense = mean('dense');
    for (let k = 0; k < K; k++) expect(Math.abs(sparse[k] - dense[k])).toBeLessThan(0.01);
  });

  it("recovers each basket's planted mission", () => {
    const missions = dominantTopic(basketTopics(model, corpus), K);
    const { assignment } = matchTopics(model.topicTermMatrix(), planted.phi, K, corpus.numTerms);
    let hits = 0;
    missions.forEach((m, d) => {
      if (assignment[m] === planted.missions[d]) hits++;
    });
    expect(hits / missions.length).toBeGreaterThan(0.9);
  });

  it('checks its arguments', () => {
    expect(() => basketTopics(model, corpus, { iterations: 0 })).toThrow('Expected an integer >= 1 for options.iterations but received 0');
    expect(() => basketTopics(model, corpus, { burnIn: 50, iterations: 50 })).toThrow(/options.burnIn/);
    expect(() => basketTopics(model, corpus, { prior: new Float64Array(2) })).toThrow(/options.prior/);
    const other = Corpus.fromDocuments([{ id: 'x', authors: ['a'], terms: ['zz'] }]);
    expect(() => basketTopics(model, other)).toThrow(RangeError);
  });
});

describe('dominantTopic, clusterBaskets and missionTable', () => {
  it('dominantTopic takes the arg max, lower topic on ties', () => {
    expect(Array.from(dominantTopic(new Float64Array([0.2, 0.8, 0.5, 0.5, 0.1, 0.3, 0.6]).subarray(0, 6), 2))).toEqual([1, 0, 1]);
    expect(() => dominantTopic(new Float64Array(5), 2)).toThrow(/multiple of 2/);
  });

  it('clusters baskets by mission (k given, or chosen by silhouette)', () => {
    const theta = basketTopics(model, corpus, { iterations: 30 });
    const given = clusterBaskets(theta, K, { k: K, seed: 1 });
    expect(given.labels.length).toBe(corpus.numDocs);
    expect(given.sizes.reduce((a, b) => a + b, 0)).toBe(corpus.numDocs);
    expect(given.curve).toEqual([]);
    for (let c = 0; c < K; c++) expect(given.profiles.subarray(c * K, c * K + K).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(adjustedRandIndex(given.labels, planted.missions)).toBeGreaterThan(0.8);
    const chosen = clusterBaskets(theta, K, { kMin: 2, kMax: 8, chooseOn: 800, seed: 1 });
    expect(chosen.curve.map((p) => p.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(chosen.k).toBe(K);
  });

  it('missionTable shares sum to 1 per attribute value', () => {
    const missions = Int32Array.from([0, 1, 1, 2, 0, 0, 2, 1]);
    const weekday = [1, 1, 2, 2, 2, 7, 7, null];
    const format = ['LS', 'SS', 'SS', 'LS', 'XLS', 'LS', 'SS', 'SS'];
    const table = missionTable(missions, { weekday, format });
    expect(table.numMissions).toBe(3);
    const w = table.attributes.weekday;
    expect(w.values).toEqual([1, 2, 7]);
    expect(w.missing).toBe(1);
    expect(Array.from(w.counts)).toEqual([1, 1, 0, 1, 1, 1, 1, 0, 1]);
    expect(Array.from(w.totals)).toEqual([2, 3, 2]);
    expect(Array.from(w.shares)).toEqual([0.5, 0.5, 0, 1 / 3, 1 / 3, 1 / 3, 0.5, 0, 0.5]);
    expect(Array.from(w.overall)).toEqual([3 / 7, 2 / 7, 2 / 7]);
    expect(w.lift[0]).toBeCloseTo(0.5 / (3 / 7), 15);
    const f = table.attributes.format;
    expect(f.values).toEqual(['LS', 'SS', 'XLS']);
    for (const t of [w, f])
      for (let r = 0; r < t.values.length; r++) expect(t.shares.subarray(r * 3, r * 3 + 3).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    // On planted baskets with a typed-array attribute.
    const real = dominantTopic(basketTopics(model, corpus, { iterations: 20 }), K);
    const hour = Int32Array.from(real, (_, d) => 8 + (d % 14));
    const byHour = missionTable(real, { hour }, { numMissions: K }).attributes.hour;
    expect(byHour.values).toHaveLength(14);
    for (let r = 0; r < 14; r++) expect(byHour.shares.subarray(r * K, r * K + K).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(() => missionTable(missions, { weekday: [1, 2] })).toThrow(/attributes.weekday/);
    expect(() => missionTable(missions, { weekday }, { numMissions: 2 })).toThrow(/options.numMissions/);
  });
});
