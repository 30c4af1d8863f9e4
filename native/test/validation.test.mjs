import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { cloneState, makeProblem, withSetup } from './problem.mjs';

const require = createRequire(import.meta.url);
const { loadAddon, createNativeBackend } = require('../index.js');
const { Trainer } = loadAddon();

const SETUP_ARRAYS = ['docOffsets', 'tokens', 'docAuthorOffsets', 'docAuthors', 'docOrder', 'workerOffsets', 'authorTokenOffsets', 'authorTokens'];
const STATE_ARRAYS = { alpha: Float64Array, beta: Float64Array, z: Uint32Array, y: Uint32Array, nwk: Int32Array, nk: Int32Array, nak: Int32Array, na: Int32Array };

/** A valid two-worker, single-author problem (so authorTokenOffsets is in use). */
function fresh() {
  return makeProblem({ docs: 40, terms: 12, authors: 6, topics: 3, threads: 2, seed: 5 });
}

function create(setup, state, threads = setup.workerOffsets.length - 1) {
  return new Trainer(setup, state, threads);
}

function swap(array, i, j) {
  [array[i], array[j]] = [array[j], array[i]];
}

function message(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('Trainer constructor: types', () => {
  test('accepts a valid problem', () => {
    const { setup, state } = fresh();
    const trainer = create(setup, state);
    expect(trainer.threads).toBe(2);
    expect(trainer.busy).toBe(false);
  });

  test.each(SETUP_ARRAYS)('setup.%s of the wrong type is a TypeError naming it', (key) => {
    const { setup, state } = fresh();
    const e = message(() => create(withSetup(setup, key, Int32Array.from(setup[key])), state));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toBe(`Expected a Uint32Array for setup.${key} but received Int32Array`);
    const plain = message(() => create(withSetup(setup, key, Array.from(setup[key])), state));
    expect(plain).toBeInstanceOf(TypeError);
    expect(plain.message).toContain(`setup.${key}`);
  });

  test.each(Object.keys(STATE_ARRAYS))('state.%s of the wrong type is a TypeError naming it', (key) => {
    const { setup, state } = fresh();
    const Wrong = STATE_ARRAYS[key] === Float64Array ? Float32Array : Float64Array;
    const e = message(() => create(setup, { ...state, [key]: Wrong.from(state[key]) }));
    expect(e).toBeInstanceOf(TypeError);
    const article = STATE_ARRAYS[key] === Int32Array ? 'an' : 'a';
    expect(e.message).toBe(`Expected ${article} ${STATE_ARRAYS[key].name} for state.${key} but received ${Wrong.name}`);
    expect(message(() => create(setup, { ...state, [key]: undefined }))).toBeInstanceOf(TypeError);
  });

  test('setup, state, dimensions and threads are checked', () => {
    const { setup, state } = fresh();
    expect(message(() => new Trainer(null, state, 2)).message).toBe('Expected an object for setup but received null');
    expect(message(() => new Trainer(setup, 'x', 2))).toBeInstanceOf(TypeError);
    const e = message(() => create({ ...setup, numTopics: '3' }, state));
    expect(e).toBeInstanceOf(TypeError);
    expect(e.message).toContain('setup.numTopics');
    expect(message(() => create({ ...setup, numTerms: 0 }, state))).toBeInstanceOf(RangeError);
    expect(message(() => create({ ...setup, numAuthors: 2.5 }, state))).toBeInstanceOf(RangeError);
    const t = message(() => create(setup, state, 3));
    expect(t).toBeInstanceOf(RangeError);
    expect(t.message).toMatch(/for threads but received 3/);
  });
});

describe('Trainer constructor: lengths', () => {
  const setupLengths = ['docAuthorOffsets', 'docOrder', 'authorTokenOffsets'];
  test.each(setupLengths)('setup.%s of the wrong length is a RangeError naming it', (key) => {
    const { setup, state } = fresh();
    const longer = new Uint32Array(setup[key].length + 1);
    longer.set(setup[key]);
    const e = message(() => create(withSetup(setup, key, longer), state));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(new RegExp(`^Expected a Uint32Array of length \\d+ .* for setup\\.${key} but received length \\d+$`));
  });

  test.each(Object.keys(STATE_ARRAYS))('state.%s of the wrong length is a RangeError naming it', (key) => {
    const { setup, state } = fresh();
    const shorter = state[key].slice(0, state[key].length - 1);
    const e = message(() => create(setup, { ...state, [key]: shorter }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toContain(`for state.${key} but received length ${shorter.length}`);
  });

  test('offsets must end at the length of the array they index', () => {
    const { setup, state } = fresh();
    const tokens = setup.tokens.slice(0, setup.tokens.length - 1);
    const e = message(() => create(withSetup(setup, 'tokens', tokens), state));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/for setup\.docOffsets\[40\] but received/);
  });

  test.each([
    ['docOffsets', /numDocs \+ 1 = setup\.docOffsets\.length\) for setup\.docAuthorOffsets/],
    ['docAuthors', /\(the length of setup\.docAuthors\) for setup\.docAuthorOffsets\[40\]/],
    ['authorTokens', /\(the length of setup\.authorTokens\) for setup\.authorTokenOffsets\[6\]/],
  ])('a longer setup.%s is a RangeError naming it', (key, pattern) => {
    const { setup, state } = fresh();
    const longer = new Uint32Array(setup[key].length + 1);
    longer.set(setup[key]);
    const e = message(() => create(withSetup(setup, key, longer), state));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(pattern);
  });

  test('workerOffsets needs threads + 1 entries', () => {
    const { setup, state } = fresh();
    const e = message(() => create(withSetup(setup, 'workerOffsets', new Uint32Array([0])), state, 1));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toContain('setup.workerOffsets');
  });

  test('an empty authorTokenOffsets is allowed (no MH author proposal)', () => {
    const { setup, state } = fresh();
    const trainer = create({ ...setup, authorTokenOffsets: new Uint32Array(0), authorTokens: new Uint32Array(0) }, state);
    expect(trainer.threads).toBe(2);
  });
});

describe('Trainer constructor: ranges', () => {
  const cases = [
    ['a term id ≥ V', (s) => (s.setup.tokens[5] = s.setup.numTerms), /^Expected a term id below 12 \(numTerms\) for setup\.tokens\[5\] but received 12$/],
    ['an author id ≥ A', (s) => (s.setup.docAuthors[3] = 99), /for setup\.docAuthors\[3\] but received 99$/],
    ['a topic ≥ K', (s) => (s.state.z[2] = 3), /^Expected a topic below 3 \(numTopics\) for state\.z\[2\] but received 3$/],
    ['an author position ≥ the document’s author count', (s) => (s.state.y[4] = 1), /for state\.y\[4\] but received 1$/],
    ['docOrder that is not a permutation', (s) => (s.setup.docOrder[1] = s.setup.docOrder[0]), /permutation .* for setup\.docOrder\[1\]/],
    ['docOrder out of range', (s) => (s.setup.docOrder[7] = 40), /for setup\.docOrder\[7\] but received 40$/],
    ['non-monotone docOffsets', (s) => (s.setup.docOffsets[3] = s.setup.docOffsets[4] + 1), /non-decreasing .* for setup\.docOffsets\[4\]/],
    ['docOffsets not starting at 0', (s) => (s.setup.docOffsets[0] = 1), /for setup\.docOffsets\[0\] but received 1$/],
    ['non-monotone docAuthorOffsets', (s) => (s.setup.docAuthorOffsets[2] = 5), /for setup\.docAuthorOffsets\[3\]/],
    ['non-monotone workerOffsets', (s) => (s.setup.workerOffsets[1] = 41), /for setup\.workerOffsets\[2\]/],
    ['an authorTokens entry ≥ N', (s) => (s.setup.authorTokens[0] = 1e6), /for setup\.authorTokens\[0\] but received 1000000$/],
    ['an authorTokens entry of another author', (s) => swap(s.setup.authorTokens, 0, s.setup.authorTokens.length - 1), /for setup\.authorTokens\[0\]/],
    ['a non-positive alpha', (s) => (s.state.alpha[1] = -1), /^Expected a positive finite number for state\.alpha\[1\] but received -1$/],
    ['a NaN beta', (s) => (s.state.beta[0] = NaN), /for state\.beta\[0\] but received NaN$/],
    ['counts inconsistent with z', (s) => s.state.nwk[0]++, /the count implied by z and y\) for state\.nwk\[0\]/],
    ['nk inconsistent with z', (s) => s.state.nk[2]--, /for state\.nk\[2\]/],
    ['nak inconsistent with y', (s) => s.state.nak[1]++, /for state\.nak\[1\]/],
    ['na inconsistent with y', (s) => s.state.na[0]++, /for state\.na\[0\]/],
  ];
  test.each(cases)('%s is a RangeError naming the array and index', (_, mutate, pattern) => {
    const problem = fresh();
    mutate(problem);
    const e = message(() => create(problem.setup, problem.state));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(pattern);
  });

  test('workers sharing an author is a RangeError', () => {
    const { setup, state } = fresh();
    // Document docOrder[0] belongs to worker 0; give it an author of worker 1.
    const d = setup.docOrder[0];
    const docAuthors = setup.docAuthors.slice();
    const oldAuthor = docAuthors[d];
    docAuthors[d] = 1;
    const problemState = cloneState(state);
    for (let i = setup.docOffsets[d]; i < setup.docOffsets[d + 1]; i++) {
      const k = problemState.z[i];
      problemState.nak[oldAuthor * 3 + k]--;
      problemState.na[oldAuthor]--;
      problemState.nak[1 * 3 + k]++;
      problemState.na[1]++;
    }
    const e = message(() =>
      create({ ...setup, docAuthors, authorTokenOffsets: new Uint32Array(0), authorTokens: new Uint32Array(0) }, problemState),
    );
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/^Expected workers that own disjoint authors for setup\.docOrder\[\d+\] but received document \d+ of worker \d whose author 1 also belongs to worker \d$/);
  });

  test('a document without an author is a RangeError', () => {
    const { setup, state } = makeProblem({ docs: 3, terms: 4, authors: 2, topics: 2, seed: 3 });
    const docAuthorOffsets = Uint32Array.of(0, 1, 1, 2);
    const docAuthors = Uint32Array.of(setup.docAuthors[0], setup.docAuthors[2]);
    const e = message(() => create({ ...setup, docAuthorOffsets, docAuthors, authorTokenOffsets: new Uint32Array(0), authorTokens: new Uint32Array(0) }, state));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/document 1 needs at least one author\) for setup\.docAuthorOffsets\[2\]/);
  });

  test('state arrays that share memory are a RangeError', () => {
    const { setup, state } = fresh();
    const N = state.z.length;
    const shared = new Uint32Array(2 * N);
    shared.set(state.z);
    const z = shared.subarray(0, N);
    const y = shared.subarray(N / 2, N / 2 + N);
    const e = message(() => create(setup, { ...state, z, y }));
    expect(e).toBeInstanceOf(RangeError);
    expect(e.message).toMatch(/^Expected memory not shared with state\.y for state\.z but received an overlapping view$/);
  });
});

