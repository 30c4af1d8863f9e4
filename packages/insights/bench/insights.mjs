// Times the insight functions on a synthetic corpus of ~300k baskets: batch basket inference,
// basket clusters, mission table, cross-sell bundles, layout affinity, customer map and the
// recommender evaluation with 20k queries per split. Run `pnpm --filter @atm/insights bench`
// (after `pnpm build`); options: --customers 15000 --baskets-per-customer 20 --terms 5000
// --topics 40 --sweeps 100 --queries 20000 --fold-in 50 --seed 1.
import os from 'node:os';
import { AuthorTopicModel, Corpus, Rng, rowCumulativeWeights, sampleFromCdf, samplePlantedMixtures, samplePlantedTopics, samplePoisson } from '@atm/core';
import {
  basketTopics,
  clusterBaskets,
  crossSellBundles,
  customerMap,
  dominantTopic,
  evaluateRecommenders,
  layoutAffinity,
  missionTable,
} from '../dist/index.js';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), Number(all[i + 1])]] : pairs), []),
);
const A = args.customers ?? 15_000;
const perCustomer = args['baskets-per-customer'] ?? 20;
const V = args.terms ?? 5_000;
const K = args.topics ?? 40;
const sweeps = args.sweeps ?? 100;
const maxQueries = args.queries ?? 20_000;
const foldIn = args['fold-in'] ?? 50;
const seed = args.seed ?? 1;

// Wall-clock and CPU seconds (user + system) of a step: on a busy machine the CPU time is the fairer figure.
const time = (label, fn) => {
  const t = performance.now();
  const c = process.cpuUsage();
  const out = fn();
  const s = (performance.now() - t) / 1000;
  const used = process.cpuUsage(c);
  console.log(`${label.padEnd(48)} ${s.toFixed(2).padStart(7)} s wall ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s cpu`);
  return { out, s };
};

// Baskets with one mission each (a topic drawn from the customer's mixture), 1 + Poisson(9) items,
// each item a re-buy of one of the customer's 5 favourites with probability 0.2.
function generate() {
  const phi = samplePlantedTopics(Rng.forStream(seed, 1, 0), { numTopics: K, numTerms: V });
  const { theta } = samplePlantedMixtures(Rng.forStream(seed, 1, 1), { numAuthors: A, numTopics: K, numSegments: 0, concentration: 0.1 * K });
  const phiCdf = rowCumulativeWeights(phi, V);
  const thetaCdf = rowCumulativeWeights(theta, K);
  const rng = Rng.forStream(seed, 1, 2);
  const D = A * perCustomer;
  const docOffsets = new Uint32Array(D + 1);
  let tokens = new Uint32Array(D * 12);
  let n = 0;
  const favourites = new Uint32Array(5);
  for (let a = 0; a < A; a++) {
    for (let f = 0; f < 5; f++) favourites[f] = rng.below(V);
    for (let i = 0; i < perCustomer; i++) {
      const k = sampleFromCdf(rng, thetaCdf, a * K, a * K + K);
      const length = 1 + samplePoisson(rng, 9);
      if (n + length > tokens.length) {
        const grown = new Uint32Array(2 * tokens.length);
        grown.set(tokens);
        tokens = grown;
      }
      for (let j = 0; j < length; j++) tokens[n++] = rng.uniform() < 0.2 ? favourites[rng.below(5)] : sampleFromCdf(rng, phiCdf, k * V, k * V + V);
      docOffsets[a * perCustomer + i + 1] = n;
    }
  }
  const docAuthors = Uint32Array.from({ length: D }, (_, d) => Math.floor(d / perCustomer));
  return Corpus.fromArrays({
    docIds: Array.from({ length: D }, (_, d) => `b${d}`),
    authorIds: Array.from({ length: A }, (_, a) => `c${a}`),
    terms: Array.from({ length: V }, (_, w) => `t${w}`),
    docOffsets,
    tokens: tokens.slice(0, n),
    docAuthorOffsets: Uint32Array.from({ length: D + 1 }, (_, d) => d),
    docAuthors,
  });
}

