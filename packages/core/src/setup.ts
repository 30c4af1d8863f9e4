import type { SamplerState, TrainingSetup } from './backend.js';
import type { Corpus } from './corpus.js';
import { Rng } from './rng.js';

/** RNG stream (seed, INIT_STREAM, 0) draws the initial assignments, apart from every sweep's stream. */
export const INIT_STREAM = 0xffffffff;

/**
 * Lays a corpus out for the backends: documents partitioned among `threads` workers so that no
 * two workers share an author (connected components of the document–author graph, assigned
 * greedily to the least-loaded worker), plus the author → tokens index the MH sampler needs.
 *
 * @example
 * const setup = buildSetup(corpus, 20, 2);
 */
export function buildSetup(corpus: Corpus, numTopics: number, threads: number): TrainingSetup {
  const D = corpus.numDocs;
  const A = corpus.numAuthors;
  let docOrder: Uint32Array;
  let workerOffsets: Uint32Array;
  if (threads === 1) {
    docOrder = new Uint32Array(D);
    for (let d = 0; d < D; d++) docOrder[d] = d;
    workerOffsets = Uint32Array.of(0, D);
  } else {
    ({ docOrder, workerOffsets } = partitionByAuthor(corpus, threads));
  }
  const single = corpus.singleAuthor;
  const authorTokenOffsets = new Uint32Array(single ? A + 1 : 0);
  const authorTokens = new Uint32Array(single ? corpus.numTokens : 0);
  if (single) {
    for (let d = 0; d < D; d++) authorTokenOffsets[corpus.docAuthors[d] + 1] += corpus.docOffsets[d + 1] - corpus.docOffsets[d];
    for (let a = 0; a < A; a++) authorTokenOffsets[a + 1] += authorTokenOffsets[a];
    const fill = authorTokenOffsets.slice(0, A);
    for (let d = 0; d < D; d++) {
      const a = corpus.docAuthors[d];
      for (let i = corpus.docOffsets[d]; i < corpus.docOffsets[d + 1]; i++) authorTokens[fill[a]++] = i;
    }
  }
  return {
    numTopics,
    numTerms: corpus.numTerms,
    numAuthors: A,
    docOffsets: corpus.docOffsets,
    tokens: corpus.tokens,
    docAuthorOffsets: corpus.docAuthorOffsets,
    docAuthors: corpus.docAuthors,
    docOrder,
    workerOffsets,
    authorTokenOffsets,
    authorTokens,
  };
}

function partitionByAuthor(corpus: Corpus, threads: number): { docOrder: Uint32Array; workerOffsets: Uint32Array } {
  const A = corpus.numAuthors;
  const D = corpus.numDocs;
  const parent = new Int32Array(A);
  for (let a = 0; a < A; a++) parent[a] = a;
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  for (let d = 0; d < D; d++) {
    const authors = corpus.docAuthorIds(d);
    for (let j = 1; j < authors.length; j++) {
      const x = find(authors[0]);
      const y = find(authors[j]);
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  }
  const load = new Float64Array(A);
  for (let d = 0; d < D; d++) load[find(corpus.docAuthors[corpus.docAuthorOffsets[d]])] += corpus.docOffsets[d + 1] - corpus.docOffsets[d];
  const roots: number[] = [];
  for (let a = 0; a < A; a++) if (find(a) === a && load[a] > 0) roots.push(a);
  roots.sort((x, y) => load[y] - load[x] || x - y);
  const workerOf = new Int32Array(A).fill(-1);
  const workerLoad = new Float64Array(threads);
  for (const r of roots) {
    let best = 0;
    for (let t = 1; t < threads; t++) if (workerLoad[t] < workerLoad[best]) best = t;
    workerOf[r] = best;
    workerLoad[best] += load[r];
  }
  const counts = new Uint32Array(threads + 1);
  const docWorker = new Int32Array(D);
  for (let d = 0; d < D; d++) {
    docWorker[d] = workerOf[find(corpus.docAuthors[corpus.docAuthorOffsets[d]])];
    counts[docWorker[d] + 1]++;
  }
  for (let t = 0; t < threads; t++) counts[t + 1] += counts[t];
  const workerOffsets = counts.slice();
  const fill = counts.slice(0, threads);
  const docOrder = new Uint32Array(D);
  for (let d = 0; d < D; d++) docOrder[fill[docWorker[d]]++] = d;
  return { docOrder, workerOffsets };
}

/**
 * A fresh state with uniformly random authors and topics drawn from stream (seed, INIT_STREAM, 0),
 * and counts consistent with them. Shared by both backends, so they start from the same point.
 */
export function initialState(corpus: Corpus, numTopics: number, alpha: Float64Array, beta: number, seed: number): SamplerState {
  const K = numTopics;
  const N = corpus.numTokens;
  const state: SamplerState = {
    alpha: Float64Array.from(alpha),
    beta: Float64Array.of(beta),
    z: new Uint32Array(N),
    y: new Uint32Array(N),
    nwk: new Int32Array(corpus.numTerms * K),
    nk: new Int32Array(K),
    nak: new Int32Array(corpus.numAuthors * K),
    na: new Int32Array(corpus.numAuthors),
  };
  const rng = Rng.forStream(seed, INIT_STREAM, 0);
  for (let d = 0; d < corpus.numDocs; d++) {
    const base = corpus.docAuthorOffsets[d];
    const numAuthors = corpus.docAuthorOffsets[d + 1] - base;
    for (let i = corpus.docOffsets[d]; i < corpus.docOffsets[d + 1]; i++) {
      const y = numAuthors === 1 ? 0 : rng.below(numAuthors);
      const z = rng.below(K);
      state.y[i] = y;
      state.z[i] = z;
    }
  }
  recount(corpus, state, K);
  return state;
}

/** Recomputes every count from z and y. */
export function recount(corpus: Corpus, state: SamplerState, K: number): void {
  state.nwk.fill(0);
  state.nk.fill(0);
  state.nak.fill(0);
  state.na.fill(0);
  for (let d = 0; d < corpus.numDocs; d++) {
    const base = corpus.docAuthorOffsets[d];
    for (let i = corpus.docOffsets[d]; i < corpus.docOffsets[d + 1]; i++) {
      const a = corpus.docAuthors[base + state.y[i]];
      const z = state.z[i];
      state.nwk[corpus.tokens[i] * K + z]++;
      state.nk[z]++;
      state.nak[a * K + z]++;
      state.na[a]++;
    }
  }
}
