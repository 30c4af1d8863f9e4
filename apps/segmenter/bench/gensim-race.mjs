// Race gensim's variational AuthorTopicModel against our Gibbs sampler on the same corpora, and
// judge every model with the same code: held-out log-likelihood per token of held-out baskets of
// known customers from point estimates θ and φ, UMass/NPMI coherence, and on planted data topic
// recovery and segment ARI. Not part of CI.
//
// Usage: pnpm bench:gensim [--data ../shared/data/lgsr-5k] [--topics 10,20,30] [--passes 1,5,20] [--only real|synthetic]
//                          [--work DIR] [--stage all|gensim] [--jobs N]
// gensim trains once per K for max(passes) passes and is snapshotted at the end of each listed pass.
// With --work, corpora and gensim's snapshots are kept in DIR and reused by later runs, so the long
// gensim stage (`--stage gensim --jobs 2`, hours on the real data) can run on its own and the table
// be made afterwards on an idle machine. gensim is single-threaded (OMP_NUM_THREADS=1); when runs
// share the cores its wall time is inflated, so speed-ups are taken against gensim's CPU seconds,
// which on a core of its own equal its wall time and never flatter us.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthorTopicModel, Corpus, coherence, heldOutLikelihood, matchTopics, samplePlantedCorpus, topIndices } from '@atm/core';
import { adjustedRandIndex, hellinger, kmeans } from '@atm/cluster';
import { openDatabase } from '@atm/data';
import { ingest } from '@atm/etl';
import { buildCorpora } from '../dist/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const list = (s) => s.split(',').map(Number);
const TOPICS = list(arg('--topics', '10,20,30'));
const PASSES = list(arg('--passes', '1,5,20'));
const ONLY = arg('--only', 'all');
const WORK = args.includes('--work') ? resolve(arg('--work')) : null;
const STAGE = arg('--stage', 'all');
const JOBS = Number(arg('--jobs', '1'));
const DATA = resolve(repo, arg('--data', '../shared/data/lgsr-5k'));
const PYTHON = '/usr/bin/python3';
const log = (...m) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...m);

function gensimAvailable() {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import gensim'], { stdio: 'ignore' }).status === 0;
}

/** Global unigram and per-customer unigram smoothed toward it (μ = 100 pseudo-counts). */
function baselines(train, test) {
  const V = train.numTerms;
  const A = train.numAuthors;
  const global = new Float64Array(V).fill(1);
  for (const w of train.tokens) global[w]++;
  const total = global.reduce((s, x) => s + x, 0);
  for (let w = 0; w < V; w++) global[w] /= total;
  const counts = new Float64Array(A * V);
  const na = new Float64Array(A);
  for (let d = 0; d < train.numDocs; d++) {
    const a = train.docAuthors[train.docAuthorOffsets[d]];
    for (const w of train.docTokens(d)) (counts[a * V + w]++, na[a]++);
  }
  const score = (p) => {
    let ll = 0;
    let n = 0;
    for (let d = 0; d < test.numDocs; d++) {
      const a = test.docAuthors[test.docAuthorOffsets[d]];
      for (const w of test.docTokens(d)) (ll += Math.log(p(a, w)), n++);
    }
    return ll / n;
  };
  const mu = 100;
  return { unigram: score((_a, w) => global[w]), customerUnigram: score((a, w) => (counts[a * V + w] + mu * global[w]) / (na[a] + mu)) };
}

function quality(est, corpus, test, truth) {
  const K = est.numTopics;
  const V = corpus.numTerms;
  const held = heldOutLikelihood(est, test);
  const top = Array.from({ length: K }, (_, k) => topIndices(est.phi, Math.min(10, V), k * V, V));
  const c = coherence(top, corpus);
  const q = { perToken: held.perToken, umass: c.umass, npmi: c.npmi };
  if (truth && truth.phi && K === truth.K) {
    q.recovery = matchTopics(est.phi, truth.phi, K, V).meanCosine;
    const pts = hellinger({ data: est.theta, n: corpus.numAuthors, d: K });
    const labels = kmeans(pts, { k: truth.numSegments, seed: 1 }).labels;
    q.ari = adjustedRandIndex(labels, truth.segments);
  }
  return q;
}

/**
 * Write the training corpus for gensim, unless the same corpus is already there. A different
 * corpus (other data, other cleaning) in a reused work dir makes every gensim snapshot in it stale:
 * they are removed.
 */