console.log(`customers ${A}, baskets ${A * perCustomer}, terms ${V}, topics ${K}, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
const { out: all } = time('generate corpus', generate);
console.log(`tokens ${all.numTokens}`);
const pick = (from, to) => Int32Array.from({ length: A * (to - from) }, (_, i) => Math.floor(i / (to - from)) * perCustomer + from + (i % (to - from)));
const train = all.subset(pick(0, perCustomer - 4));
const validation = all.subset(pick(perCustomer - 4, perCustomer - 2));
const test = all.subset(pick(perCustomer - 2, perCustomer));

const model = new AuthorTopicModel({ numTopics: K, alpha: 0.1, seed });
const t0 = performance.now();
await model.fit(train, { iterations: sweeps, evalEvery: sweeps });
console.log(`train model (${model.backendName}, ${model.sampler}, ${sweeps} sweeps, ${train.numTokens} tokens): ${((performance.now() - t0) / 1000).toFixed(2)} s wall`);

const { out: theta, s: inferSeconds } = time(`basketTopics: ${all.numDocs} baskets, ${foldIn} sweeps`, () => basketTopics(model, all, { iterations: foldIn }));
console.log(`  ${Math.round(all.numDocs / inferSeconds)} baskets/s, ${((all.numTokens * foldIn) / inferSeconds / 1e6).toFixed(1)} M token-sweeps/s`);
const { out: fast, s: fastSeconds } = time(`basketTopics: ${all.numDocs} baskets, 20 sweeps`, () => basketTopics(model, all, { iterations: 20 }));
const sameMission = dominantTopic(fast, K).reduce((n, m, d) => n + (m === dominantTopic(theta.subarray(d * K, d * K + K), K)[0] ? 1 : 0), 0);
console.log(`  ${Math.round(all.numDocs / fastSeconds)} baskets/s; same dominant mission as 50 sweeps for ${((100 * sameMission) / all.numDocs).toFixed(1)}%`);
const { s: denseSeconds } = time(`basketTopics: dense sampler, 50 sweeps`, () => basketTopics(model, all, { iterations: foldIn, sampler: 'dense' }));
console.log(`  ${Math.round(all.numDocs / denseSeconds)} baskets/s`);
// Agreement with per-basket model.foldIn on a sample.
let agree = 0;
const sample = 2000;
const { s: perBasket } = time(`model.foldIn per basket on ${sample} baskets`, () => {
  for (let i = 0; i < sample; i++) {
    const d = i * Math.floor(all.numDocs / sample);
    const one = model.foldIn(Array.from(all.docTokens(d)), Float64Array.from(model.alpha), { iterations: foldIn });
    if (dominantTopic(one, K)[0] === dominantTopic(theta.subarray(d * K, d * K + K), K)[0]) agree++;
  }
});
console.log(`  dominant topic agrees on ${((100 * agree) / sample).toFixed(1)}% (per-basket calls: ${Math.round(sample / perBasket)} baskets/s)`);

const missions = dominantTopic(theta, K);
const { out: clusters } = time('clusterBaskets (k by silhouette on 5k sample)', () => clusterBaskets(theta, K, { kMin: 2, kMax: 12, seed }));
console.log(`  k = ${clusters.k}`);
const rng = new Rng(seed);
const weekday = Int32Array.from({ length: all.numDocs }, () => 1 + rng.below(7));
const hour = Int32Array.from({ length: all.numDocs }, () => 8 + rng.below(15));
const storeFormat = Array.from({ length: all.numDocs }, () => ['SS', 'MS', 'LS', 'XLS'][rng.below(4)]);
const basketType = Array.from({ length: all.numDocs }, () => ['Small Shop', 'Top Up', 'Full Shop'][rng.below(3)]);
time('missionTable (4 attributes)', () => missionTable(missions, { weekday, hour, storeFormat, basketType }));
const { out: bundles } = time('crossSellBundles (top 15 terms per topic)', () => crossSellBundles(model, all, { minSupport: 0.0005 }));
console.log(`  ${bundles.length} bundles (${bundles.filter((b) => b.items.length === 3).length} triples)`);
const categories = all.terms.map((_, w) => `cat${Math.floor(w / 20)}`);
time(`layoutAffinity (${Math.ceil(V / 20)} categories)`, () => layoutAffinity(model, all, { categories }));
time(`customerMap (${A} customers)`, () => customerMap(model));

const { out: evaluation, s: evalSeconds } = time(`evaluateRecommenders (${maxQueries} queries/split)`, () =>
  evaluateRecommenders({ model, train, validation, test, maxQueries, iterations: foldIn }),
);
console.log(`  setup ${evaluation.seconds.setup.toFixed(2)} s, validation (μ, ${evaluation.priorCurve.length} prior strengths x 66-point grid) ${evaluation.seconds.validation.toFixed(2)} s, test ${evaluation.seconds.test.toFixed(2)} s`);
console.log(`  tuned μ = ${evaluation.tuned.mu}, weights ${JSON.stringify(evaluation.tuned.weights)}, prior strength ${evaluation.tuned.priorStrength ?? 'full counts'}`);
console.log('  prior strength   model Recall@10  NDCG@10   best hybrid NDCG@10 (validation)');
for (const p of evaluation.priorCurve)
  console.log(`  ${String(p.priorStrength ?? 'full counts').padEnd(16)} ${p.recallAt10.toFixed(4)}           ${p.ndcgAt10.toFixed(4)}    ${p.hybrid.ndcgAt10.toFixed(4)}`);
console.log('  method        Recall@10  NDCG@10   queries (test)');
for (const r of evaluation.rows) console.log(`  ${r.method.padEnd(13)} ${r.recallAt10.toFixed(4)}     ${r.ndcgAt10.toFixed(4)}    ${r.queries}`);
console.log(`  ${((2 * maxQueries) / evalSeconds).toFixed(0)} queries/s overall`);
