// Sweep throughput of the native backend on a synthetic corpus (~2M tokens, 5,000 terms,
// 5,000 authors, single-author baskets). Prints tokens/s for dense K=10, MH K=200 and both with
// 2 threads: wall-clock rate, and CPU time per token (all threads), which is what to compare when
// other processes share the machine (the load average is printed; wall-clock speed-ups from a
// second thread need a second idle core).
// Usage: node bench/sweep.mjs [--tokens 2000000] [--sweeps 5] [--mh-steps 2]
import { createRequire } from 'node:module';
import os from 'node:os';
import { random } from '../test/problem.mjs';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { createNativeBackend } = require('../index.js');

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '2000000' },
    terms: { type: 'string', default: '5000' },
    authors: { type: 'string', default: '5000' },
    sweeps: { type: 'string', default: '5' },
    'mh-steps': { type: 'string', default: '2' },
  },
});
const N = Number(values.tokens);
const V = Number(values.terms);
const A = Number(values.authors);
const sweeps = Number(values.sweeps);
const mhSteps = Number(values['mh-steps']);

/** Baskets of 1..19 tokens, Zipf-like terms, one author each; authors a % threads go to worker t. */
function corpus(threads, seed = 7) {
  const rand = random(seed);
  const docLengths = [];
  for (let n = 0; n < N; ) {
    const len = Math.min(N - n, 1 + Math.floor(rand() * 19));
    docLengths.push(len);
    n += len;
  }
  const D = docLengths.length;
  const docOffsets = new Uint32Array(D + 1);
  const docAuthorOffsets = new Uint32Array(D + 1);
  const docAuthors = new Uint32Array(D);
  const tokens = new Uint32Array(N);
  for (let d = 0; d < D; d++) {
    docOffsets[d + 1] = docOffsets[d] + docLengths[d];
    docAuthorOffsets[d + 1] = d + 1;
    docAuthors[d] = Math.floor(rand() * A);
    for (let i = docOffsets[d]; i < docOffsets[d + 1]; i++) tokens[i] = Math.floor(V * rand() * rand());
  }
  const docOrder = new Uint32Array(D);
  const workerOffsets = new Uint32Array(threads + 1);
  let p = 0;
  for (let t = 0; t < threads; t++) {
    for (let d = 0; d < D; d++) if (docAuthors[d] % threads === t) docOrder[p++] = d;
    workerOffsets[t + 1] = p;
  }
  const authorTokenOffsets = new Uint32Array(A + 1);
  for (let d = 0; d < D; d++) authorTokenOffsets[docAuthors[d] + 1] += docLengths[d];
  for (let a = 0; a < A; a++) authorTokenOffsets[a + 1] += authorTokenOffsets[a];
  const authorTokens = new Uint32Array(N);
  const fill = authorTokenOffsets.slice(0, A);
  for (let d = 0; d < D; d++) for (let i = docOffsets[d]; i < docOffsets[d + 1]; i++) authorTokens[fill[docAuthors[d]]++] = i;
  return { D, docOffsets, tokens, docAuthorOffsets, docAuthors, docOrder, workerOffsets, authorTokenOffsets, authorTokens };
}

function problem(K, threads) {
  const c = corpus(threads);
  const setup = { numTopics: K, numTerms: V, numAuthors: A, ...c };
  const rand = random(11);
  const state = {
    alpha: new Float64Array(K).fill(50 / K),
    beta: Float64Array.of(0.01),
    z: new Uint32Array(N),
    y: new Uint32Array(N),
    nwk: new Int32Array(V * K),
    nk: new Int32Array(K),
    nak: new Int32Array(A * K),
    na: new Int32Array(A),
  };
  for (let d = 0; d < c.D; d++) {
    const a = c.docAuthors[d];
    for (let i = c.docOffsets[d]; i < c.docOffsets[d + 1]; i++) {
      const k = Math.floor(rand() * K);
      state.z[i] = k;
      state.nwk[c.tokens[i] * K + k]++;
      state.nk[k]++;
      state.nak[a * K + k]++;
      state.na[a]++;
    }
  }
  return { setup, state };
}

const backend = createNativeBackend();

async function measure(label, K, threads, sampler) {
  const { setup, state } = problem(K, threads);
  // Warm-up: two sweeps (topics start to concentrate, caches and the thread pool warm up).
  await backend.run(setup, state, { firstSweep: 0, sweeps: 2, seed: 1, sampler, mhSteps });
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const done = await backend.run(setup, state, { firstSweep: 2, sweeps, seed: 1, sampler, mhSteps });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  const cpuNs = ((used.user + used.system) * 1e3) / (N * done);
  const rate = (N * done) / seconds;
  console.log(
    `${label.padEnd(34)} ${(rate / 1e6).toFixed(2).padStart(6)} M tokens/s ${((seconds / done) * 1e3).toFixed(0).padStart(6)} ms/sweep ` +
      `${(1e9 / rate).toFixed(1).padStart(6)} ns/token wall ${cpuNs.toFixed(1).padStart(6)} ns/token CPU`,
  );
  return { rate, cpuNs };
}

const load = () => os.loadavg()[0].toFixed(2);
console.log(
  `native sweep throughput: ${N.toLocaleString()} tokens, V=${V}, A=${A}, ${sweeps} timed sweeps, mhSteps=${mhSteps}; ` +
    `${os.availableParallelism()} CPUs, load average ${load()}`,
);
const dense1 = await measure('dense K=10, 1 thread', 10, 1, 'dense');
const dense2 = await measure('dense K=10, 2 threads', 10, 2, 'dense');
const mh1 = await measure('mh K=200, 1 thread', 200, 1, 'mh');
const mh2 = await measure('mh K=200, 2 threads', 200, 2, 'mh');
await measure('dense K=200, 1 thread (reference)', 200, 1, 'dense');
console.log(
  `MH K=200 cost per token / dense K=10 (target <= 4x): ${(dense1.rate / mh1.rate).toFixed(2)}x wall, ` +
    `${(mh1.cpuNs / dense1.cpuNs).toFixed(2)}x CPU`,
);
console.log(
  `2 threads: wall speed-up dense ${(dense2.rate / dense1.rate).toFixed(2)}x, mh ${(mh2.rate / mh1.rate).toFixed(2)}x; ` +
    `CPU efficiency (CPU per token, 1 thread / 2 threads) dense ${(dense1.cpuNs / dense2.cpuNs).toFixed(2)}, mh ${(mh1.cpuNs / mh2.cpuNs).toFixed(2)}`,
);
console.log(`load average at the end: ${load()}`);
