/**
 * Sampling corpora from a known author-topic model, and the small random-variate helpers it needs
 * (normal, gamma, Dirichlet, Poisson, categorical). Every draw comes from an {@link Rng}, so a seed
 * fixes the output exactly; `Math.random` is never used.
 */
import type { DocumentInput } from './corpus.js';
import { expectPositiveFinite, expectPositiveInteger, invalid, isPositiveFinite } from './errors.js';
import { Rng } from './rng.js';

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** Options of {@link samplePlantedCorpus}. */
export interface PlantedOptions {
  numAuthors: number;
  numTerms: number;
  numTopics: number;
  /** Mean documents per author: each author gets `1 + Poisson(docsPerAuthor - 1)`, so at least 1 and exactly this mean. */
  docsPerAuthor: number;
  /** Mean tokens per document: `1 + Poisson(docLength - 1)`, so at least 1 and exactly this mean. */
  docLength: number;
  /** Min and max authors per document (uniform), default `[1, 1]`. The first author is the owner; co-authors are distinct, drawn at random. */
  authorsPerDoc?: [number, number];
  /**
   * Total Dirichlet concentration `c` of an author's mixture around its prototype: `theta ~ Dirichlet(c * prototype)`.
   * Without segments the prototype is uniform, so `theta ~ Dirichlet(c / K)`; the default there is `0.1 * K`
   * (0.1 per topic, sparse mixtures). With segments the default is `2 * K`, which keeps authors recognisably
   * near their segment's prototype (a prototype share p varies with standard deviation `sqrt(p(1-p)/(c+1))`).
   */
  authorConcentration?: number;
  /** Size of each topic's own block of terms (topic k owns terms `[k*B, (k+1)*B)`), default `floor(numTerms / numTopics)`. */
  topicTermsPerTopic?: number;
  /** Share of each topic's mass on its own block (the rest is spread uniformly over all terms), default 0.9. */
  topicPurity?: number;
  /** Authors fall into this many segments sharing a prototype mixture; default 0 = no segments. */
  numSegments?: number;
  /** Seed of the generator, default 1. */
  seed?: number;
}

/** A corpus sampled from a known model, with the model itself. */
export interface PlantedCorpus {
  /** Document ids `d0..`, authors `a0..`, terms `t0..`; terms are listed token by token. */
  documents: DocumentInput[];
  terms: string[];
  authorIds: string[];
  /** True topics, K x V row-major, rows sum to 1. */
  phi: Float64Array;
  /** True author mixtures, A x K row-major, rows sum to 1. */
  theta: Float64Array;
  /** True segment of each author (length A), -1 when there are no segments. */
  segments: Int32Array;
  /** Segment prototypes, S x K row-major, rows sum to 1 (empty when there are no segments). */
  prototypes: Float64Array;
}

/** Options of {@link samplePlantedTopics}. */
export interface PlantedTopicsOptions {
  numTopics: number;
  numTerms: number;
  /** Block size B: topic k owns terms `[k*B, (k+1)*B)`; default `floor(numTerms / numTopics)`. */
  termsPerTopic?: number;
  /** Share of mass on the own block, default 0.9; the rest is uniform over all terms. */
  purity?: number;
}

/** Options of {@link samplePlantedMixtures}. */
export interface PlantedMixturesOptions {
  numAuthors: number;
  numTopics: number;
  /** 0 = no segments (uniform prototype). */
  numSegments: number;
  /** Total Dirichlet concentration around the prototype; default as in {@link PlantedOptions.authorConcentration}. */
  concentration?: number;
  /** Relative segment sizes (length numSegments); default equal. */
  segmentWeights?: ArrayLike<number>;
}

/** Author mixtures and their segments, as drawn by {@link samplePlantedMixtures}. */
export interface PlantedMixtures {
  /** A x K row-major. */
  theta: Float64Array;
  /** Length A, -1 without segments. */
  segments: Int32Array;
  /** S x K row-major. */
  prototypes: Float64Array;
}

const PLANTED_KEYS = new Set([
  'numAuthors', 'numTerms', 'numTopics', 'docsPerAuthor', 'docLength', 'authorsPerDoc',
  'authorConcentration', 'topicTermsPerTopic', 'topicPurity', 'numSegments', 'seed',
]);

