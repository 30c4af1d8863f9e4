// Benchmark of @atm/cluster on synthetic topic vectors in Hellinger space.
//
//   pnpm --filter @atm/cluster bench            # all tasks, one child process each
//   node bench/cluster.mjs --task kmeans        # one task in this process
//
// Each task runs in its own process, so "peak RSS" is that task's own high-water mark
// (data included). "CPU s" sums all threads of the process; on a shared, busy machine it is
// the steadier figure, wall time the one a user waits. Data: n points, each a Dirichlet draw around one of 10 planted
// segments (concentration 0.05 on every topic plus 2 on each of the segment's 5 topics),
// mapped with hellinger(). Generating the data is not timed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Rng } from '@atm/core';
import { chooseK, dbscan, hellinger, kmeans, pca, silhouette, suggestEps } from '../dist/index.js';

const D = 50;
const SEGMENTS = 10;

const TASKS = {
  kmeans: {
    what: 'kmeans k=10, 10 restarts, 500k x 50 (all cores)',
    run() {
      const h = topicPoints(500_000, 1).points;
      return timed(() => kmeans(h, { k: 10, restarts: 10, seed: 1 }), (r) => `inertia ${r.inertia.toFixed(1)}, ${r.iterations} iterations (best start), converged ${r.converged}`);
    },
  },
  'kmeans-1thread': {
    what: 'kmeans k=10, 10 restarts, 500k x 50, workers: 1',
    run() {
      const h = topicPoints(500_000, 1).points;
      return timed(() => kmeans(h, { k: 10, restarts: 10, seed: 1, workers: 1 }), (r) => `inertia ${r.inertia.toFixed(1)}`);
    },
  },
  silhouette: {
    what: 'silhouette, sample 10k of 500k x 50',
    run() {
      const { points, segment } = topicPoints(500_000, 1);
      return timed(() => silhouette(points, segment, { sampleSize: 10_000, seed: 1 }), (r) => `score ${r.score.toFixed(4)} (planted labels)`);
    },
  },
  chooseK: {
    what: 'chooseK 2..19, 10 restarts each, 50k x 50, silhouette sample 10k (default)',
    run() {
      const h = topicPoints(50_000, 2).points;
      return timed(
        () => chooseK(h, { kMin: 2, kMax: 19, seed: 1 }),
        (r) => `best k ${r.bestK}; silhouette ${r.curve.map((p) => `${p.k}:${p.silhouette.toFixed(3)}`).join(' ')}`,
      );
    },
  },
  pca: {
    what: 'pca 2 components, 500k x 50',
    run() {
      const h = topicPoints(500_000, 1).points;
      return timed(() => pca(h, { components: 2 }), (r) => `explained ${Array.from(r.explainedVarianceRatio, (v) => v.toFixed(3)).join(', ')}`);
    },
  },
  dbscan: {
    what: 'suggestEps + dbscan minPoints=10, 5k x 50 (the real panel has 5k customers)',
    run() {
      const h = topicPoints(5_000, 3).points;
      return timed(
        () => {
          const { eps } = suggestEps(h, 10, { seed: 1 });
          return { eps, ...dbscan(h, { eps, minPoints: 10 }) };
        },
        (r) => `eps ${r.eps.toFixed(3)}, ${r.clusters} clusters, ${r.noise} noise`,
      );
    },
  },
};

/** Dirichlet-like topic vectors around planted segments, mapped to Hellinger space. */
function topicPoints(n, seed) {
  const rng = new Rng(seed);
  const alphas = new Float64Array(SEGMENTS * D).fill(0.05);
  for (let s = 0; s < SEGMENTS; s++) for (let j = 0; j < 5; j++) alphas[s * D + rng.below(D)] += 2;
  const theta = new Float64Array(n * D);
  const segment = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = rng.below(SEGMENTS);
    segment[i] = s;
    let sum = 0;
    for (let t = 0; t < D; t++) {
      const g = gamma(rng, alphas[s * D + t]);
      theta[i * D + t] = g;
      sum += g;
    }
    if (sum === 0) {
      theta[i * D + rng.below(D)] = 1;
      sum = 1;
    }
    for (let t = 0; t < D; t++) theta[i * D + t] /= sum;
  }
  return { points: hellinger({ data: theta, n, d: D }, { normalize: true }), segment };
}

/** Gamma(shape, 1) by Marsaglia–Tsang, boosted for shape < 1. */
function gamma(rng, shape) {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(1 - rng.uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.uniform();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function normal(rng) {
  return Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
}

/** Wall seconds and CPU seconds (all threads of the process) of one call. */
function timed(fn, describe) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const result = fn();
  const c1 = process.cpuUsage(c0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { seconds, cpuSeconds: (c1.user + c1.system) / 1e6, note: describe(result) };
}

const taskArg = process.argv.indexOf('--task');
if (taskArg >= 0) {
  const name = process.argv[taskArg + 1];
  if (!(name in TASKS)) throw new RangeError(`Unknown task ${JSON.stringify(name)}; tasks: ${Object.keys(TASKS).join(', ')}`);
  const { seconds, cpuSeconds, note } = TASKS[name].run();
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds, cpuSeconds, peakMiB, note }) + '\n');
} else {
  const self = fileURLToPath(import.meta.url);
  const names = process.argv.slice(2).filter((a) => a in TASKS);
  const rows = [];
  for (const name of names.length > 0 ? names : Object.keys(TASKS)) {
    const child = spawnSync(process.execPath, [self, '--task', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      process.stderr.write(child.stderr);
      throw new Error(`Task ${name} failed with exit code ${child.status}`);
    }
    const { seconds, cpuSeconds, peakMiB, note } = JSON.parse(child.stdout.trim().split('\n').pop());
    rows.push({ name, seconds, cpuSeconds, peakMiB, note });
    process.stdout.write(`${name}: ${seconds.toFixed(2)} s (CPU ${cpuSeconds.toFixed(2)} s), peak RSS ${peakMiB.toFixed(0)} MiB — ${note}\n`);
  }
  const os = await import('node:os');
  const load = os.loadavg().map((v) => v.toFixed(1)).join(' ');
  process.stdout.write(`\nNode ${process.version}, ${os.availableParallelism()} CPUs (${os.cpus()[0].model}), load average at the end ${load}\n\n`);
  process.stdout.write('| task | what | wall s | CPU s | peak RSS (MiB) |\n|---|---|---:|---:|---:|\n');
  for (const r of rows) {
    process.stdout.write(`| ${r.name} | ${TASKS[r.name].what} | ${r.seconds.toFixed(2)} | ${r.cpuSeconds.toFixed(2)} | ${r.peakMiB.toFixed(0)} |\n`);
  }
}
