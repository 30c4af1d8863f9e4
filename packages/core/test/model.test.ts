import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AuthorTopicModel,
  Corpus,
  ModelFileError,
  heldOutLikelihood,
  jointLogLikelihood,
  matchTopics,
  nativeAvailable,
  recount,
  samplePlantedCorpus,
  type SamplerState,
} from '../src/index.js';
import { BACKENDS } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'atm-core-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LITERAL = [
  { id: 'b1', authors: ['alice'], terms: ['milk', 'bread', 'eggs', 'milk'] },
  { id: 'b2', authors: ['bob'], terms: ['beer', 'crisps', 'beer', 'nuts'] },
  { id: 'b3', authors: ['alice'], terms: ['bread', 'butter', 'jam'] },
  { id: 'b4', authors: ['carol', 'bob'], terms: ['nappies', 'wipes', 'beer', 'milk'] },
  { id: 'b5', authors: ['carol'], terms: ['nappies', 'formula', 'wipes'] },
  { id: 'b6', authors: ['bob'], terms: ['crisps', 'nuts', 'beer'] },
];
const LITERAL_SINGLE = LITERAL.map((d) => ({ ...d, authors: d.authors.slice(0, 1) }));

function randomCorpus(numTokens: number, seed: number, authorsPerDoc: [number, number] = [1, 1]): Corpus {
  const planted = samplePlantedCorpus({ numAuthors: 300, numTerms: 400, numTopics: 8, docsPerAuthor: numTokens / 300 / 10, docLength: 10, authorsPerDoc, seed });
  return Corpus.fromDocuments(planted.documents);
}

function expectSameState(a: SamplerState, b: SamplerState): void {
  for (const key of ['z', 'y', 'nwk', 'nk', 'nak', 'na'] as const) expect(Buffer.from(a[key].buffer).equals(Buffer.from(b[key].buffer)), key).toBe(true);
}

function expectConsistent(model: AuthorTopicModel): void {
  const copy: SamplerState = { ...model.state, nwk: model.state.nwk.slice(), nk: model.state.nk.slice(), nak: model.state.nak.slice(), na: model.state.na.slice() };
  recount(model.corpus, copy, model.numTopics);
  expectSameState(model.state, copy);
}

describe('backend availability', () => {
  it('the native addon loads (set ATM_BACKEND=ts to test without it)', async () => {
    if (process.env.ATM_BACKEND === 'ts') return;
    expect(await nativeAvailable()).toBe(true);
  });
});

