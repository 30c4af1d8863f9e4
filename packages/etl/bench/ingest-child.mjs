// One measured ingest in a fresh process: prints a JSON line with rows, seconds and peak RSS.
import { readFileSync } from 'node:fs';
import { openDatabase } from '@atm/data';
import { ingest } from '../dist/index.js';

const [url, threads, ...paths] = process.argv.slice(2);
const db = await openDatabase(url);
const started = performance.now();
const summary = await ingest(paths, db, { threads: threads !== 'no-threads' });
const seconds = (performance.now() - started) / 1000;
await db.close();
/**
 * CPU seconds of the main thread (reading, validation; Linux /proc) and of all other threads
 * together (the SQLite writer worker, gunzip on the libuv pool, V8's GC helpers): how the work
 * splits over the cores.
 */
function threadCpu() {
  const total = process.cpuUsage();
  const all = (total.user + total.system) / 1e6;
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const main = (Number(fields[11]) + Number(fields[12])) / 100;
    return { main: Math.round(main * 10) / 10, other: Math.round((all - main) * 10) / 10 };
  } catch {
    return { all: Math.round(all * 10) / 10 };
  }
}
process.stdout.write(
  `${JSON.stringify({
    files: summary.files.length,
    rows: summary.rowsRead,
    rejected: summary.rowsRejected,
    seconds,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    cpuSeconds: threadCpu(),
  })}\n`,
);
