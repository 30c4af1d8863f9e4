import type { Backend, SamplerKind, SamplerState, TrainingSetup } from './backend.js';
import { resolveBackend, type BackendChoice } from './backends.js';
import { Corpus, type DocumentInput } from './corpus.js';
import { expectPositiveFinite, expectPositiveInteger, invalid, isNonNegativeInteger } from './errors.js';
import { heldOutLikelihood, topIndices, type PointEstimates } from './evaluation.js';
import { optimizeAlpha, optimizeBeta } from './hyperparameters.js';
import { jointLogLikelihood } from './likelihood.js';
import { sum } from './math.js';
import { readModelFile, writeModelFile } from './model-file.js';
import { authorTopicMatrix, topicTermMatrix } from './probabilities.js';
import { Rng } from './rng.js';
import { buildSetup, initialState } from './setup.js';

export interface ModelOptions {
  numTopics: number;
  /** Dirichlet prior on customers' topic mixtures: a number (symmetric) or one value per topic. Default 50/K (Griffiths & Steyvers 2004). */
  alpha?: number | readonly number[] | Float64Array;
  /** Symmetric Dirichlet prior on topics' term distributions. Default 0.01. */
  beta?: number;
  /** Seed of every random draw; the same seed and `threads: 1` reproduce a run exactly, on either backend. Default 1. */
  seed?: number;
  /** `auto` (native when the addon loads, else TypeScript), `ts`, `native`, or a Backend object. Default `auto`. */
  backend?: BackendChoice | Backend;
  /**
   * Parallel workers (AD-LDA: each worker samples its own customers against a copy of the topic–term
   * counts, merged after every sweep). Reproducible for a fixed seed AND thread count. The TS backend
   * simulates the workers one after the other, so it matches the native backend exactly. Default 1.
   */
  threads?: number;
  /** `dense` exact Gibbs, `mh` Metropolis–Hastings with alias proposals, `auto` = mh when K ≥ 64 and every basket has one customer. */
  sampler?: 'auto' | SamplerKind;
  /** MH cycles per token. Default 2. */
  mhSteps?: number;
  /**
   * Re-estimate an asymmetric α and a symmetric β every this many sweeps (Minka's fixed point, as in
   * MALLET's `--optimize-interval`); 0 keeps the fixed symmetric priors. Default 0.
   */
  optimizeInterval?: number;
  /** Sweeps before the first hyperparameter update (and before `iterations: 'auto'` may stop). Default 50. */
  burnIn?: number;
}

export interface FitProgress {
  /** Sweeps completed by this model so far, over all fit calls. */
  sweep: number;
  /** Sweeps completed in this fit call, and its total. */
  iteration: number;
  iterations: number;
  tokensPerSecond: number;
  /** Present on sweeps where the log-likelihood was evaluated. */
  logLikelihood?: number;
  heldOutPerplexity?: number;
}

export interface FitOptions {
  /** Sweeps to run, or `'auto'`: stop when the tracked figure stops improving (see `tolerance`). */
  iterations: number | 'auto';
  signal?: AbortSignal;
  onProgress?: (p: FitProgress) => void;
  /** Evaluate the joint log-likelihood (and held-out perplexity) every this many sweeps, and after the last. Default 10. */
  evalEvery?: number;
  /** Held-out documents (same vocabularies) whose perplexity is tracked, and drives `'auto'` when given. */
  heldOut?: Corpus;
  /** `'auto'`: the most sweeps to run. Default 1000. */
  maxIterations?: number;
  /**
   * `'auto'`: stop once the relative improvement over the last `window` evaluations falls below this:
   * held-out perplexity when `heldOut` is given, else the training log-likelihood. Default 1e-4.
   */
  tolerance?: number;
  /** `'auto'`: evaluations compared by the stopping rule. Default 5. */
  window?: number;
  /**
   * Average θ and φ over this many states spaced `sampleLag` sweeps apart at the end of training
   * (the posterior mean along the chain) instead of using the last state alone. Default 1.
   */
  posteriorSamples?: number;
  /** Sweeps between averaged samples. Default 10. */
  sampleLag?: number;
}

export interface TracePoint {
  sweep: number;
  logLikelihood: number;
  /** Training seconds up to this point (sampling only, evaluation excluded). */
  seconds: number;
  heldOutPerplexity?: number;
  /** Σα and β at this point, when hyperparameters are optimized. */
  alphaSum?: number;
  beta?: number;
}

