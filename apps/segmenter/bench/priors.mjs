// What learned priors and posterior averaging buy: held-out log-likelihood per token of held-out
// baskets of known customers, with fixed symmetric priors (α = 50/K, β = 0.01) against priors
// learned during training (Minka fixed point every 10 sweeps after 50), each from the last state
// alone and averaged over 10 states 5 sweeps apart. Same seed, same sweeps, native backend.
//
// Usage: node bench/priors.mjs [--data ../shared/data/lgsr-5k] [--topics 20] [--sweeps 300]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthorTopicModel, Corpus, heldOutLikelihood, samplePlantedCorpus } from '@atm/core';
import { openDatabase } from '@atm/data';
import { ingest } from '@atm/etl';
import { buildCorpora } from '../dist/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const DATA = resolve(repo, arg('--data', '../shared/data/lgsr-5k'));
const K_REAL = Number(arg('--topics', 20));
const SWEEPS = Number(arg('--sweeps', 300));

async function real() {
  const dir = mkdtempSync(join(tmpdir(), 'priors-db-'));
  const db = await openDatabase(`sqlite:${join(dir, 'lgsr.db')}`);
  await ingest([DATA], db);
  const c = await buildCorpora(db, { preset: 'seed' }, { kind: 'fraction', fraction: 0.1, seed: 1 });
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  return { name: `LGSR 5k, seed preset, K = ${K_REAL}`, K: K_REAL, train: c.train, test: c.test };
}

function planted() {
  const p = samplePlantedCorpus({ numAuthors: 2000, numTerms: 300, numTopics: 10, docsPerAuthor: 20, docLength: 8, numSegments: 6, seed: 3 });
  const all = Corpus.fromDocuments(p.documents, { terms: p.terms, authorIds: p.authorIds });
  const tr = [];
  const te = [];
  for (let d = 0; d < all.numDocs; d++) (d % 10 === 9 ? te : tr).push(d);
  const truth = heldOutLikelihood({ numTopics: 10, numTerms: all.numTerms, numAuthors: all.numAuthors, theta: p.theta, phi: p.phi }, all.subset(te)).perToken;
  return { name: 'planted, K = 10', K: 10, train: all.subset(tr), test: all.subset(te), truth };
}

console.log('| data | priors | last state | averaged (10 × 5 sweeps) | Σα | β | sweeps |');
console.log('|---|---|---|---|---|---|---|');
for (const set of [planted(), await real()]) {
  for (const optimize of [false, true]) {
    const m = new AuthorTopicModel({ numTopics: set.K, seed: 1, backend: 'native', ...(optimize ? { optimizeInterval: 10, burnIn: 50 } : {}) });
    await m.fit(set.train, { iterations: SWEEPS, evalEvery: 50 });
    const last = heldOutLikelihood(m.estimates(), set.test).perToken;
    await m.fit(undefined, { iterations: 0, posteriorSamples: 10, sampleLag: 5 });
    const averaged = heldOutLikelihood(m.estimates(), set.test).perToken;
    const alphaSum = m.alpha.reduce((s, a) => s + a, 0);
    console.log(`| ${set.name} | ${optimize ? 'learned (asymmetric α, β)' : 'fixed (50/K, 0.01)'} | ${last.toFixed(4)} | ${averaged.toFixed(4)} | ${alphaSum.toFixed(2)} | ${m.beta.toFixed(4)} | ${m.sweepsDone} |`);
  }
  if (set.truth !== undefined) console.log(`| ${set.name} | the true model | ${set.truth.toFixed(4)} | | | | |`);
}
