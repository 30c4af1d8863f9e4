// Ingest benchmark: the shared LGSR files into SQLite and PostgreSQL, side by side with the sqlite3
// shell's `.import` (and psql's `\copy`) of the same rows as yardsticks. Each run is a fresh process
// and a fresh database; prints rows/s and peak RSS.
//
// Also prints our process's CPU seconds split into the main thread (reading + validation) and all
// other threads (the SQLite writer worker, gunzip, GC helpers). Check `uptime` first: other load on
// the 2 cores slows every figure.
//
//   pnpm --filter @atm/etl bench              # all 102 files
//   LGSR_DIR=… ATM_PG_URL=off node bench/ingest.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PG_URL, openScratchDatabase, postgresDisabled } from '@atm/data';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.LGSR_DIR || resolve(here, '../../../../shared/data/lgsr-5k');
const files = readdirSync(dataDir).filter((f) => f.endsWith('.csv.gz')).sort().map((f) => join(dataDir, f));
const timeCsv = join(dataDir, 'time.csv');
const child = join(here, 'ingest-child.mjs');
const results = [];

function measure(label, url, paths, threads = true) {
  const run = spawnSync(process.execPath, [child, url, threads ? 'threads' : 'no-threads', ...paths], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.stderr}`);
  const r = JSON.parse(run.stdout.trim().split('\n').pop());
  results.push({ label, rows: r.rows, seconds: r.seconds, peakRssMiB: r.peakRssMiB });
  const cpu = Object.entries(r.cpuSeconds).map(([t, s]) => `${t} ${s}`).join(', ');
  console.log(`  ${label}: ${r.rows} rows in ${r.seconds.toFixed(2)} s (CPU seconds: ${cpu})`);
}

/** Time a shell pipeline under /usr/bin/time, which reports the peak RSS of its largest process. */
function shellWithRss(label, script, rows) {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'RSS_KB=%M', 'bash', '-o', 'pipefail', '-c', script], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.stderr}`);
  const kb = Number(/RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
  results.push({ label, rows, seconds, peakRssMiB: kb / 1024 });
  console.log(`  ${label}: ${rows} rows in ${seconds.toFixed(2)} s`);
}

const quote = (ps) => ps.map((p) => `'${p}'`).join(' ');
const rowCount = Number(execFileSync('bash', ['-c', `zcat ${quote(files)} | grep -vc '^SHOP_WEEK'`], { encoding: 'utf8' }).trim());
console.log(`${files.length} files, ${rowCount} rows, from ${dataDir}; load average before: ${execFileSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).split(' ').slice(0, 3).join(' ')}`);

// SQLite: threaded writer (default), the single-thread path, and 10 files to show memory stays flat.
const tmp = mkdtempSync(join(tmpdir(), 'atm-bench-'));
try {
  for (const [label, paths, threads] of [
    ['@atm/etl → SQLite', [...files, timeCsv], true],
    ['@atm/etl → SQLite (one thread)', [...files, timeCsv], false],
    ['@atm/etl → SQLite, first 10 files', files.slice(0, 10), true],
  ]) {
    const dbFile = join(tmp, `${results.length}.db`);
    measure(label, `sqlite:${dbFile}`, paths, threads);
  }
  const hasSqlite3 = spawnSync('sqlite3', ['-version']).status === 0;
  if (!hasSqlite3) console.log('  (sqlite3 shell not found: skipping the .import yardstick)');
  else {
    const db = join(tmp, 'yardstick.db');
    const columns = 'SHOP_WEEK,SHOP_DATE,SHOP_WEEKDAY,SHOP_HOUR,QUANTITY,SPEND,PROD_CODE,PROD_CODE_10,PROD_CODE_20,PROD_CODE_30,PROD_CODE_40,CUST_CODE,CUST_PRICE_SENSITIVITY,CUST_LIFESTAGE,BASKET_ID,BASKET_SIZE,BASKET_PRICE_SENSITIVITY,BASKET_TYPE,BASKET_DOMINANT_MISSION,STORE_CODE,STORE_FORMAT,STORE_REGION';
    execFileSync('sqlite3', [db, `create table t (${columns.split(',').map((c) => `${c} text`).join(', ')})`]);
    shellWithRss(
      'sqlite3 .import (flat text table, no checks, no indexes)',
      `zcat ${quote(files)} | grep -v '^SHOP_WEEK' | sqlite3 '${db}' '.mode csv' '.import /dev/stdin t'`,
      rowCount,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// PostgreSQL: a fresh schema per run.
if (postgresDisabled()) console.log('  (ATM_PG_URL=off: skipping PostgreSQL)');
else {
  const scratch = await openScratchDatabase('postgres');
  await scratch.db.close();
  try {
    measure('@atm/etl → PostgreSQL', scratch.url, [...files, timeCsv]);
  } finally {
    await scratch.dispose().catch(() => {});
  }
  const hasPsql = spawnSync('psql', ['--version']).status === 0;
  if (hasPsql && !postgresDisabled()) {
    const table = `bench_copy_${process.pid}`;
    const target = `'${process.env.ATM_PG_URL || DEFAULT_PG_URL}'`;
    const psql = (sqlText) => `psql -qX -d ${target} -c "${sqlText}"`;
    execFileSync('bash', ['-c', psql(`create unlogged table ${table} (${Array.from({ length: 22 }, (_, i) => `c${i} text`).join(', ')})`)]);
    try {
      shellWithRss(
        "psql \\copy (flat text table, no checks, no indexes)",
        `zcat ${quote(files)} | grep -v '^SHOP_WEEK' | psql -qX -d ${target} -c "\\copy ${table} from stdin with (format csv)"`,
        rowCount,
      );
    } finally {
      execFileSync('bash', ['-c', psql(`drop table ${table}`)]);
    }
  } else console.log('  (psql not found or PostgreSQL off: skipping the \\copy yardstick)');
}

const pad = (s, n) => String(s).padEnd(n);
console.log(`\n${pad('target', 58)}${pad('rows', 10)}${pad('seconds', 9)}${pad('rows/s', 10)}peak RSS MiB`);
for (const r of results)
  console.log(`${pad(r.label, 58)}${pad(r.rows, 10)}${pad(r.seconds.toFixed(2), 9)}${pad(Math.round(r.rows / r.seconds), 10)}${Number.isNaN(r.peakRssMiB) ? 'n/a' : r.peakRssMiB.toFixed(0)}`);
