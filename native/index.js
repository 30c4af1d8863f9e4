'use strict';
/**
 * @atm/native — the C++ sampler behind the `Backend` contract of @atm/core
 * (packages/core/src/backend.ts). This file loads the compiled addon, checks requests, caches one
 * native Trainer per sampler state and wires AbortSignal to cancellation.
 */
const fs = require('node:fs');
const path = require('node:path');

/** Where the compiled addon is looked for, in order. */
const addonPaths = Object.freeze([
  path.join(__dirname, 'build', 'Release', 'atm_native.node'),
  path.join(__dirname, 'build', 'Debug', 'atm_native.node'),
]);

const BUILD_HINT = 'Build it with `pnpm --filter @atm/native build`.';

/**
 * Loads the addon from the first candidate path that exists.
 *
 * @example
 * const addon = loadAddon(); // { Trainer }
 */
function loadAddon(candidates = addonPaths) {
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    try {
      return require(file);
    } catch (cause) {
      throw new Error(`@atm/native: ${file} exists but could not be loaded (${cause.message}). ${BUILD_HINT}`, { cause });
    }
  }
  throw new Error(
    `@atm/native: the compiled addon was not found. Tried:\n${candidates.map((f) => `  - ${f}`).join('\n')}\n${BUILD_HINT}`,
  );
}

let defaultAddon;
let loadError;
try {
  defaultAddon = loadAddon();
} catch (error) {
  loadError = error;
}

/**
 * True when the compiled addon loaded; otherwise `loadError` says why.
 *
 * @example
 * const backend = isAvailable() ? createNativeBackend() : new TsBackend();
 */
function isAvailable() {
  return defaultAddon !== undefined;
}

const SETUP_ARRAYS = [
  'docOffsets',
  'tokens',
  'docAuthorOffsets',
  'docAuthors',
  'docOrder',
  'workerOffsets',
  'authorTokenOffsets',
  'authorTokens',
];
const STATE_ARRAYS = ['alpha', 'beta', 'z', 'y', 'nwk', 'nk', 'nak', 'na'];

function show(value) {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return value.constructor.name;
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === 'object') return value.constructor?.name ?? 'object';
  return String(value);
}

function invalid(what, name, value) {
  return `Expected ${what} for ${name} but received ${show(value)}`;
}

function expectObject(value, name) {
  if (value === null || typeof value !== 'object') throw new TypeError(invalid('an object', name, value));
}

function expectInteger(value, name, min, max) {
  const what = `an integer from ${min} to ${max}`;
  if (typeof value !== 'number') throw new TypeError(invalid(what, name, value));
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(invalid(what, name, value));
}

