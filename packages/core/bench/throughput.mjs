// Sweep throughput of the samplers (tokens/s) and peak RSS, one child process per configuration.
// Usage: node bench/throughput.mjs [--tokens 2000000] [--quick]
import { execFileSync } from 'node:child_process';
import { cpus, availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};

async function one() {
  const { AuthorTopicModel, Corpus, samplePlantedCorpus } = await import('../dist/index.js');
  const [backend, threads, K, sampler, tokens] = JSON.parse(arg('--one'));
  const planted = samplePlantedCorpus({ numAuthors: 5000, numTerms: 5000, numTopics: 50, docsPerAuthor: tokens / 5000 / 10, docLength: 10, seed: 1 });
  const corpus = Corpus.fromDocuments(planted.documents);
  planted.documents.length = 0;
  const model = new AuthorTopicModel({ numTopics: K, backend, threads, sampler, seed: 1 });
  const warm = backend === 'ts' ? 1 : 3;
  const timed = backend === 'ts' ? 2 : 5;
  await model.fit(corpus, { iterations: warm, evalEvery: 1000 });
  const t0 = process.hrtime.bigint();
  await model.fit(undefined, { iterations: timed, evalEvery: 1000 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ backend, threads, K, sampler: model.sampler, tokens: corpus.numTokens, tokensPerSecond: (corpus.numTokens * timed) / seconds, rss }));
}

async function all() {
  const tokens = Number(arg('--tokens', 2_000_000));
  const cores = availableParallelism();
  const configs = [];
  for (const K of [10, 50, 200]) {
    configs.push(['native', 1, K, 'auto'], ['native', cores, K, 'auto'], ['ts', 1, K, 'auto']);
    if (K === 200) configs.push(['native', 1, K, 'dense']);
  }
  const rows = [];
  for (const c of configs) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', JSON.stringify([...c, tokens])], { encoding: 'utf8' });
    const r = JSON.parse(out.trim().split('\n').at(-1));
    rows.push(r);
    console.error(`  ${r.backend} x${r.threads} K=${r.K} ${r.sampler}: ${(r.tokensPerSecond / 1e6).toFixed(2)}M tokens/s`);
  }
  console.log(`\nMachine: ${cpus()[0].model}, ${cores} cores, Node ${process.version}; corpus: ${rows[0].tokens} tokens, 5000 authors, 5000 terms\n`);
  console.log('| backend | threads | K | sampler | M tokens/s | ns/token | peak RSS (MB) |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows)
    console.log(`| ${r.backend} | ${r.threads} | ${r.K} | ${r.sampler} | ${(r.tokensPerSecond / 1e6).toFixed(2)} | ${(1e9 / r.tokensPerSecond).toFixed(1)} | ${(r.rss / 1e6).toFixed(0)} |`);
  const get = (b, t, K, s = 'auto') => rows.find((r) => r.backend === b && r.threads === t && r.K === K && (s === 'auto' || r.sampler === s));
  const n10 = get('native', 1, 10);
  const n200 = get('native', 1, 200);
  console.log(`\nnative/TS speed-up at K=10: ${(n10.tokensPerSecond / get('ts', 1, 10).tokensPerSecond).toFixed(1)}x`);
  console.log(`cost per token K=200 (auto: ${n200.sampler}) vs K=10: ${(n10.tokensPerSecond / n200.tokensPerSecond).toFixed(2)}x`);
  for (const K of [10, 50, 200]) console.log(`thread speed-up at K=${K}: ${(get('native', cores, K).tokensPerSecond / get('native', 1, K).tokensPerSecond).toFixed(2)}x on ${cores} threads`);
}

if (args.includes('--one')) await one();
else await all();
