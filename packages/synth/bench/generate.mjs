// Throughput and memory of generateLgsr on a ~5M-row dataset.
// Usage: pnpm --filter @atm/synth build && pnpm --filter @atm/synth bench [-- --customers 16000 --weeks 26 --level 6 --keep]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLgsr } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '16000' },
    weeks: { type: 'string', default: '26' },
    level: { type: 'string', default: '6' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});

const outDir = mkdtempSync(join(tmpdir(), 'atm-synth-bench-'));
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const samples = [];
const loadAtStart = os.loadavg()[0];
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await generateLgsr({
  outDir,
  customers: Number(values.customers),
  weeks: Number(values.weeks),
  gzipLevel: Number(values.level),
  seed: Number(values.seed),
  onProgress: (p) => samples.push({ week: p.week, rows: p.rows, seconds: (performance.now() - started) / 1000, rss: rssMb() }),
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6; // main thread + zlib thread pool
const bytes = result.files.reduce((a, f) => a + statSync(f).size, 0);
const peakRss = process.resourceUsage().maxRSS / 1024;

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const q = (i) => samples[Math.min(samples.length - 1, Math.max(0, Math.round(i)))];
console.log(`node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPUs, load average at start ${loadAtStart.toFixed(1)}, gzip level ${values.level}`);
console.log('\nRSS while generating (flat memory check):');
console.log('| week | rows so far | seconds | RSS MB |');
console.log('|---|---:|---:|---:|');
for (const s of [q(0), q(samples.length / 4), q(samples.length / 2), q((3 * samples.length) / 4), q(samples.length - 1)])
  console.log(`| ${s.week} | ${fmt(s.rows)} | ${fmt(s.seconds, 1)} | ${fmt(s.rss)} |`);
console.log('\n| customers | weeks | rows | baskets | wall s | rows/s | CPU s | rows/CPU-s | output MB (gz) | peak RSS MB |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
console.log(
  `| ${fmt(result.customers)} | ${result.weeks.length} | ${fmt(result.rows)} | ${fmt(result.baskets)} | ${fmt(seconds, 1)} | ` +
    `${fmt(result.rows / seconds)} | ${fmt(cpuSeconds, 1)} | ${fmt(result.rows / cpuSeconds)} | ${fmt(bytes / 2 ** 20, 1)} | ${fmt(peakRss)} |`,
);
if (!values.keep) rmSync(outDir, { recursive: true, force: true });
