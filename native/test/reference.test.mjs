// Bit-identity with the TypeScript reference backend of @atm/core: same seed, same setup, same
// starting state → identical z, y and counts after any number of sweeps, for every sampler,
// worker count and authorship. Core's own suite repeats this on real data.
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { cloneState, countProblem, makeProblem, random, recount, stateDifference } from './problem.mjs';
import { loadReference } from './reference.mjs';

const require = createRequire(import.meta.url);
const { createNativeBackend } = require('../index.js');

const reference = await loadReference();
if (reference.reason) console.warn(`[native reference tests skipped] ${reference.reason}`);

/** Runs the same requests through both backends on copies of one state; returns both states. */
async function both(setup, state, requests, onSweep) {
  const ts = cloneState(state);
  const native = cloneState(state);
  const tsBackend = new reference.TsBackend();
  const nativeBackend = createNativeBackend();
  for (const r of requests) {
    const a = await tsBackend.run(setup, ts, { ...r, onSweep: onSweep && ((n) => onSweep(ts, n)) });
    const b = await nativeBackend.run(setup, native, { ...r, onSweep: onSweep && ((n) => onSweep(native, n)) });
    expect(b).toBe(a);
  }
  return { ts, native };
}

const dense = { firstSweep: 0, sweeps: 6, seed: 2024, sampler: 'dense', mhSteps: 2 };
const mh = { ...dense, sampler: 'mh', mhSteps: 3 };

describe.skipIf(reference.reason !== '')('native equals the TypeScript reference bit for bit', () => {
  const matrix = [];
  for (const sampler of ['dense', 'mh'])
    for (const threads of [1, 2, 3])
      for (const maxAuthors of [1, 3]) matrix.push([sampler, threads, maxAuthors]);

  test.each(matrix)('%s, %i worker(s), up to %i author(s) per document', async (sampler, threads, maxAuthors) => {
    const { setup, state } = makeProblem({ docs: 250, terms: 60, authors: 24, topics: 7, threads, maxAuthors, seed: 100 + threads * 7 + maxAuthors });
    const { ts, native } = await both(setup, state, [sampler === 'mh' ? mh : dense]);
    expect(stateDifference(ts, native)).toBe('');
    expect(stateDifference(state, native)).not.toBe('');
    expect(countProblem(setup, native)).toBe('');
  });

  test.each([1, 2, 10, 20, 64])('K = %i with an asymmetric alpha (dense and mh)', async (topics) => {
    const { setup, state } = makeProblem({ docs: 150, terms: 80, authors: 12, topics, threads: 2, seed: topics });
    const rand = random(topics);
    for (let k = 0; k < topics; k++) state.alpha[k] = 0.01 + 2 * rand();
    for (const r of [dense, mh]) {
      const { ts, native } = await both(setup, state, [r]);
      expect(stateDifference(ts, native)).toBe('');
    }
  });

  test('training in slices equals one long run (streams are keyed by the global sweep index)', async () => {
    const { setup, state } = makeProblem({ threads: 2, seed: 31 });
    const whole = await both(setup, state, [{ ...mh, sweeps: 8 }]);
    const sliced = await both(setup, state, [{ ...mh, sweeps: 3 }, { ...mh, firstSweep: 3, sweeps: 5 }]);
    expect(stateDifference(whole.ts, sliced.native)).toBe('');
    expect(stateDifference(sliced.ts, sliced.native)).toBe('');
  });

  test('seeds and sweep indices wrap to 32 bits like the reference (`>>> 0`)', async () => {
    const { setup, state } = makeProblem({ threads: 2, seed: 71 });
    for (const [seed, firstSweep] of [[-5, 0], [2 ** 32 + 7, 3], [123, 2 ** 32 - 2]]) {
      const { ts, native } = await both(setup, state, [{ ...mh, seed, firstSweep, sweeps: 4 }]);
      expect(stateDifference(ts, native)).toBe('');
    }
  });

  test('alternating dense and MH sweeps on one state', async () => {
    const { setup, state } = makeProblem({ threads: 2, seed: 41 });
    const steps = [
      { ...dense, sweeps: 2 },
      { ...mh, firstSweep: 2, sweeps: 3 },
      { ...dense, firstSweep: 5, sweeps: 1 },
      { ...mh, firstSweep: 6, sweeps: 2 },
    ];
    const { ts, native } = await both(setup, state, steps);
    expect(stateDifference(ts, native)).toBe('');
  });

  test('MH without an author-token index (authorTokenOffsets empty) follows the reference', async () => {
    const problem = makeProblem({ seed: 51 });
    const setup = { ...problem.setup, authorTokenOffsets: new Uint32Array(0), authorTokens: new Uint32Array(0) };
    const { ts, native } = await both(setup, problem.state, [mh]);
    expect(stateDifference(ts, native)).toBe('');
  });

  test('onSweep may change the state between sweeps, as with the reference', async () => {
    const { setup, state } = makeProblem({ threads: 2, seed: 61 });
    const K = setup.numTopics;
    // Re-weight alpha and move one token to another topic after every sweep.
    const tweak = (s, n) => {
      s.alpha[n % K] *= 1.5;
      s.z[n] = (s.z[n] + 1) % K;
      recount(setup, s);
    };
    const { ts, native } = await both(setup, state, [{ ...mh, sweeps: 4 }, { ...dense, firstSweep: 4, sweeps: 3 }], tweak);
    expect(stateDifference(ts, native)).toBe('');
    expect(Array.from(native.alpha)).toEqual(Array.from(ts.alpha));
  });
});