/** Uniform double in the open interval (0, 1): safe for `log` and `pow(u, 1/a)`. */
export function sampleOpenUniform(rng: Rng): number {
  return (rng.nextU32() + 0.5) * TWO_POW_MINUS_32;
}

/**
 * Standard normal variate (Marsaglia's polar method).
 *
 * @example
 * const z = sampleNormal(new Rng(7)); // mean 0, sd 1
 */
export function sampleNormal(rng: Rng): number {
  for (;;) {
    const x = 2 * rng.uniform() - 1;
    const y = 2 * rng.uniform() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/**
 * Gamma(shape, 1) variate by Marsaglia–Tsang; for shape < 1 the boost `Gamma(shape + 1) * U^(1/shape)`.
 *
 * @example
 * const g = sampleGamma(new Rng(7), 2.5); // mean 2.5, variance 2.5
 */
export function sampleGamma(rng: Rng, shape: number): number {
  if (!isPositiveFinite(shape)) throw new RangeError(invalid('a positive finite number', 'shape', shape));
  if (shape < 1) return gammaAtLeastOne(rng, shape + 1) * Math.pow(sampleOpenUniform(rng), 1 / shape);
  return gammaAtLeastOne(rng, shape);
}

function gammaAtLeastOne(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = sampleOpenUniform(rng);
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Dirichlet(alpha) variate, written into `out` (allocated when omitted). Should every gamma draw underflow
 * to 0 (tiny alphas), all the mass goes to one component drawn with probability proportional to alpha.
 *
 * @example
 * const p = sampleDirichlet(new Rng(7), [1, 1, 1]); // uniform on the simplex; p sums to 1
 */
export function sampleDirichlet(rng: Rng, alpha: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = alpha.length;
  if (n === 0) throw new RangeError(invalid('a non-empty array of concentrations', 'alpha', alpha));
  const result = out ?? new Float64Array(n);
  if (result.length !== n) throw new RangeError(invalid(`a Float64Array of length ${n}`, 'out', result.length));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const g = sampleGamma(rng, alpha[i]);
    result[i] = g;
    sum += g;
  }
  if (sum > 0) {
    for (let i = 0; i < n; i++) result[i] /= sum;
  } else {
    const pick = sampleCategorical(rng, alpha);
    result.fill(0);
    result[pick] = 1;
  }
  return result;
}

const LOG_FACTORIAL_SMALL = (() => {
  const t = new Float64Array(16);
  for (let k = 2; k < 16; k++) t[k] = t[k - 1] + Math.log(k);
  return t;
})();

/** log(k!) exactly for small k, by Stirling's series (error < 1e-12) above. */
function logFactorial(k: number): number {
  if (k < 16) return LOG_FACTORIAL_SMALL[k];
  const n = k + 1;
  const r = 1 / n;
  const r2 = r * r;
  return (n - 0.5) * Math.log(n) - n + 0.9189385332046728 + r * (1 / 12 - r2 * (1 / 360 - r2 / 1260));
}

/**
 * Poisson(mean) variate: multiplication of uniforms below mean 12, Hörmann's PTRS transformed rejection above.
 *
 * @example
 * const k = samplePoisson(new Rng(7), 4.2); // integer >= 0, mean 4.2
 */
export function samplePoisson(rng: Rng, mean: number): number {
  if (!(typeof mean === 'number' && Number.isFinite(mean) && mean >= 0))
    throw new RangeError(invalid('a finite number >= 0', 'mean', mean));
  if (mean === 0) return 0;
  if (mean < 12) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.uniform();
    while (p > limit) {
      k++;
      p *= rng.uniform();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = sampleOpenUniform(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
}

/**
 * Prefix sums of non-negative weights (a CDF that need not end at 1), for {@link sampleFromCdf}.
 *
 * @example
 * cumulativeWeights([1, 0, 3]); // Float64Array [1, 1, 4]
 */
export function cumulativeWeights(weights: ArrayLike<number>, out?: Float64Array): Float64Array {
  const n = weights.length;
  const cdf = out ?? new Float64Array(n);
  if (cdf.length < n) throw new RangeError(invalid(`a Float64Array of length >= ${n}`, 'out', cdf.length));
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) throw new RangeError(invalid('a finite weight >= 0', `weights[${i}]`, w));
    sum += w;
    cdf[i] = sum;
  }
  if (!(sum > 0)) throw new RangeError(invalid('weights with a positive sum', 'weights', sum));
  return cdf;
}

/**
 * Row-wise prefix sums of a rows x cols row-major matrix: row r's CDF is `[r*cols, (r+1)*cols)`.
 *
 * @example
 * const cdf = rowCumulativeWeights(phi, numTerms);
 * const v = sampleFromCdf(rng, cdf, k * numTerms, (k + 1) * numTerms); // a term of topic k
 */
export function rowCumulativeWeights(matrix: ArrayLike<number>, cols: number): Float64Array {
  expectPositiveInteger(cols, 'cols');
  if (matrix.length % cols !== 0) throw new RangeError(invalid(`a length that is a multiple of ${cols}`, 'matrix', matrix.length));
  const cdf = new Float64Array(matrix.length);
  for (let start = 0; start < matrix.length; start += cols) {
    let sum = 0;
    for (let j = start; j < start + cols; j++) {
      sum += matrix[j];
      cdf[j] = sum;
    }
    if (!(sum > 0)) throw new RangeError(invalid('rows with a positive sum', `matrix row ${start / cols}`, sum));
  }
  return cdf;
}

/**
 * Draw an index from the CDF slice `cdf[start..end)` by binary search; returns it relative to `start`.
 * The slice's last entry is its total, so weights need not be normalised. No argument checks: this is the hot path.
 *
 * @example
 * const cdf = cumulativeWeights([0.2, 0.5, 0.3]);
 * sampleFromCdf(new Rng(7), cdf); // 0, 1 or 2 with probabilities 0.2, 0.5, 0.3
 */
export function sampleFromCdf(rng: Rng, cdf: ArrayLike<number>, start = 0, end = cdf.length): number {
  const u = rng.uniform() * cdf[end - 1];
  let lo = start;
  let hi = end - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo - start;
}

/**
 * Draw an index with probability proportional to `weights` by a linear scan (for one-off draws; build a
 * CDF with {@link cumulativeWeights} for repeated ones).
 *
 * @example
 * sampleCategorical(new Rng(7), [1, 3]); // 1 three times as often as 0
 */
export function sampleCategorical(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0 && w < Infinity)) throw new RangeError(invalid('a finite weight >= 0', `weights[${i}]`, w));
    total += w;
  }
  if (!(total > 0)) throw new RangeError(invalid('weights with a positive sum', 'weights', total));
  const u = rng.uniform() * total;
  let acc = 0;
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] > 0) {
      acc += weights[i];
      last = i;
      if (u < acc) return i;
    }
  }
  return last;
}

