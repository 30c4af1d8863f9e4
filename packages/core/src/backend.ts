/**
 * The contract between the model and a sampler backend.
 *
 * The model owns every array: the corpus layout ({@link TrainingSetup}) and the sampler
 * state ({@link SamplerState}) are plain typed arrays that a backend mutates in place.
 * The TypeScript backend is the readable reference; the native one runs the same steps
 * in C++ (native/core/sampler.h). With the same seed and one thread both leave the state
 * bit-identical after any number of sweeps.
 */

/** Exact collapsed Gibbs over all K topics, or Metropolis–Hastings with alias proposals (O(1) per token). */
export type SamplerKind = 'dense' | 'mh';

/** Read-only corpus layout shared by every sweep. */
export interface TrainingSetup {
  numTopics: number;
  numTerms: number;
  numAuthors: number;
  docOffsets: Uint32Array;
  tokens: Uint32Array;
  docAuthorOffsets: Uint32Array;
  docAuthors: Uint32Array;
  /** Documents in processing order, grouped by worker; a permutation of 0..D-1. */
  docOrder: Uint32Array;
  /** Worker t owns docOrder[workerOffsets[t] .. workerOffsets[t+1]); length threads + 1. */
  workerOffsets: Uint32Array;
  /** Token positions grouped by author (single-author corpora only; used by the MH author proposal). */
  authorTokenOffsets: Uint32Array;
  authorTokens: Uint32Array;
}

/** Mutable sampler state; counts are always consistent with z and y between sweeps. */
export interface SamplerState {
  /** Dirichlet prior on author–topic mixtures, per topic. */
  alpha: Float64Array;
  /** Symmetric Dirichlet prior on topic–term distributions (a one-element array so backends share it). */
  beta: Float64Array;
  /** Topic of each token. */
  z: Uint32Array;
  /** Position, within its document's author list, of the author each token is assigned to. */
  y: Uint32Array;
  /** Term–topic counts, V x K, term-major. */
  nwk: Int32Array;
  /** Tokens per topic, K. */
  nk: Int32Array;
  /** Author–topic counts, A x K. */
  nak: Int32Array;
  /** Tokens per author, A. */
  na: Int32Array;
}

export interface SweepRequest {
  /** Global index of the first sweep: the RNG stream of sweep s, worker t is (seed, s, t). */
  firstSweep: number;
  sweeps: number;
  seed: number;
  sampler: SamplerKind;
  /** Metropolis–Hastings cycles (word proposal + author proposal) per token. */
  mhSteps: number;
  /** Called after each completed sweep with the number of sweeps done in this request. */
  onSweep?: (done: number) => void;
  signal?: AbortSignal;
}

export interface Backend {
  readonly name: 'ts' | 'native';
  /** Runs up to `sweeps` sweeps; resolves with the number completed (fewer when aborted). */
  run(setup: TrainingSetup, state: SamplerState, request: SweepRequest): Promise<number>;
}