/** The stopping rule of `iterations: 'auto'`. */
export function converged(trace: readonly TracePoint[], window: number, tolerance: number): boolean {
  if (trace.length <= window) return false;
  const now = trace[trace.length - 1];
  const then = trace[trace.length - 1 - window];
  if (now.heldOutPerplexity !== undefined && then.heldOutPerplexity !== undefined)
    return (then.heldOutPerplexity - now.heldOutPerplexity) / then.heldOutPerplexity < tolerance;
  return (now.logLikelihood - then.logLikelihood) / Math.abs(now.logLikelihood) < tolerance;
}

export interface InferOptions {
  /** Known customers of the basket: their topic counts become the prior (the model's predictive for them). */
  authors?: readonly string[];
  /**
   * With `authors`: the prior becomes `α_k + priorStrength · θ̂_k`, θ̂ the mean over the customers of
   * `(n_ak + α_k) / (n_a + Σα)`, i.e. their mixture worth a fixed number of pseudo-counts, so that a
   * long history no longer drowns the basket's own topics. Positive and finite; undefined keeps the
   * full counts `n_ak + α_k`. Ignored without `authors`.
   */
  priorStrength?: number;
  iterations?: number;
  burnIn?: number;
  seed?: number;
}

const INFER_STREAM = 0xfffffffe;
const DEFAULT_BETA = 0.01;

/**
 * The author-topic model (Rosen-Zvi et al. 2004) trained by collapsed Gibbs sampling.
 * Customers are authors, baskets are documents, products are terms.
 *
 * @example
 * const model = new AuthorTopicModel({ numTopics: 20, seed: 7 });
 * await model.fit(corpus, { iterations: 200 });
 * model.getAuthorTopics('CUST0000123456');
 * model.getTopicTerms(0, 10);
 */
export class AuthorTopicModel {
  readonly numTopics: number;
  readonly seed: number;
  readonly threads: number;
  readonly mhSteps: number;
  private readonly backendChoice: BackendChoice | Backend;
  private readonly samplerChoice: 'auto' | SamplerKind;
  private readonly alphaInit: Float64Array;
  private readonly betaInit: number;
  private corpusRef?: Corpus;
  private setup?: TrainingSetup;
  private stateRef?: SamplerState;
  private backendRef?: Backend;
  private sweeps = 0;
  private training = false;
  private traceList: TracePoint[] = [];
  private secondsTrained = 0;
  private cache: { phi?: Float64Array; theta?: Float64Array } = {};
  private averaged?: { phi: Float64Array; theta: Float64Array; samples: number };
  private lastRate = 0;
  /** Free-form JSON metadata saved with the model (the CLI records the data level, filters and evaluation). */
  metadata: Record<string, unknown> = {};
  readonly optimizeInterval: number;
  readonly burnIn: number;