/**
 * Identifiable topics: topic k puts `purity` of its mass on its own block of B terms (Dirichlet(1) within
 * the block) and spreads the rest uniformly over all V terms. Returns K x V row-major, rows summing to 1.
 *
 * @example
 * const phi = samplePlantedTopics(new Rng(1), { numTopics: 4, numTerms: 100 }); // blocks of 25 terms
 */
export function samplePlantedTopics(rng: Rng, options: PlantedTopicsOptions): Float64Array {
  const K = expectPositiveInteger(options.numTopics, 'options.numTopics');
  const V = expectPositiveInteger(options.numTerms, 'options.numTerms');
  if (V < K) throw new RangeError(invalid(`at least numTopics (${K}) terms`, 'options.numTerms', V));
  const B = options.termsPerTopic ?? Math.floor(V / K);
  if (!Number.isInteger(B) || B < 1 || B * K > V)
    throw new RangeError(invalid(`an integer in 1..${Math.floor(V / K)}`, 'options.termsPerTopic', B));
  const purity = options.purity ?? 0.9;
  if (!(typeof purity === 'number' && purity > 0 && purity <= 1))
    throw new RangeError(invalid('a number in (0, 1]', 'options.purity', purity));
  const phi = new Float64Array(K * V);
  const block = new Float64Array(B);
  const ones = new Float64Array(B).fill(1);
  const background = (1 - purity) / V;
  for (let k = 0; k < K; k++) {
    sampleDirichlet(rng, ones, block);
    const row = k * V;
    phi.fill(background, row, row + V);
    for (let j = 0; j < B; j++) phi[row + k * B + j] += purity * block[j];
    normalizeRow(phi, row, V);
  }
  return phi;
}