describe.each(BACKENDS)('AuthorTopicModel on the %s backend', (backend) => {
  it('golden: literal corpus with a co-authored basket, dense sampler, seed 2024', async () => {
    const m = new AuthorTopicModel({ numTopics: 3, alpha: 0.5, beta: 0.1, seed: 2024, backend, sampler: 'dense' });
    await m.fit(Corpus.fromDocuments(LITERAL), { iterations: 25 });
    // Pinned when the sampler was specified; any change to the RNG, draw order or arithmetic shows here.
    expect(Array.from(m.state.z)).toEqual([1, 2, 2, 1, 1, 1, 1, 0, 2, 2, 2, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
    expect(Array.from(m.state.y)).toEqual(new Array(21).fill(0));
    expectConsistent(m);
  });

  it('golden: literal single-author corpus, MH sampler, seed 2024', async () => {
    const m = new AuthorTopicModel({ numTopics: 3, alpha: 0.5, beta: 0.1, seed: 2024, backend, sampler: 'mh' });
    await m.fit(Corpus.fromDocuments(LITERAL_SINGLE), { iterations: 25 });
    expect(Array.from(m.state.z)).toEqual([1, 0, 1, 1, 2, 2, 2, 2, 0, 1, 0, 1, 2, 2, 2, 1, 2, 2, 2, 2, 2]);
    expectConsistent(m);
  });

  it('training in slices equals one long run, and counts stay consistent', async () => {
    const corpus = randomCorpus(20_000, 3, [1, 3]);
    const a = new AuthorTopicModel({ numTopics: 6, seed: 11, backend });
    await a.fit(corpus, { iterations: 7 });
    await a.fit(undefined, { iterations: 8 });
    const b = new AuthorTopicModel({ numTopics: 6, seed: 11, backend });
    await b.fit(corpus, { iterations: 15 });
    expectSameState(a.state, b.state);
    expect(a.sweepsDone).toBe(15);
    expectConsistent(a);
  });

  it('reports progress every sweep and the log-likelihood every evalEvery sweeps', async () => {
    const corpus = randomCorpus(10_000, 4);
    const m = new AuthorTopicModel({ numTopics: 4, backend });
    const seen: { sweep: number; ll?: number }[] = [];
    await m.fit(corpus, { iterations: 12, evalEvery: 5, onProgress: (p) => seen.push({ sweep: p.sweep, ll: p.logLikelihood }) });
    expect(seen.map((s) => s.sweep)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(seen.filter((s) => s.ll !== undefined).map((s) => s.sweep)).toEqual([5, 10, 12]);
    expect(m.trace.map((t) => t.sweep)).toEqual([5, 10, 12]);
    expect(m.trace[2].logLikelihood).toBeCloseTo(m.logLikelihood(), 6);
  });

  it('stops early on abort and leaves a consistent state', async () => {
    const corpus = randomCorpus(50_000, 5);
    const m = new AuthorTopicModel({ numTopics: 8, backend });
    const controller = new AbortController();
    let calls = 0;
    await m.fit(corpus, {
      iterations: 500,
      evalEvery: 1000,
      signal: controller.signal,
      onProgress: () => {
        if (++calls === 3) controller.abort();
      },
    });
    expect(m.sweepsDone).toBeGreaterThanOrEqual(3);
    expect(m.sweepsDone).toBeLessThan(500);
    expectConsistent(m);
  });

  it('rejects a second concurrent fit', async () => {
    const m = new AuthorTopicModel({ numTopics: 4, backend });
    const corpus = randomCorpus(10_000, 6);
    const first = m.fit(corpus, { iterations: 5 });
    await expect(m.fit(corpus, { iterations: 5 })).rejects.toThrow(/already training/);
    await first;
    expect(m.sweepsDone).toBe(5);
  });

  it('save/load round trip gives identical predictions and continues the same chain', async () => {
    const corpus = randomCorpus(20_000, 7);
    const m = new AuthorTopicModel({ numTopics: 5, seed: 3, backend });
    await m.fit(corpus, { iterations: 10 });
    const path = join(tmp, `model-${backend}.atm`);
    m.metadata = { level: 'prod_code_10', note: '<script>' };
    m.save(path);
    const loaded = AuthorTopicModel.load(path, { backend });
    expect(loaded.authorTopicMatrix()).toEqual(m.authorTopicMatrix());
    expect(loaded.topicTermMatrix()).toEqual(m.topicTermMatrix());
    const basket = ['t1', 't2', 't200'];
    expect(loaded.inferDocument(basket, { authors: ['a0'] })).toEqual(m.inferDocument(basket, { authors: ['a0'] }));
    expect(loaded.trace).toEqual(m.trace);
    expect(loaded.metadata).toEqual({ level: 'prod_code_10', note: '<script>' });
    await loaded.fit(undefined, { iterations: 5 });
    await m.fit(undefined, { iterations: 5 });
    expectSameState(loaded.state, m.state);
  });
});

describe('model files', () => {
  const path = join(tmp, 'model.atm');
  const corrupt = join(tmp, 'corrupt.atm');

  it('detects flipped bytes, truncation and foreign files with a clear error', async () => {
    const m = new AuthorTopicModel({ numTopics: 3, backend: 'ts' });
    await m.fit(Corpus.fromDocuments(LITERAL), { iterations: 3 });
    m.save(path);
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)] ^= 0xff;
    writeFileSync(corrupt, flipped);
    expect(() => AuthorTopicModel.load(corrupt)).toThrow(ModelFileError);
    expect(() => AuthorTopicModel.load(corrupt)).toThrow(/corrupt.atm: checksum mismatch/);
    writeFileSync(corrupt, bytes.subarray(0, bytes.length - 100));
    expect(() => AuthorTopicModel.load(corrupt)).toThrow(/truncated or corrupted/);
    writeFileSync(corrupt, 'customer_code,topic,prob\n');
    expect(() => AuthorTopicModel.load(corrupt)).toThrow(/not an ATM model file/);
    expect(() => AuthorTopicModel.load(join(tmp, 'missing.atm'))).toThrow(/missing.atm/);
  });
});

describe('invalid input', () => {
  it('rejects bad options with precise messages', () => {
    expect(() => new AuthorTopicModel({ numTopics: 0 })).toThrow('Expected a positive integer for numTopics but received 0');
    expect(() => new AuthorTopicModel({ numTopics: 3, alpha: [1, 2] })).toThrow(RangeError);
    expect(() => new AuthorTopicModel({ numTopics: 3, beta: -1 })).toThrow('Expected a positive finite number for beta but received -1');
    expect(() => new AuthorTopicModel({ numTopics: 3, numtopics: 4 } as never)).toThrow(/Unknown option "numtopics"/);
    expect(() => new AuthorTopicModel({ numTopics: 3, backend: 'gpu' as never })).toThrow(RangeError);
  });

  it('rejects empty corpora, negative counts, wrong array types and out-of-range ids', () => {
    expect(() => Corpus.fromDocuments([])).toThrow(/empty/);
    expect(() => Corpus.fromDocuments([{ id: 'b', authors: ['a'], terms: new Map([['milk', -1]]) }])).toThrow(/non-negative integer count/);
    expect(() => Corpus.fromDocuments([{ id: 'b', authors: ['a'], terms: { milk: 1.5 } }])).toThrow(/non-negative integer count/);
    expect(() => Corpus.fromDocuments([{ id: 'b', authors: [], terms: ['x'] }])).toThrow(/non-empty array of author ids/);
    const ok = Corpus.fromDocuments(LITERAL);
    expect(() => Corpus.fromArrays({ ...ok, tokens: Array.from(ok.tokens) as never })).toThrow('Expected a Uint32Array for tokens but received array(21)');
    expect(() => Corpus.fromArrays({ ...ok, tokens: Int32Array.from(ok.tokens) as never })).toThrow(TypeError);
    const bad = ok.tokens.slice();
    bad[3] = 999;
    expect(() => Corpus.fromArrays({ ...ok, tokens: bad })).toThrow('tokens[3] = 999 is out of range (there are 11)');
  });

  it('rejects unknown authors and topics, and reading an untrained model', async () => {
    const m = new AuthorTopicModel({ numTopics: 3, backend: 'ts' });
    expect(() => m.getAuthorTopics('alice')).toThrow(/not trained yet/);
    await m.fit(Corpus.fromDocuments(LITERAL), { iterations: 2 });
    expect(() => m.getAuthorTopics('mallory')).toThrow('Unknown author "mallory": it has no documents in the training corpus');
    expect(() => m.getTopicTerms(3)).toThrow(RangeError);
    expect(() => m.inferDocument(['milk'], { authors: ['mallory'] })).toThrow(/Unknown author/);
    await expect(m.fit(Corpus.fromDocuments(LITERAL), { iterations: 1 })).rejects.toThrow(/another corpus/);
    await expect(m.fit(undefined, { iterations: -1 })).rejects.toThrow(RangeError);
  });
});

describe.runIf(BACKENDS.includes('native'))('native and TS are bit-identical', () => {
  const corpus = randomCorpus(100_000, 42);
  it.each([
    ['dense', 1, 10],
    ['dense', 2, 10],
    // The native dense kernel has compile-time-K builds (here 50) and a run-time-K one (37), each
    // also compiled for AVX2 and picked at run time: all must match the reference.
    ['dense', 1, 50],
    ['dense', 1, 37],
    ['mh', 1, 80],
    ['mh', 2, 80],
  ] as const)('%s sampler, %i thread(s), K = %i, 50 sweeps on 100k tokens', async (sampler, threads, K) => {
    const models = await Promise.all(
      (['ts', 'native'] as const).map(async (backend) => {
        const m = new AuthorTopicModel({ numTopics: K, seed: 99, backend, sampler, threads });
        await m.fit(corpus, { iterations: 50, evalEvery: 25 });
        return m;
      }),
    );
    expect(models[1].backendName).toBe('native');
    expectSameState(models[0].state, models[1].state);
    expect(models[0].trace).toEqual(models[1].trace.map((t, i) => ({ ...t, seconds: models[0].trace[i].seconds })));
  });

  it('multi-author documents, dense sampler, 2 threads', async () => {
    const multi = randomCorpus(30_000, 8, [1, 3]);
    const [a, b] = await Promise.all(
      (['ts', 'native'] as const).map(async (backend) => {
        const m = new AuthorTopicModel({ numTopics: 7, seed: 5, backend, threads: 2 });
        return m.fit(multi, { iterations: 20 });
      }),
    );
    expectSameState(a.state, b.state);
  });
});

describe.each(BACKENDS)('recovery of a planted model (%s)', (backend) => {
  it.each([
    ['single-author', [1, 1]],
    ['2–3 authors per basket', [2, 3]],
  ] as const)('%s: topics match the truth and held-out LL is within 2 percent of it', async (_name, authorsPerDoc) => {
    const K = 10;
    const planted = samplePlantedCorpus({
      numAuthors: 1000,
      numTerms: 500,
      numTopics: K,
      docsPerAuthor: 25,
      docLength: 8,
      authorsPerDoc: [...authorsPerDoc],
      seed: 17,
    });
    const all = Corpus.fromDocuments(planted.documents, { terms: planted.terms, authorIds: planted.authorIds });
    // Every 10th basket is held out; the rest trains.
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    for (let d = 0; d < all.numDocs; d++) (d % 10 === 9 ? testIdx : trainIdx).push(d);
    const train = all.subset(trainIdx);
    const test = all.subset(testIdx);
    expect(train.numTokens).toBeGreaterThan(150_000);
    const m = new AuthorTopicModel({ numTopics: K, alpha: 0.1, beta: 0.01, seed: 1, backend });
    await m.fit(train, { iterations: 150, evalEvery: 50 });
    const { meanCosine } = matchTopics(m.topicTermMatrix(), planted.phi, K, all.numTerms);
    expect(meanCosine).toBeGreaterThanOrEqual(0.9);
    const learned = heldOutLikelihood(m.estimates(), test);
    const truth = heldOutLikelihood({ numTopics: K, numTerms: all.numTerms, numAuthors: all.numAuthors, theta: planted.theta, phi: planted.phi }, test);
    expect(Math.abs(learned.perToken - truth.perToken) / Math.abs(truth.perToken)).toBeLessThanOrEqual(0.02);
  });
});

describe('log-likelihood', () => {
  it('rises from the random start as the chain mixes', async () => {
    const corpus = randomCorpus(20_000, 12);
    const m = new AuthorTopicModel({ numTopics: 8, alpha: 0.1, backend: 'ts' });
    await m.fit(corpus, { iterations: 1, evalEvery: 1 });
    const early = m.logLikelihood();
    await m.fit(undefined, { iterations: 40 });
    expect(m.logLikelihood()).toBeGreaterThan(early);
    expect(jointLogLikelihood(m.state, 8, corpus.numTerms, corpus.numAuthors)).toBe(m.logLikelihood());
  });
});