  constructor(options: ModelOptions) {
    if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
    const known = ['numTopics', 'alpha', 'beta', 'seed', 'backend', 'threads', 'sampler', 'mhSteps', 'optimizeInterval', 'burnIn'];
    for (const key of Object.keys(options)) if (!known.includes(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)}; known options are ${known.join(', ')}`);
    this.numTopics = expectPositiveInteger(options.numTopics, 'numTopics');
    const K = this.numTopics;
    const alpha = options.alpha ?? 50 / K;
    if (typeof alpha === 'number') this.alphaInit = new Float64Array(K).fill(expectPositiveFinite(alpha, 'alpha'));
    else {
      if (alpha.length !== K) throw new RangeError(invalid(`${K} values (one per topic)`, 'alpha', alpha));
      this.alphaInit = Float64Array.from(alpha, (a, k) => expectPositiveFinite(a, `alpha[${k}]`));
    }
    this.betaInit = expectPositiveFinite(options.beta ?? DEFAULT_BETA, 'beta');
    const seed = options.seed ?? 1;
    if (!isNonNegativeInteger(seed) || seed > 0xffffffff) throw new RangeError(invalid('an integer in [0, 2^32)', 'seed', seed));
    this.seed = seed;
    this.threads = expectPositiveInteger(options.threads ?? 1, 'threads');
    this.mhSteps = expectPositiveInteger(options.mhSteps ?? 2, 'mhSteps');
    const backend = options.backend ?? 'auto';
    if (typeof backend !== 'object' && !['auto', 'ts', 'native'].includes(backend))
      throw new RangeError(invalid("'auto', 'ts', 'native' or a Backend", 'backend', backend));
    this.backendChoice = backend;
    const sampler = options.sampler ?? 'auto';
    if (!['auto', 'dense', 'mh'].includes(sampler)) throw new RangeError(invalid("'auto', 'dense' or 'mh'", 'sampler', sampler));
    this.samplerChoice = sampler;
    const interval = options.optimizeInterval ?? 0;
    if (!isNonNegativeInteger(interval)) throw new RangeError(invalid('a non-negative integer', 'optimizeInterval', interval));
    this.optimizeInterval = interval;
    const burnIn = options.burnIn ?? 50;
    if (!isNonNegativeInteger(burnIn)) throw new RangeError(invalid('a non-negative integer', 'burnIn', burnIn));
    this.burnIn = burnIn;
  }

  /** The corpus the model is trained on. */
  get corpus(): Corpus {
    return this.need().corpus;
  }
  /** The sampler state (read-only use: counts and assignments). */
  get state(): SamplerState {
    return this.need().state;
  }
  get sweepsDone(): number {
    return this.sweeps;
  }
  get trace(): readonly TracePoint[] {
    return this.traceList;
  }
  get backendName(): string | undefined {
    return this.backendRef?.name;
  }
  /** The sampler actually used (after resolving `auto`). */
  get sampler(): SamplerKind {
    const corpus = this.corpusRef;
    if (this.samplerChoice !== 'auto') return this.samplerChoice;
    return this.numTopics >= 64 && corpus !== undefined && corpus.singleAuthor ? 'mh' : 'dense';
  }
  get alpha(): Float64Array {
    return this.stateRef ? this.stateRef.alpha : this.alphaInit;
  }
  get beta(): number {
    return this.stateRef ? this.stateRef.beta[0] : this.betaInit;
  }

  /**
   * Trains for `iterations` Gibbs sweeps, or until converged with `iterations: 'auto'`. Calling it again
   * (with the same corpus, or none) continues the same chain: fit(c, 10) then fit(c, 10) equals fit(c, 20).
   */
  async fit(corpus: Corpus | undefined, options: FitOptions): Promise<this> {
    if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
    const auto = options.iterations === 'auto';
    if (!auto && !isNonNegativeInteger(options.iterations)) throw new RangeError(invalid("a non-negative integer or 'auto'", 'iterations', options.iterations));
    const target = auto ? expectPositiveInteger(options.maxIterations ?? 1000, 'maxIterations') : (options.iterations as number);
    const evalEvery = expectPositiveInteger(options.evalEvery ?? 10, 'evalEvery');
    const window = expectPositiveInteger(options.window ?? 5, 'window');
    const tolerance = expectPositiveFinite(options.tolerance ?? 1e-4, 'tolerance');
    const samples = expectPositiveInteger(options.posteriorSamples ?? 1, 'posteriorSamples');
    const lag = expectPositiveInteger(options.sampleLag ?? 10, 'sampleLag');
    if (this.training) throw new Error('This model is already training; wait for the running fit() to finish');
    if (corpus !== undefined && !(corpus instanceof Corpus)) throw new TypeError(invalid('a Corpus', 'corpus', corpus));
    if (corpus === undefined && this.corpusRef === undefined) throw new TypeError('The first fit() needs a corpus');
    if (corpus !== undefined && this.corpusRef !== undefined && corpus !== this.corpusRef)
      throw new Error('This model was trained on another corpus; create a new model to train on a different one');
    const heldOut = options.heldOut;
    if (heldOut !== undefined && !(heldOut instanceof Corpus)) throw new TypeError(invalid('a Corpus', 'heldOut', heldOut));
    if (this.samplerChoice === 'mh' && corpus && !corpus.singleAuthor)
      throw new RangeError("sampler 'mh' needs every document to have exactly one author; use 'dense' (or 'auto')");
    this.training = true;
    try {
      const backend = (this.backendRef ??= await resolveBackend(this.backendChoice));
      if (!this.corpusRef) {
        this.corpusRef = corpus!;
        this.setup = buildSetup(corpus!, this.numTopics, this.threads);
        this.stateRef = initialState(corpus!, this.numTopics, this.alphaInit, this.betaInit, this.seed);
      }
      this.averaged = undefined;
      let done = 0;
      const step = async (sweeps: number, reportLast = true): Promise<boolean> => {
        const ran = await this.runSweeps(backend, sweeps, options, done, target, reportLast);
        done += ran;
        return ran === sweeps;
      };
      while (done < target && !options.signal?.aborted) {
        let boundary = evalEvery - (this.sweeps % evalEvery);
        if (this.optimizeInterval > 0) boundary = Math.min(boundary, this.optimizeInterval - (this.sweeps % this.optimizeInterval));
        const chunk = Math.min(boundary, target - done);
        const evaluating = (this.sweeps + chunk) % evalEvery === 0 || done + chunk === target;
        if (!(await step(chunk, !evaluating))) break;
        if (this.optimizeInterval > 0 && this.sweeps % this.optimizeInterval === 0 && this.sweeps >= this.burnIn) this.optimizeHyperparameters();
        if (evaluating) {
          const point = this.evaluate(heldOut);
          options.onProgress?.({ sweep: this.sweeps, iteration: done, iterations: target, tokensPerSecond: this.lastRate, logLikelihood: point.logLikelihood, heldOutPerplexity: point.heldOutPerplexity });
          if (auto && this.sweeps >= this.burnIn && converged(this.traceList, window, tolerance)) break;
        }
      }
      if (samples > 1 && !options.signal?.aborted) await this.averageSamples(samples, lag, async (n) => step(n));
      return this;
    } finally {
      this.training = false;
    }
  }

  /** Runs `sweeps` sweeps on the backend, reporting each (the last one only if `reportLast`: else it is reported with its evaluation). */
  private async runSweeps(backend: Backend, sweeps: number, options: FitOptions, doneBefore: number, target: number, reportLast: boolean): Promise<number> {
    const tokens = this.corpusRef!.numTokens;
    const started = performance.now();
    let lastTick = started;
    const firstSweep = this.sweeps;
    const ran = await backend.run(this.setup!, this.stateRef!, {
      firstSweep,
      sweeps,
      seed: this.seed,
      sampler: this.sampler,
      mhSteps: this.mhSteps,
      signal: options.signal,
      onSweep: (n) => {
        const now = performance.now();
        this.lastRate = tokens / ((now - lastTick) / 1000);
        lastTick = now;
        if (n < sweeps || reportLast) options.onProgress?.({ sweep: firstSweep + n, iteration: doneBefore + n, iterations: target, tokensPerSecond: this.lastRate });
      },
    });
    if (ran > 0) this.lastRate = (tokens * ran) / ((performance.now() - started) / 1000);
    this.sweeps += ran;
    this.secondsTrained += (performance.now() - started) / 1000;
    this.cache = {};
    return ran;
  }

  private evaluate(heldOut: Corpus | undefined): TracePoint {
    const point: TracePoint = { sweep: this.sweeps, logLikelihood: this.logLikelihood(), seconds: this.secondsTrained };
    if (heldOut) point.heldOutPerplexity = heldOutLikelihood(this.estimates(), heldOut).perplexity;
    if (this.optimizeInterval > 0) {
      point.alphaSum = sum(this.stateRef!.alpha);
      point.beta = this.stateRef!.beta[0];
    }
    this.traceList.push(point);
    return point;
  }

  private optimizeHyperparameters(): void {
    const corpus = this.corpusRef!;
    optimizeAlpha(this.stateRef!, this.numTopics, corpus.numAuthors);
    optimizeBeta(this.stateRef!, this.numTopics, corpus.numTerms);
    this.cache = {};
  }

  /** Posterior mean of θ and φ over `samples` states spaced `lag` sweeps apart (the current state first). */
  private async averageSamples(samples: number, lag: number, step: (n: number) => Promise<boolean>): Promise<void> {
    const phi = Float64Array.from(this.topicTermMatrix());
    const theta = Float64Array.from(this.authorTopicMatrix());
    let taken = 1;
    for (; taken < samples; taken++) {
      if (!(await step(lag))) break;
      const p = this.topicTermMatrix();
      const t = this.authorTopicMatrix();
      for (let i = 0; i < phi.length; i++) phi[i] += p[i];
      for (let i = 0; i < theta.length; i++) theta[i] += t[i];
    }
    for (let i = 0; i < phi.length; i++) phi[i] /= taken;
    for (let i = 0; i < theta.length; i++) theta[i] /= taken;
    this.averaged = { phi, theta, samples: taken };
    this.cache = {};
  }

  /** Joint log-likelihood log p(w, z | y) of the current state. */
  logLikelihood(): number {
    const { corpus, state } = this.need();
    return jointLogLikelihood(state, this.numTopics, corpus.numTerms, corpus.numAuthors);
  }

  /** Topic–term matrix φ, K x V row-major, rows normalized. */
  topicTermMatrix(): Float64Array {
    const { corpus, state } = this.need();
    if (this.averaged) return this.averaged.phi;
    return (this.cache.phi ??= topicTermMatrix(state, this.numTopics, corpus.numTerms));
  }

  /** Author–topic matrix θ, A x K row-major (rows follow `corpus.authorIds`), rows normalized. */
  authorTopicMatrix(): Float64Array {
    const { corpus, state } = this.need();
    if (this.averaged) return this.averaged.theta;
    return (this.cache.theta ??= authorTopicMatrix(state, this.numTopics, corpus.numAuthors));
  }

  /** θ and φ with their shapes, the input of the evaluation functions. */
  estimates(): PointEstimates {
    const { corpus } = this.need();
    return { numTopics: this.numTopics, numTerms: corpus.numTerms, numAuthors: corpus.numAuthors, theta: this.authorTopicMatrix(), phi: this.topicTermMatrix() };
  }

  /** A customer's topics with probability ≥ minProbability, most probable first. */
  getAuthorTopics(author: string, options: { minProbability?: number } = {}): { topic: number; probability: number }[] {
    const { corpus } = this.need();
    const a = corpus.authorIndex(author);
    if (a === undefined) throw new RangeError(`Unknown author ${JSON.stringify(author)}: it has no documents in the training corpus`);
    const min = options.minProbability ?? 0;
    const K = this.numTopics;
    const theta = this.authorTopicMatrix();
    const out: { topic: number; probability: number }[] = [];
    for (let k = 0; k < K; k++) if (theta[a * K + k] >= min) out.push({ topic: k, probability: theta[a * K + k] });
    return out.sort((x, y) => y.probability - x.probability || x.topic - y.topic);
  }

  /** A topic's `topN` most probable terms. */
  getTopicTerms(topic: number, topN = 10): { term: string; probability: number }[] {
    const { corpus } = this.need();
    if (!isNonNegativeInteger(topic) || topic >= this.numTopics) throw new RangeError(invalid(`a topic in [0, ${this.numTopics})`, 'topic', topic));
    expectPositiveInteger(topN, 'topN');
    const V = corpus.numTerms;
    const phi = this.topicTermMatrix();
    return topIndices(phi, topN, topic * V, V).map((w) => ({ term: corpus.terms[w], probability: phi[topic * V + w] }));
  }

  /**
   * Topic distribution of an unseen basket by fold-in Gibbs sampling with φ fixed. With `authors`,
   * the customers' topic counts (plus α) are the prior, so the result is the model's predictive for
   * that customer given the basket; without, the prior is α. `priorStrength` gives the customers' mixture
   * the weight of that many pseudo-counts instead (see {@link InferOptions}). Unknown terms are ignored.
   * Deterministic.
   *
   * @example
   * model.inferDocument(['CL00001', 'CL00042'], { authors: ['CUST0000123456'] });
   * model.inferDocument(['CL00001', 'CL00042'], { authors: ['CUST0000123456'], priorStrength: 10 });
   */
  inferDocument(terms: DocumentInput['terms'], options: InferOptions = {}): Float64Array {
    const ids = this.termIds(terms);
    return this.foldIn(ids, this.priorFor(options.authors, options.priorStrength), options);
  }

  /** Topic mixture of an unseen customer from their baskets (fold-in over all their terms, prior α). */
  inferAuthor(documents: readonly DocumentInput['terms'][], options: Omit<InferOptions, 'authors' | 'priorStrength'> = {}): Float64Array {
    const ids: number[] = [];
    for (const d of documents) ids.push(...this.termIds(d));
    return this.foldIn(ids, Float64Array.from(this.alpha), options);
  }

  private termIds(terms: DocumentInput['terms']): number[] {
    const { corpus } = this.need();
    const ids: number[] = [];
    const push = (t: string, c: number): void => {
      if (!Number.isInteger(c) || c < 0) throw new RangeError(invalid('a non-negative integer count', `terms[${JSON.stringify(t)}]`, c));
      const w = corpus.termIndex(t);
      if (w !== undefined) for (let i = 0; i < c; i++) ids.push(w);
    };
    if (Array.isArray(terms)) for (const t of terms) push(t, 1);
    else if (terms instanceof Map) for (const [t, c] of terms) push(t, c);
    else if (terms && typeof terms === 'object') for (const [t, c] of Object.entries(terms)) push(t, c as number);
    else throw new TypeError(invalid('an array, Map or record of terms', 'terms', terms));
    return ids;
  }

  /**
   * The fold-in prior: α alone without customers; with them, the mean of `n_ak + α_k`, or with a
   * `strength` s, `α_k + s · mean of (n_ak + α_k) / (n_a + Σα)`.
   */
  private priorFor(authors: readonly string[] | undefined, strength?: number): Float64Array {
    const { corpus, state } = this.need();
    const K = this.numTopics;
    if (strength !== undefined) expectPositiveFinite(strength, 'priorStrength');
    const prior = Float64Array.from(state.alpha);
    if (!authors || authors.length === 0) return prior;
    const alphaSum = sum(state.alpha);
    prior.fill(0);
    for (const author of authors) {
      const a = corpus.authorIndex(author);
      if (a === undefined) throw new RangeError(`Unknown author ${JSON.stringify(author)}: it has no documents in the training corpus`);
      if (strength === undefined) for (let k = 0; k < K; k++) prior[k] += (state.nak[a * K + k] + state.alpha[k]) / authors.length;
      else for (let k = 0; k < K; k++) prior[k] += (state.nak[a * K + k] + state.alpha[k]) / (state.na[a] + alphaSum) / authors.length;
    }
    if (strength !== undefined) for (let k = 0; k < K; k++) prior[k] = state.alpha[k] + strength * prior[k];
    return prior;
  }

  /** Fold-in Gibbs for one bag of term ids against fixed φ; returns the averaged topic distribution. */
  foldIn(ids: readonly number[], prior: Float64Array, options: Omit<InferOptions, 'authors'> = {}): Float64Array {
    const K = this.numTopics;
    const { corpus } = this.need();
    const V = corpus.numTerms;
    const iterations = expectPositiveInteger(options.iterations ?? 50, 'iterations');
    const burnIn = options.burnIn ?? Math.floor(iterations / 2);
    if (!isNonNegativeInteger(burnIn) || burnIn >= iterations) throw new RangeError(invalid(`an integer in [0, ${iterations})`, 'burnIn', burnIn));
    const phi = this.topicTermMatrix();
    const priorSum = sum(prior);
    const out = new Float64Array(K);
    if (ids.length === 0) {
      for (let k = 0; k < K; k++) out[k] = prior[k] / priorSum;
      return out;
    }
    const rng = Rng.forStream(options.seed ?? this.seed, INFER_STREAM, 0);
    const z = new Int32Array(ids.length);
    const ndk = new Float64Array(K);
    const cdf = new Float64Array(K);
    for (let i = 0; i < ids.length; i++) {
      z[i] = rng.below(K);
      ndk[z[i]]++;
    }
    let samples = 0;
    for (let it = 0; it < iterations; it++) {
      for (let i = 0; i < ids.length; i++) {
        ndk[z[i]]--;
        const w = ids[i];
        let s = 0;
        for (let k = 0; k < K; k++) {
          s += phi[k * V + w] * (ndk[k] + prior[k]);
          cdf[k] = s;
        }
        const u = rng.uniform() * s;
        let k = 0;
        while (k < K - 1 && u >= cdf[k]) k++;
        z[i] = k;
        ndk[k]++;
      }
      if (it >= burnIn) {
        for (let k = 0; k < K; k++) out[k] += (ndk[k] + prior[k]) / (ids.length + priorSum);
        samples++;
      }
    }
    for (let k = 0; k < K; k++) out[k] /= samples;
    return out;
  }

  /** Writes the model (corpus, state, options and trace) to a versioned, checksummed file. */
  save(path: string): void {
    const { corpus, state } = this.need();
    const meta = {
      kind: 'atm-author-topic-model',
      numTopics: this.numTopics,
      seed: this.seed,
      threads: this.threads,
      sampler: this.samplerChoice,
      mhSteps: this.mhSteps,
      optimizeInterval: this.optimizeInterval,
      burnIn: this.burnIn,
      averagedSamples: this.averaged?.samples ?? 0,
      sweeps: this.sweeps,
      secondsTrained: this.secondsTrained,
      trace: this.traceList,
      metadata: this.metadata,
      docIds: corpus.docIds,
      authorIds: corpus.authorIds,
      terms: corpus.terms,
    };
    writeModelFile(path, meta, {
      docOffsets: corpus.docOffsets,
      tokens: corpus.tokens,
      docAuthorOffsets: corpus.docAuthorOffsets,
      docAuthors: corpus.docAuthors,
      alpha: state.alpha,
      beta: state.beta,
      z: state.z,
      y: state.y,
      nwk: state.nwk,
      nk: state.nk,
      nak: state.nak,
      na: state.na,
      ...(this.averaged ? { averagedPhi: this.averaged.phi, averagedTheta: this.averaged.theta } : {}),
    });
  }

  /**
   * Reads a model written by {@link save}. Training can continue with `fit(undefined, …)`.
   *
   * @example
   * const model = AuthorTopicModel.load('model.atm', { backend: 'ts' });
   */
  static load(path: string, options: { backend?: BackendChoice | Backend } = {}): AuthorTopicModel {
    const { meta, arrays } = readModelFile(path);
    const m = meta as Record<string, any>;
    if (m?.kind !== 'atm-author-topic-model') throw new Error(`Cannot load model file ${path}: it is not an author-topic model`);
    const need = (name: string): any => {
      if (!(name in arrays)) throw new Error(`Cannot load model file ${path}: array ${name} is missing`);
      return arrays[name];
    };
    const corpus = Corpus.fromArrays({
      docIds: m.docIds,
      authorIds: m.authorIds,
      terms: m.terms,
      docOffsets: need('docOffsets'),
      tokens: need('tokens'),
      docAuthorOffsets: need('docAuthorOffsets'),
      docAuthors: need('docAuthors'),
    });
    const model = new AuthorTopicModel({
      numTopics: m.numTopics,
      alpha: need('alpha'),
      beta: need('beta')[0],
      seed: m.seed,
      threads: m.threads,
      sampler: m.sampler,
      mhSteps: m.mhSteps,
      optimizeInterval: m.optimizeInterval ?? 0,
      burnIn: m.burnIn ?? 50,
      backend: options.backend ?? 'auto',
    });
    const K = m.numTopics;
    const state: SamplerState = { alpha: need('alpha'), beta: need('beta'), z: need('z'), y: need('y'), nwk: need('nwk'), nk: need('nk'), nak: need('nak'), na: need('na') };
    const expect: [string, number][] = [
      ['z', corpus.numTokens],
      ['y', corpus.numTokens],
      ['nwk', corpus.numTerms * K],
      ['nk', K],
      ['nak', corpus.numAuthors * K],
      ['na', corpus.numAuthors],
    ];
    for (const [name, len] of expect)
      if ((state as any)[name].length !== len) throw new Error(`Cannot load model file ${path}: array ${name} has ${(state as any)[name].length} values, expected ${len}`);
    model.corpusRef = corpus;
    model.setup = buildSetup(corpus, K, model.threads);
    model.stateRef = state;
    model.sweeps = m.sweeps;
    model.secondsTrained = m.secondsTrained ?? 0;
    model.traceList = m.trace ?? [];
    model.metadata = m.metadata ?? {};
    if (m.averagedSamples > 0) model.averaged = { phi: need('averagedPhi'), theta: need('averagedTheta'), samples: m.averagedSamples };
    return model;
  }

  private need(): { corpus: Corpus; state: SamplerState } {
    if (!this.corpusRef || !this.stateRef) throw new Error('The model is not trained yet: call fit() first');
    return { corpus: this.corpusRef, state: this.stateRef };
  }
}