/**
 * Author mixtures over topics. With segments: each segment's prototype is `0.5 * e(s mod K) + 0.5 * Dirichlet(0.5)`
 * (a dominant topic plus a random tail, so prototypes differ), authors are assigned to segments by
 * `segmentWeights`, and `theta ~ Dirichlet(concentration * prototype)`. Without segments `theta ~ Dirichlet(concentration / K)`.
 *
 * @example
 * const { theta, segments } = samplePlantedMixtures(new Rng(1), { numAuthors: 100, numTopics: 8, numSegments: 4 });
 */
export function samplePlantedMixtures(rng: Rng, options: PlantedMixturesOptions): PlantedMixtures {
  const A = expectPositiveInteger(options.numAuthors, 'options.numAuthors');
  const K = expectPositiveInteger(options.numTopics, 'options.numTopics');
  const S = options.numSegments;
  if (!Number.isInteger(S) || S < 0) throw new RangeError(invalid('a non-negative integer', 'options.numSegments', S));
  const c = options.concentration ?? (S > 0 ? 2 * K : 0.1 * K);
  expectPositiveFinite(c, 'options.concentration');
  const theta = new Float64Array(A * K);
  const segments = new Int32Array(A).fill(-1);
  const prototypes = new Float64Array(S * K);
  const alpha = new Float64Array(K);
  if (S === 0) {
    alpha.fill(c / K);
    for (let a = 0; a < A; a++) sampleDirichlet(rng, alpha, theta.subarray(a * K, a * K + K));
    return { theta, segments, prototypes };
  }
  const weights = options.segmentWeights ?? new Float64Array(S).fill(1);
  if (weights.length !== S) throw new RangeError(invalid(`${S} weights`, 'options.segmentWeights', weights));
  const segmentCdf = cumulativeWeights(weights);
  const tail = new Float64Array(K);
  const half = new Float64Array(K).fill(0.5);
  for (let s = 0; s < S; s++) {
    sampleDirichlet(rng, half, tail);
    for (let k = 0; k < K; k++) prototypes[s * K + k] = 0.5 * tail[k] + (k === s % K ? 0.5 : 0);
    normalizeRow(prototypes, s * K, K);
  }
  for (let a = 0; a < A; a++) {
    const s = sampleFromCdf(rng, segmentCdf);
    segments[a] = s;
    // A tiny floor keeps every shape positive when a prototype share underflows.
    for (let k = 0; k < K; k++) alpha[k] = Math.max(c * prototypes[s * K + k], 1e-6);
    sampleDirichlet(rng, alpha, theta.subarray(a * K, a * K + K));
  }
  return { theta, segments, prototypes };
}

function normalizeRow(m: Float64Array, start: number, n: number): void {
  let sum = 0;
  for (let i = start; i < start + n; i++) sum += m[i];
  for (let i = start; i < start + n; i++) m[i] /= sum;
}

/**
 * Sample a corpus from a known author-topic model. Topics come from {@link samplePlantedTopics}, author
 * mixtures from {@link samplePlantedMixtures}; then each author owns `1 + Poisson(docsPerAuthor - 1)`
 * documents of `1 + Poisson(docLength - 1)` tokens, and each token picks an author uniformly among the
 * document's authors, a topic from that author's theta and a term from that topic's phi.
 * The model (phi, theta, segments) uses its own random streams, so it depends only on the seed and the
 * model options, not on document counts or lengths.
 *
 * @example
 * const planted = samplePlantedCorpus({ numAuthors: 50, numTerms: 200, numTopics: 5, docsPerAuthor: 20, docLength: 30, seed: 3 });
 * const corpus = Corpus.fromDocuments(planted.documents);
 */