describe('run arguments', () => {
  test('the trainer checks every argument', () => {
    const { setup, state } = fresh();
    const trainer = create(setup, state);
    expect(message(() => trainer.run(-1, 1, 0, 'dense', 0))).toBeInstanceOf(RangeError);
    expect(message(() => trainer.run(0, 1.5, 0, 'dense', 0)).message).toMatch(/for sweeps but received 1\.5$/);
    expect(message(() => trainer.run(0, 1, '1', 'dense', 0))).toBeInstanceOf(TypeError);
    expect(message(() => trainer.run(0, 1, 0, 'gibbs', 0)).message).toBe(`Expected 'dense' or 'mh' for sampler but received "gibbs"`);
    expect(message(() => trainer.run(0, 1, 0, 'mh'))).toBeInstanceOf(TypeError);
    expect(message(() => trainer.run(0, 1, 0, 'dense', 0, 5)).message).toBe('Expected a function for onSweep but received 5');
    expect(trainer.busy).toBe(false);
  });

  test('the backend checks the request before touching the addon', async () => {
    const { setup, state } = fresh();
    const backend = createNativeBackend();
    const base = { firstSweep: 0, sweeps: 1, seed: 1, sampler: 'dense', mhSteps: 2 };
    await expect(backend.run(setup, state, { ...base, sampler: 'gibs' })).rejects.toThrow(
      `Expected 'dense' or 'mh' for request.sampler but received "gibs"`,
    );
    await expect(backend.run(setup, state, { ...base, sweeps: -1 })).rejects.toBeInstanceOf(RangeError);
    await expect(backend.run(setup, state, { ...base, seed: 0.5 })).rejects.toBeInstanceOf(RangeError);
    await expect(backend.run(setup, state, { ...base, onSweep: 'x' })).rejects.toBeInstanceOf(TypeError);
    await expect(backend.run(setup, state, { ...base, signal: {} })).rejects.toThrow(/request\.signal/);
    await expect(backend.run(setup, state, null)).rejects.toBeInstanceOf(TypeError);
    await expect(backend.run(setup, { ...state, z: [] }, base)).rejects.toThrow('Expected a Uint32Array for state.z but received array(0)');
  });
});
