import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { makeProblem } from './problem.mjs';

const require = createRequire(import.meta.url);
const native = require('../index.js');

describe('loader', () => {
  test('the compiled addon loads from build/Release', () => {
    expect(native.isAvailable()).toBe(true);
    expect(native.loadError).toBeUndefined();
    expect(native.addonPaths[0]).toBe(path.resolve(__dirname, '..', 'build', 'Release', 'atm_native.node'));
    expect(native.addonPaths[1]).toBe(path.resolve(__dirname, '..', 'build', 'Debug', 'atm_native.node'));
    expect(typeof native.loadAddon().Trainer).toBe('function');
  });

  test('a missing addon names every path tried and how to build it', () => {
    const tried = ['/nowhere/Release/atm_native.node', '/nowhere/Debug/atm_native.node'];
    expect(() => native.loadAddon(tried)).toThrow(
      '@atm/native: the compiled addon was not found. Tried:\n  - /nowhere/Release/atm_native.node\n  - /nowhere/Debug/atm_native.node\nBuild it with `pnpm --filter @atm/native build`.',
    );
  });

  test('a file that is not an addon is reported with its path', () => {
    expect(() => native.loadAddon([__filename])).toThrow(/loader\.test\.mjs exists but could not be loaded .*pnpm --filter @atm\/native build/);
  });

  test('ESM can import the package and gets named exports', async () => {
    const mod = await import('@atm/native');
    expect(typeof mod.createNativeBackend).toBe('function');
    expect(typeof mod.isAvailable).toBe('function');
    expect(mod.createNativeBackend().name).toBe('native');
  });
});

describe('createNativeBackend', () => {
  test('receives an injected addon and reuses one trainer per state and addon', async () => {
    const calls = [];
    class Trainer {
      constructor(setup, state, threads) {
        calls.push(['new', threads]);
        this.busy = false;
      }
      run(...args) {
        calls.push(['run', ...args.slice(0, 5)]);
        return Promise.resolve(args[1]);
      }
      cancel() {}
      logLikelihood() {
        return -1;
      }
    }
    const injected = { Trainer };
    const backend = native.createNativeBackend({ addon: injected });
    const { setup, state } = makeProblem({ threads: 2, seed: 1 });
    const request = { firstSweep: 4, sweeps: 2, seed: 9, sampler: 'mh', mhSteps: 3 };
    expect(await backend.run(setup, state, request)).toBe(2);
    expect(await backend.run(setup, state, { ...request, firstSweep: 6 })).toBe(2);
    expect(backend.logLikelihood(setup, state)).toBe(-1);
    // Another backend on the same addon shares the trainer of a state.
    expect(native.createNativeBackend({ addon: injected }).logLikelihood(setup, state)).toBe(-1);
    const addon = { Trainer };
    native.createNativeBackend({ addon }).logLikelihood(setup, state);
    native.createNativeBackend({ addon }).logLikelihood(setup, state);
    // A new state array means a new trainer.
    await backend.run(setup, { ...state, z: state.z.slice() }, request);
    expect(calls).toEqual([
      ['new', 2],
      ['run', 4, 2, 9, 'mh', 3],
      ['run', 6, 2, 9, 'mh', 3],
      ['new', 2], // the second addon object
      ['new', 2], // the new z array
      ['run', 4, 2, 9, 'mh', 3],
    ]);
  });

  test('rejects an addon without a Trainer', () => {
    expect(() => native.createNativeBackend({ addon: {} })).toThrow('Expected an addon with a Trainer class for options.addon but received Object');
  });
});
