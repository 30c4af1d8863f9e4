// The `seed` preset on the full shared data: load it (SQLite, and PostgreSQL unless ATM_PG_URL=off),
// build the corpus, time the build, and check its numbers against zcat | awk over the same files.
//
//   pnpm --filter @atm/etl bench:seed
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCorpus, openScratchDatabase, postgresDisabled } from '@atm/data';
import { ingest } from '../dist/index.js';
import { referenceCorpus } from '../test/helpers/reference-corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.LGSR_DIR || resolve(here, '../../../../shared/data/lgsr-5k');
const files = readdirSync(dataDir).filter((f) => f.endsWith('.csv.gz')).sort().map((f) => join(dataDir, f));

let started = performance.now();
const reference = referenceCorpus(files, { level: 'prod_code_10', weight: 'lines', termShareAbove: 0.05, termShareBelow: 0.95, minItems: 4, anonymous: 'drop' });
console.log(`zcat | awk reference (${((performance.now() - started) / 1000).toFixed(1)} s):`, reference);

for (const dialect of postgresDisabled() ? ['sqlite'] : ['sqlite', 'postgres']) {
  const scratch = await openScratchDatabase(dialect);
  try {
    started = performance.now();
    await ingest([...files, join(dataDir, 'time.csv')], scratch.db);
    const loaded = (performance.now() - started) / 1000;
    started = performance.now();
    const { stats } = await buildCorpus(scratch.db, { preset: 'seed' });
    const built = (performance.now() - started) / 1000;
    const got = { terms: stats.terms, documents: stats.documents, authors: stats.authors, tokens: stats.tokens };
    const same = JSON.stringify(got) === JSON.stringify(reference);
    console.log(`${dialect}: loaded in ${loaded.toFixed(1)} s; seed corpus built in ${built.toFixed(2)} s:`, got, same ? '= awk ✓' : '≠ awk ✗');
    console.log(`  stats: ${JSON.stringify(stats)}`);
    if (!same) process.exitCode = 1;
  } finally {
    await scratch.dispose();
  }
}