export function samplePlantedCorpus(options: PlantedOptions): PlantedCorpus {
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
  for (const key of Object.keys(options))
    if (!PLANTED_KEYS.has(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} for samplePlantedCorpus`);
  const A = expectPositiveInteger(options.numAuthors, 'options.numAuthors');
  const V = expectPositiveInteger(options.numTerms, 'options.numTerms');
  const K = expectPositiveInteger(options.numTopics, 'options.numTopics');
  const docsPerAuthor = expectMeanAtLeastOne(options.docsPerAuthor, 'options.docsPerAuthor');
  const docLength = expectMeanAtLeastOne(options.docLength, 'options.docLength');
  const authorsPerDoc = options.authorsPerDoc ?? [1, 1];
  if (!Array.isArray(authorsPerDoc) || authorsPerDoc.length !== 2)
    throw new TypeError(invalid('a [min, max] pair', 'options.authorsPerDoc', authorsPerDoc));
  const [minAuthors, maxAuthors] = authorsPerDoc;
  if (!Number.isInteger(minAuthors) || !Number.isInteger(maxAuthors) || minAuthors < 1 || maxAuthors < minAuthors || maxAuthors > A)
    throw new RangeError(
      invalid(`integers with 1 <= min <= max <= numAuthors (${A})`, 'options.authorsPerDoc', `[${minAuthors}, ${maxAuthors}]`),
    );
  const S = options.numSegments ?? 0;
  if (!Number.isInteger(S) || S < 0 || S > A)
    throw new RangeError(invalid(`an integer in 0..numAuthors (${A})`, 'options.numSegments', S));
  if (V < K) throw new RangeError(invalid(`at least numTopics (${K}) terms`, 'options.numTerms', V));
  const B = options.topicTermsPerTopic;
  if (B !== undefined && !(Number.isInteger(B) && B >= 1 && B * K <= V))
    throw new RangeError(invalid(`an integer in 1..${Math.floor(V / K)}`, 'options.topicTermsPerTopic', B));
  const purity = options.topicPurity;
  if (purity !== undefined && !(typeof purity === 'number' && purity > 0 && purity <= 1))
    throw new RangeError(invalid('a number in (0, 1]', 'options.topicPurity', purity));
  if (options.authorConcentration !== undefined) expectPositiveFinite(options.authorConcentration, 'options.authorConcentration');
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(invalid('an integer', 'options.seed', seed));

  const phi = samplePlantedTopics(Rng.forStream(seed, 0x70, 0), {
    numTopics: K, numTerms: V, termsPerTopic: B, purity,
  });
  const { theta, segments, prototypes } = samplePlantedMixtures(Rng.forStream(seed, 0x70, 1), {
    numAuthors: A, numTopics: K, numSegments: S, concentration: options.authorConcentration,
  });

  const terms = Array.from({ length: V }, (_, v) => `t${v}`);
  const authorIds = Array.from({ length: A }, (_, a) => `a${a}`);
  const phiCdf = rowCumulativeWeights(phi, V);
  const thetaCdf = rowCumulativeWeights(theta, K);
  const rng = Rng.forStream(seed, 0x70, 2);
  const documents: DocumentInput[] = [];
  const docAuthors = new Int32Array(maxAuthors);
  for (let owner = 0; owner < A; owner++) {
    const numDocs = 1 + samplePoisson(rng, docsPerAuthor - 1);
    for (let i = 0; i < numDocs; i++) {
      const m = minAuthors + rng.below(maxAuthors - minAuthors + 1);
      docAuthors[0] = owner;
      for (let j = 1; j < m; j++) {
        let co: number;
        do co = rng.below(A);
        while (docAuthors.subarray(0, j).includes(co));
        docAuthors[j] = co;
      }
      const length = 1 + samplePoisson(rng, docLength - 1);
      const tokens = new Array<string>(length);
      for (let n = 0; n < length; n++) {
        const a = docAuthors[m === 1 ? 0 : rng.below(m)];
        const k = sampleFromCdf(rng, thetaCdf, a * K, a * K + K);
        tokens[n] = terms[sampleFromCdf(rng, phiCdf, k * V, k * V + V)];
      }
      const authors = new Array<string>(m);
      for (let j = 0; j < m; j++) authors[j] = authorIds[docAuthors[j]];
      documents.push({ id: `d${documents.length}`, authors, terms: tokens });
    }
  }
  return { documents, terms, authorIds, phi, theta, segments, prototypes };
}

function expectMeanAtLeastOne(v: unknown, name: string): number {
  if (!(typeof v === 'number' && Number.isFinite(v) && v >= 1)) throw new RangeError(invalid('a finite number >= 1', name, v));
  return v;
}