function writeForGensim(dir, train) {
  mkdirSync(dir, { recursive: true });
  const lines = [];
  for (let d = 0; d < train.numDocs; d++) {
    const c = new Map();
    for (const w of train.docTokens(d)) c.set(w, (c.get(w) ?? 0) + 1);
    lines.push(`${train.docAuthors[train.docAuthorOffsets[d]]}\t${[...c].map(([w, n]) => `${w}:${n}`).join(' ')}`);
  }
  const text = `${lines.join('\n')}\n`;
  const meta = JSON.stringify({ numTerms: train.numTerms, numAuthors: train.numAuthors, sha256: createHash('sha256').update(text).digest('hex') });
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath) && readFileSync(metaPath, 'utf8') === meta && existsSync(join(dir, 'corpus.txt'))) return;
  for (const entry of readdirSync(dir)) if (entry.startsWith('gensim-K')) rmSync(join(dir, entry), { recursive: true, force: true });
  writeFileSync(join(dir, 'corpus.txt'), text);
  writeFileSync(metaPath, meta);
}

/** Train gensim for one K (or reuse a finished run in the work dir); one result per checkpoint. */
async function runGensim(dir, K, train) {
  const out = join(dir, `gensim-K${K}`);
  const done = () => PASSES.every((p) => existsSync(join(out, `p${p}`, 'result.json')));
  if (!done()) {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    log(`gensim K=${K} passes ${PASSES.join(',')} -> ${out}`);
    const child = spawn(PYTHON, [join(here, 'gensim_atm.py'), dir, out, String(K), PASSES.join(','), '1'], {
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += b));
    child.stdout.on('data', (b) => String(b).trim().split('\n').forEach((l) => log(`gensim K=${K}`, l)));
    const code = await new Promise((ok) => child.on('close', ok));
    if (code !== 0) throw new Error(`gensim K=${K} failed (exit ${code}): ${stderr.slice(-2000)}`);
  }
  const f64 = (p, name) => new Float64Array(new Uint8Array(readFileSync(join(out, `p${p}`, name))).buffer);
  return PASSES.map((p) => ({
    ...JSON.parse(readFileSync(join(out, `p${p}`, 'result.json'), 'utf8')),
    est: { numTopics: K, numTerms: train.numTerms, numAuthors: train.numAuthors, theta: f64(p, 'theta.bin'), phi: f64(p, 'phi.bin') },
  }));
}

/** Run fns with at most `jobs` in flight. */
async function pool(fns, jobs) {
  const results = new Array(fns.length);
  let next = 0;
  const lane = async () => {
    while (next < fns.length) {
      const i = next++;
      results[i] = await fns[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, fns.length) }, lane));
  return results;
}