function checkRequest(request) {
  expectObject(request, 'request');
  expectInteger(request.firstSweep, 'request.firstSweep', 0, Number.MAX_SAFE_INTEGER);
  expectInteger(request.sweeps, 'request.sweeps', 0, 2 ** 32 - 1);
  expectInteger(request.seed, 'request.seed', Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (request.sampler !== 'dense' && request.sampler !== 'mh') {
    const Err = typeof request.sampler === 'string' ? RangeError : TypeError;
    throw new Err(invalid("'dense' or 'mh'", 'request.sampler', request.sampler));
  }
  if (request.sampler === 'mh' || request.mhSteps !== undefined)
    expectInteger(request.mhSteps, 'request.mhSteps', 0, 2 ** 32 - 1);
  if (request.onSweep !== undefined && typeof request.onSweep !== 'function')
    throw new TypeError(invalid('a function', 'request.onSweep', request.onSweep));
  const { signal } = request;
  if (signal !== undefined && (signal === null || typeof signal.aborted !== 'boolean' || typeof signal.addEventListener !== 'function'))
    throw new TypeError(invalid('an AbortSignal', 'request.signal', signal));
}

/** The values a trainer was built from: a new one is needed when any of them changes. */
function identity(setup, state) {
  return [
    setup.numTopics,
    setup.numTerms,
    setup.numAuthors,
    ...SETUP_ARRAYS.map((k) => setup[k]),
    ...STATE_ARRAYS.map((k) => state[k]),
  ];
}

/** addon → (state → { key, trainer }). */
const trainerCaches = new WeakMap();

/**
 * A `Backend` (see @atm/core) that runs sweeps in C++ off the main thread. With the same seed,
 * setup and state it leaves the state bit-identical to the TypeScript backend, for any number of
 * workers (`setup.workerOffsets.length - 1` threads).
 *
 * One native Trainer is kept per state object (a WeakMap shared by all backends on the same addon)
 * and reused while the state's and the setup's arrays are the same objects. While a run is in flight the arrays belong to the sampler:
 * read or write them only inside `onSweep`, which is called after each sweep with the state
 * quiescent (the next sweep waits for it), as with the TypeScript backend.
 *
 * @example
 * const backend = createNativeBackend();
 * const done = await backend.run(setup, state, { firstSweep: 0, sweeps: 50, seed: 42, sampler: 'dense', mhSteps: 2 });
 */
function createNativeBackend(options = {}) {
  expectObject(options, 'options');
  const addon = options.addon ?? defaultAddon;
  if (addon === undefined) throw loadError;
  if (typeof addon.Trainer !== 'function') throw new TypeError(invalid('an addon with a Trainer class', 'options.addon', addon));
  // Shared by every backend on this addon, so `logLikelihood` and a model's backend use one trainer.
  let trainers = trainerCaches.get(addon);
  if (trainers === undefined) trainerCaches.set(addon, (trainers = new WeakMap()));

  function trainerFor(setup, state) {
    expectObject(setup, 'setup');
    expectObject(state, 'state');
    const key = identity(setup, state);
    const cached = trainers.get(state);
    if (cached !== undefined && cached.key.every((v, i) => v === key[i])) return cached.trainer;
    if (cached !== undefined && cached.trainer.busy)
      throw new Error('@atm/native: this state is being trained with other arrays; await that run first');
    const threads = ArrayBuffer.isView(setup.workerOffsets) ? setup.workerOffsets.length - 1 : 1;
    const trainer = new addon.Trainer(setup, state, threads);
    trainers.set(state, { key, trainer });
    return trainer;
  }

  return {
    name: 'native',

    /**
     * Runs up to `request.sweeps` sweeps; resolves with the number completed (fewer when aborted).
     *
     * @example
     * const controller = new AbortController();
     * const done = await backend.run(setup, state, { firstSweep: 10, sweeps: 100, seed: 7, sampler: 'mh', mhSteps: 2,
     *   onSweep: (n) => console.log(`sweep ${n}`), signal: controller.signal });
     */
    async run(setup, state, request) {
      checkRequest(request);
      const { signal } = request;
      if (signal?.aborted) return 0;
      const trainer = trainerFor(setup, state);
      const onAbort = () => trainer.cancel();
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        return await trainer.run(
          request.firstSweep,
          request.sweeps,
          request.seed,
          request.sampler,
          request.mhSteps,
          request.onSweep,
        );
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },

    /**
     * Joint log p(w, z | y, α, β) of the state (between runs, or inside onSweep).
     *
     * @example
     * const ll = backend.logLikelihood(setup, state);
     */
    logLikelihood(setup, state) {
      return trainerFor(setup, state).logLikelihood();
    },
  };
}

let sharedBackend;

/**
 * Joint log p(w, z | y, α, β) of a state, computed natively.
 *
 * @example
 * const ll = logLikelihood(setup, state);
 */
function logLikelihood(setup, state) {
  sharedBackend ??= createNativeBackend();
  return sharedBackend.logLikelihood(setup, state);
}

module.exports = { createNativeBackend, isAvailable, loadError, logLikelihood, loadAddon, addonPaths };
