/**
 * @atm/native — the C++ collapsed Gibbs sampler for @atm/core.
 *
 * The types mirror packages/core/src/backend.ts structurally (this package cannot import
 * @atm/core, which depends on it), so `createNativeBackend()` is assignable to core's `Backend`.
 */

/** Exact collapsed Gibbs over all K topics, or Metropolis–Hastings with alias proposals. */
export type SamplerKind = 'dense' | 'mh';

/** Read-only corpus layout (core's TrainingSetup). */
export interface NativeTrainingSetup {
  numTopics: number;
  numTerms: number;
  numAuthors: number;
  docOffsets: Uint32Array;
  tokens: Uint32Array;
  docAuthorOffsets: Uint32Array;
  docAuthors: Uint32Array;
  docOrder: Uint32Array;
  workerOffsets: Uint32Array;
  authorTokenOffsets: Uint32Array;
  authorTokens: Uint32Array;
}

/** Mutable sampler state (core's SamplerState). */
export interface NativeSamplerState {
  alpha: Float64Array;
  beta: Float64Array;
  z: Uint32Array;
  y: Uint32Array;
  nwk: Int32Array;
  nk: Int32Array;
  nak: Int32Array;
  na: Int32Array;
}

/** One request (core's SweepRequest). */
export interface NativeSweepRequest {
  firstSweep: number;
  sweeps: number;
  seed: number;
  sampler: SamplerKind;
  mhSteps: number;
  /** Called after each sweep, with the state quiescent; the next sweep waits for it to return. */
  onSweep?: (done: number) => void;
  signal?: AbortSignal;
}

export interface NativeBackend {
  readonly name: 'native';
  run(setup: NativeTrainingSetup, state: NativeSamplerState, request: NativeSweepRequest): Promise<number>;
  /** Joint log p(w, z | y, α, β); throws while a run is in flight (except inside onSweep). */
  logLikelihood(setup: NativeTrainingSetup, state: NativeSamplerState): number;
}

/** The addon's Trainer: one (setup, state) pair, checked once and used in place. */
export interface NativeTrainer {
  run(
    firstSweep: number,
    sweeps: number,
    seed: number,
    sampler: SamplerKind,
    mhSteps: number | undefined,
    onSweep?: ((done: number) => void) | null,
  ): Promise<number>;
  cancel(): void;
  logLikelihood(): number;
  readonly busy: boolean;
  readonly threads: number;
}

export interface NativeAddon {
  Trainer: new (setup: NativeTrainingSetup, state: NativeSamplerState, threads: number) => NativeTrainer;
}

export interface CreateNativeBackendOptions {
  /** An addon to use instead of the compiled one (tests inject one). */
  addon?: NativeAddon;
}

/**
 * A Backend whose sweeps run in C++ off the main thread, bit-identical to the TypeScript backend.
 *
 * @example
 * const backend = createNativeBackend();
 * await backend.run(setup, state, { firstSweep: 0, sweeps: 50, seed: 42, sampler: 'dense', mhSteps: 2 });
 */
export declare function createNativeBackend(options?: CreateNativeBackendOptions): NativeBackend;

/**
 * True when the compiled addon loaded; otherwise `loadError` says why.
 *
 * @example
 * if (!isAvailable()) console.warn(loadError?.message);
 */
export declare function isAvailable(): boolean;

/** Why the compiled addon could not be loaded (undefined when it was). */
export declare const loadError: Error | undefined;

/**
 * Joint log p(w, z | y, α, β) of a state.
 *
 * @example
 * const ll = logLikelihood(setup, state);
 */
export declare function logLikelihood(setup: NativeTrainingSetup, state: NativeSamplerState): number;

/**
 * Loads the compiled addon from the first existing candidate path.
 *
 * @example
 * const addon = loadAddon();
 */
export declare function loadAddon(candidates?: readonly string[]): NativeAddon;

/** Where the compiled addon is looked for: build/Release, then build/Debug. */
export declare const addonPaths: readonly string[];
