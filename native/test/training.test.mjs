import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { logLikelihood as referenceLogLikelihood } from './lgamma.mjs';
import { cloneState, countProblem, makeProblem, stateDifference } from './problem.mjs';

const require = createRequire(import.meta.url);
const { createNativeBackend, loadAddon, logLikelihood } = require('../index.js');
const { Trainer } = loadAddon();

const request = (over = {}) => ({ firstSweep: 0, sweeps: 5, seed: 3, sampler: 'dense', mhSteps: 2, ...over });

/** Large enough that a sweep takes a noticeable moment. */
function biggish(threads = 1) {
  return makeProblem({ docs: 3000, terms: 200, authors: 300, topics: 20, threads, meanLength: 10, seed: 9 });
}

describe('progress and results', () => {
  test.each([1, 2])('onSweep is called once per sweep, in order (%i threads)', async (threads) => {
    const { setup, state } = makeProblem({ threads, seed: 2 });
    const seen = [];
    const done = await createNativeBackend().run(setup, state, request({ sweeps: 7, onSweep: (n) => seen.push(n) }));
    expect(done).toBe(7);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(countProblem(setup, state)).toBe('');
  });

  test('zero sweeps resolve with 0 and leave the state alone', async () => {
    const { setup, state } = makeProblem({ seed: 4 });
    const before = cloneState(state);
    expect(await createNativeBackend().run(setup, state, request({ sweeps: 0 }))).toBe(0);
    expect(stateDifference(before, state)).toBe('');
  });

  test('a run changes the assignments and keeps counts consistent (dense, mh, multi-author)', async () => {
    for (const [sampler, maxAuthors] of [['dense', 1], ['mh', 1], ['dense', 3]]) {
      const { setup, state } = makeProblem({ maxAuthors, threads: 2, seed: 6 });
      const before = cloneState(state);
      await createNativeBackend().run(setup, state, request({ sampler, sweeps: 3 }));
      expect(stateDifference(before, state)).not.toBe('');
      expect(countProblem(setup, state)).toBe('');
    }
  });

  test('onSweep sees a quiescent state: counts are consistent at every call', async () => {
    const { setup, state } = biggish(2);
    const problems = [];
    await createNativeBackend().run(setup, state, request({ sweeps: 4, onSweep: () => problems.push(countProblem(setup, state)) }));
    expect(problems).toEqual(['', '', '', '']);
  });

  test('an exception in onSweep rejects the run after that sweep', async () => {
    const { setup, state } = makeProblem({ seed: 8 });
    const seen = [];
    const boom = new Error('boom');
    const run = createNativeBackend().run(setup, state, request({ sweeps: 10, onSweep: (n) => { seen.push(n); if (n === 2) throw boom; } }));
    await expect(run).rejects.toBe(boom);
    expect(seen).toEqual([1, 2]);
    expect(countProblem(setup, state)).toBe('');
  });

  test('a state left invalid by onSweep rejects with a RangeError instead of sampling it', async () => {
    const { setup, state } = makeProblem({ seed: 8 });
    const run = createNativeBackend().run(setup, state, request({ sweeps: 10, onSweep: () => { state.z[3] = 1000; } }));
    await expect(run).rejects.toThrow(/for state\.z\[3\] but received 1000/);
  });
});

describe('busy, cancel and abort', () => {
  test('a second run while one is in flight throws synchronously', async () => {
    const { setup, state } = biggish();
    const trainer = new Trainer(setup, state, 1);
    const first = trainer.run(0, 3, 1, 'dense', 0);
    expect(trainer.busy).toBe(true);
    expect(() => trainer.run(3, 1, 1, 'dense', 0)).toThrow(/is already training/);
    expect(await first).toBe(3);
    expect(trainer.busy).toBe(false);
    expect(await trainer.run(3, 1, 1, 'dense', 0)).toBe(1);
  });

  test('the backend rejects an overlapping run on the same state', async () => {
    const { setup, state } = biggish();
    const backend = createNativeBackend();
    const first = backend.run(setup, state, request({ sweeps: 3 }));
    await expect(backend.run(setup, state, request({ sweeps: 1 }))).rejects.toThrow(/is already training/);
    expect(await first).toBe(3);
  });

  test('cancel() inside onSweep stops after exactly that sweep', async () => {
    const { setup, state } = biggish(2);
    const trainer = new Trainer(setup, state, 2);
    const done = await trainer.run(0, 1000, 5, 'mh', 2, (n) => { if (n === 3) trainer.cancel(); });
    expect(done).toBe(3);
    expect(countProblem(setup, state)).toBe('');
  });

  test('cancel() mid-run resolves with fewer sweeps and consistent counts', async () => {
    const { setup, state } = biggish();
    const trainer = new Trainer(setup, state, 1);
    const run = trainer.run(0, 100000, 5, 'dense', 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    trainer.cancel();
    const done = await run;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(100000);
    expect(countProblem(setup, state)).toBe('');
  });

  test('an AbortSignal cancels a backend run', async () => {
    const { setup, state } = biggish(2);
    const controller = new AbortController();
    const seen = [];
    const done = await createNativeBackend().run(
      setup,
      state,
      request({ sweeps: 1000, signal: controller.signal, onSweep: (n) => { seen.push(n); if (n === 2) controller.abort(); } }),
    );
    expect(done).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(countProblem(setup, state)).toBe('');
  });

  test('an already aborted signal runs nothing', async () => {
    const { setup, state } = makeProblem({ seed: 12 });
    const before = cloneState(state);
    expect(await createNativeBackend().run(setup, state, request({ signal: AbortSignal.abort() }))).toBe(0);
    expect(stateDifference(before, state)).toBe('');
  });

  test('a detached buffer is a RangeError, not a crash', async () => {
    const { setup, state } = makeProblem({ seed: 13 });
    const trainer = new Trainer(setup, state, 1);
    structuredClone(state.nk.buffer, { transfer: [state.nk.buffer] });
    expect(() => trainer.run(0, 1, 1, 'dense', 0)).toThrow(/^Expected an Int32Array of length 5 \(as when the trainer was created\) for state\.nk but received a detached buffer$/);
    expect(() => trainer.logLikelihood()).toThrow(RangeError);
  });
});

describe('logLikelihood', () => {
  test('matches the definition and rises with training', async () => {
    const { setup, state } = makeProblem({ docs: 200, terms: 30, authors: 10, topics: 4, maxAuthors: 2, seed: 14 });
    const backend = createNativeBackend();
    const before = backend.logLikelihood(setup, state);
    expect(before).toBeCloseTo(referenceLogLikelihood(setup, state), 6);
    await backend.run(setup, state, request({ sweeps: 30 }));
    const after = logLikelihood(setup, state);
    expect(after).toBeCloseTo(referenceLogLikelihood(setup, state), 6);
    expect(after).toBeGreaterThan(before);
  });

  test('throws while a run is in flight, works inside onSweep', async () => {
    const { setup, state } = biggish();
    const trainer = new Trainer(setup, state, 1);
    const inside = [];
    const run = trainer.run(0, 2, 1, 'dense', 0, () => inside.push(trainer.logLikelihood()));
    expect(() => trainer.logLikelihood()).toThrow(/is training/);
    await run;
    expect(inside).toHaveLength(2);
    expect(inside[1]).toBe(trainer.logLikelihood());
  });
});
