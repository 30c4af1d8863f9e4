// Small synthetic training problems built by hand: a random corpus laid out for `threads` workers
// that own disjoint authors, and a random initial state with consistent counts.

/** mulberry32: a tiny seeded generator for building test data (not the sampler's RNG). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {object} o
 * @param {number} [o.docs] documents
 * @param {number} [o.terms] vocabulary size V
 * @param {number} [o.authors] authors A (author a belongs to worker a % threads)
 * @param {number} [o.topics] K
 * @param {number} [o.threads] workers
 * @param {number} [o.maxAuthors] authors per document, 1..maxAuthors
 * @param {number} [o.meanLength] mean tokens per document
 * @param {number} [o.seed]
 */
export function makeProblem({
  docs = 120,
  terms = 40,
  authors = 16,
  topics = 5,
  threads = 1,
  maxAuthors = 1,
  meanLength = 8,
  seed = 1,
  alpha = 0.1,
  beta = 0.01,
} = {}) {
  const rand = random(seed);
  const below = (n) => Math.floor(rand() * n);
  const docAuthorLists = [];
  const docTokens = [];
  const docWorker = [];
  for (let d = 0; d < docs; d++) {
    const worker = d % threads;
    const pool = [];
    for (let a = worker; a < authors; a += threads) pool.push(a);
    const m = Math.min(pool.length, 1 + below(maxAuthors));
    const chosen = [];
    while (chosen.length < m) {
      const a = pool[below(pool.length)];
      if (!chosen.includes(a)) chosen.push(a);
    }
    const length = 1 + below(2 * meanLength - 1);
    // Skewed terms so topics have something to find.
    const tokens = Array.from({ length }, () => Math.floor(terms * rand() * rand()));
    docAuthorLists.push(chosen);
    docTokens.push(tokens);
    docWorker.push(worker);
  }
  const docOffsets = new Uint32Array(docs + 1);
  const docAuthorOffsets = new Uint32Array(docs + 1);
  for (let d = 0; d < docs; d++) {
    docOffsets[d + 1] = docOffsets[d] + docTokens[d].length;
    docAuthorOffsets[d + 1] = docAuthorOffsets[d] + docAuthorLists[d].length;
  }
  const tokens = Uint32Array.from(docTokens.flat());
  const docAuthors = Uint32Array.from(docAuthorLists.flat());
  // Documents grouped by worker, in a shuffled order within each worker.
  const docOrder = new Uint32Array(docs);
  const workerOffsets = new Uint32Array(threads + 1);
  let p = 0;
  for (let t = 0; t < threads; t++) {
    const mine = [];
    for (let d = 0; d < docs; d++) if (docWorker[d] === t) mine.push(d);
    for (let i = mine.length - 1; i > 0; i--) {
      const j = below(i + 1);
      [mine[i], mine[j]] = [mine[j], mine[i]];
    }
    for (const d of mine) docOrder[p++] = d;
    workerOffsets[t + 1] = p;
  }
  const single = docAuthorLists.every((l) => l.length === 1);
  const authorTokenOffsets = new Uint32Array(single ? authors + 1 : 0);
  const authorTokens = new Uint32Array(single ? tokens.length : 0);
  if (single) {
    for (let d = 0; d < docs; d++) authorTokenOffsets[docAuthors[d] + 1] += docOffsets[d + 1] - docOffsets[d];
    for (let a = 0; a < authors; a++) authorTokenOffsets[a + 1] += authorTokenOffsets[a];
    const fill = authorTokenOffsets.slice(0, authors);
    for (let d = 0; d < docs; d++) for (let i = docOffsets[d]; i < docOffsets[d + 1]; i++) authorTokens[fill[docAuthors[d]]++] = i;
  }
  const setup = {
    numTopics: topics,
    numTerms: terms,
    numAuthors: authors,
    docOffsets,
    tokens,
    docAuthorOffsets,
    docAuthors,
    docOrder,
    workerOffsets,
    authorTokenOffsets,
    authorTokens,
  };
  const N = tokens.length;
  const state = {
    alpha: new Float64Array(topics).fill(alpha),
    beta: Float64Array.of(beta),
    z: new Uint32Array(N),
    y: new Uint32Array(N),
    nwk: new Int32Array(terms * topics),
    nk: new Int32Array(topics),
    nak: new Int32Array(authors * topics),
    na: new Int32Array(authors),
  };
  for (let d = 0; d < docs; d++)
    for (let i = docOffsets[d]; i < docOffsets[d + 1]; i++) {
      const k = below(topics);
      const j = below(docAuthorLists[d].length);
      state.z[i] = k;
      state.y[i] = j;
    }
  recount(setup, state);
  return { setup, state };
}

/** Recomputes every count from z and y. */
export function recount(setup, state) {
  const K = setup.numTopics;
  for (const key of ['nwk', 'nk', 'nak', 'na']) state[key].fill(0);
  const D = setup.docOffsets.length - 1;
  for (let d = 0; d < D; d++)
    for (let i = setup.docOffsets[d]; i < setup.docOffsets[d + 1]; i++) {
      const k = state.z[i];
      const a = setup.docAuthors[setup.docAuthorOffsets[d] + state.y[i]];
      state.nwk[setup.tokens[i] * K + k]++;
      state.nk[k]++;
      state.nak[a * K + k]++;
      state.na[a]++;
    }
}

/** A deep copy of a state (every typed array copied). */
export function cloneState(state) {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [k, v.slice()]));
}

/** A shallow copy of a setup with `key` replaced. */
export function withSetup(setup, key, value) {
  return { ...setup, [key]: value };
}

/** The first index at which two typed arrays differ, or -1. */
export function firstDifference(a, b) {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** Describes where two states differ ('' when identical). */
export function stateDifference(a, b) {
  for (const key of ['z', 'y', 'nwk', 'nk', 'nak', 'na']) {
    const i = firstDifference(a[key], b[key]);
    if (i >= 0) return `${key}[${i}]: ${a[key][i]} vs ${b[key][i]}`;
  }
  return '';
}

/** Counts recomputed from z and y equal the state's counts ('' when consistent). */
export function countProblem(setup, state) {
  const copy = cloneState(state);
  recount(setup, copy);
  return stateDifference(state, copy);
}