async function runOurs(train, test, K, backend, threads) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const model = new AuthorTopicModel({ numTopics: K, seed: 1, backend, threads, optimizeInterval: 10, burnIn: 50 });
  // Held-out per-token LL along the chain, timed on sampling alone, for time-to-quality.
  const curve = [];
  await model.fit(train, {
    iterations: 'auto',
    maxIterations: backend === 'ts' ? 300 : 1000,
    evalEvery: 5,
    heldOut: test,
    posteriorSamples: 5,
    sampleLag: 5,
    onProgress: (p) => p.heldOutPerplexity && curve.push({ seconds: model.trace.at(-1)?.seconds ?? 0, perToken: -Math.log(p.heldOutPerplexity) }),
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { model, wallSeconds: wall, cpuSeconds: (cpu.user + cpu.system) / 1e6, curve, sweeps: model.sweepsDone, samplingSeconds: model.trace.at(-1)?.seconds ?? null };
}

async function realCorpora() {
  const dir = mkdtempSync(join(tmpdir(), 'race-db-'));
  const db = await openDatabase(`sqlite:${join(dir, 'lgsr.db')}`);
  log(`ingesting ${DATA}`);
  await ingest([DATA], db);
  const c = await buildCorpora(db, { preset: 'seed' }, { kind: 'fraction', fraction: 0.1, seed: 1 });
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  // Both halves of the held-out baskets are test data here (nothing is tuned on them).
  const test = Corpus.fromArrays({
    docIds: [...c.validation.docIds, ...c.test.docIds],
    authorIds: c.train.authorIds,
    terms: c.train.terms,
    docOffsets: Uint32Array.from([...c.validation.docOffsets, ...Array.from(c.test.docOffsets.subarray(1), (o) => o + c.validation.numTokens)]),
    tokens: Uint32Array.from([...c.validation.tokens, ...c.test.tokens]),
    docAuthorOffsets: Uint32Array.from([...c.validation.docAuthorOffsets, ...Array.from(c.test.docAuthorOffsets.subarray(1), (o) => o + c.validation.docAuthors.length)]),
    docAuthors: Uint32Array.from([...c.validation.docAuthors, ...c.test.docAuthors]),
  });
  return { key: 'real', name: 'LGSR 5k, seed preset', train: c.train, test };
}

function syntheticCorpora(K) {
  const p = samplePlantedCorpus({ numAuthors: 4000, numTerms: 300, numTopics: K, docsPerAuthor: 30, docLength: 10, numSegments: 6, seed: 7 });
  const all = Corpus.fromDocuments(p.documents, { terms: p.terms, authorIds: p.authorIds });
  const tr = [];
  const te = [];
  for (let d = 0; d < all.numDocs; d++) (d % 10 === 9 ? te : tr).push(d);
  return { key: `planted-K${K}`, name: `planted (K = ${K}, 6 segments)`, train: all.subset(tr), test: all.subset(te), truth: { phi: p.phi, K, segments: p.segments, numSegments: 6 } };
}

async function race(set) {
  const { train, test, truth } = set;
  log(`${set.name}: ${train.numDocs} baskets, ${train.numAuthors} customers, ${train.numTerms} terms, ${train.numTokens} tokens; ${test.numTokens} held-out tokens`);
  const dir = WORK ? join(WORK, set.key) : mkdtempSync(join(tmpdir(), 'race-'));
  mkdirSync(dir, { recursive: true });
  writeForGensim(dir, train);
  const ks = truth ? [truth.K] : TOPICS;
  const gensimRuns = await pool(ks.map((K) => () => runGensim(dir, K, train)), JOBS);
  if (STAGE === 'gensim') return null;
  const rows = [];
  const base = baselines(train, test);
  for (const [i, K] of ks.entries()) {
    const gensimRows = gensimRuns[i].map((g) => ({ system: `gensim (passes ${g.passes})`, K, wall: g.wallSeconds, cpu: g.cpuSeconds, rss: g.peakRss, ...quality(g.est, train, test, truth) }));
    rows.push(...gensimRows);
    const gensimBestRow = [...gensimRows].sort((a, b) => b.perToken - a.perToken)[0];
    for (const [backend, threads] of [['native', 1], ['native', availableParallelism()], ['ts', 1]]) {
      log(`ours ${backend} x${threads} K=${K}`);
      const r = await runOurs(train, test, K, backend, threads);
      const reach = r.curve.find((p) => p.perToken >= gensimBestRow.perToken);
      rows.push({
        system: `ours ${backend} ×${threads}`,
        K,
        wall: r.wallSeconds,
        cpu: r.cpuSeconds,
        rss: process.resourceUsage().maxRSS * 1024,
        sweeps: r.sweeps,
        sampling: r.samplingSeconds,
        timeToGensimBest: reach ? reach.seconds : null,
        speedup: reach ? gensimBestRow.cpu / reach.seconds : null,
        ...quality(r.model.estimates(), train, test, truth),
      });
    }
  }
  if (!WORK) rmSync(dir, { recursive: true, force: true });
  return { set, rows, base };
}

function table({ set, rows, base }) {
  const f = (x, d = 3) => (x === null || x === undefined ? '—' : typeof x === 'number' ? x.toFixed(d) : String(x));
  const out = [`### ${set.name}`, '', `${set.train.numDocs} training baskets, ${set.train.numAuthors} customers, ${set.train.numTerms} terms, ${set.train.numTokens} tokens; ${set.test.numTokens} held-out tokens.`, ''];
  const extra = set.truth ? ' | topic recovery | segment ARI' : '';
  out.push(`| system | K | sweeps | sampling s | wall s | CPU s | peak RSS MB | held-out LL/token | UMass | NPMI | time to gensim's best (s) | speed-up vs gensim's CPU s${extra} |`);
  out.push(`|---|---|---|---|---|---|---|---|---|---|---|---${set.truth ? '|---|---' : ''}|`);
  for (const r of rows)
    out.push(`| ${r.system} | ${r.K} | ${r.sweeps ?? '—'} | ${f(r.sampling, 1)} | ${f(r.wall, 1)} | ${f(r.cpu, 1)} | ${f(r.rss / 1e6, 0)} | ${f(r.perToken, 4)} | ${f(r.umass)} | ${f(r.npmi)} | ${f(r.timeToGensimBest, 2)} | ${r.speedup ? `${f(r.speedup, 0)}×` : '—'}${set.truth ? ` | ${f(r.recovery)} | ${f(r.ari)}` : ''} |`);
  out.push('', `Baselines on the same held-out tokens: global unigram ${base.unigram.toFixed(4)}, per-customer unigram smoothed toward it (μ = 100) ${base.customerUnigram.toFixed(4)} LL/token.`, '');
  return out.join('\n');
}

if (!gensimAvailable()) {
  console.log(`skipped: gensim is not installed for ${PYTHON} (apt-get install python3-gensim)`);
  process.exit(0);
}
const gensimVersion = execFileSync(PYTHON, ['-c', 'import gensim; print(gensim.__version__)'], { encoding: 'utf8' }).trim();
console.log(`Machine: ${cpus()[0].model}, ${availableParallelism()} cores; Node ${process.version}; gensim ${gensimVersion}\n`);
const sets = [];
if (ONLY !== 'synthetic') sets.push(await realCorpora());
if (ONLY !== 'real') sets.push(syntheticCorpora(10));
for (const s of sets) {
  const result = await race(s);
  if (result) console.log(table(result));
}
