import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { selectK, type SelectKResult } from '@atm/core';
import { openDatabase } from '@atm/data';
import { writeCsv } from '../csv.js';
import { UsageError } from '../errors.js';
import { corpusChoice, type ModelFlags } from '../options.js';
import type { Reporter } from '../progress.js';
import { buildCorpora } from '../pipeline/corpora.js';
import { formatTable } from '../table.js';

export const SELECT_K_HEADER = ['k', 'perplexity', 'held_out_per_token', 'umass', 'npmi', 'stability', 'sweeps', 'seconds', 'chosen'] as const;

/** Reads a table written by `select-k --out` back, for the report's topic-K section. */
export function readSelectK(path: string): { rows: { k: number; perplexity: number; umass: number; npmi: number; stability: number }[]; chosenK?: number } {
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  if (lines[0] !== SELECT_K_HEADER.join(',')) throw new UsageError(`${path} is not a table written by segmenter select-k --out (its header is ${JSON.stringify(lines[0])})`);
  const rows = lines.slice(1).map((line, i) => {
    const v = line.split(',').map(Number);
    if (v.length !== SELECT_K_HEADER.length || v.some((x) => !Number.isFinite(x))) throw new UsageError(`${path}, line ${i + 2}: expected ${SELECT_K_HEADER.length} numbers`);
    return { k: v[0], perplexity: v[1], umass: v[3], npmi: v[4], stability: v[5], chosen: v[8] === 1 };
  });
  return { rows: rows.map(({ chosen: _c, ...r }) => r), chosenK: rows.find((r) => r.chosen)?.k };
}

export interface SelectKFlags extends ModelFlags {
  db: string;
  topicsRange: [number, number];
  step: number;
  holdout: number;
  out?: string;
}

/** `segmenter select-k`: one model per K and two seeds, scored on held-out perplexity, coherence and stability. */
export async function selectKCommand(flags: SelectKFlags, reporter: Reporter): Promise<SelectKResult> {
  const db = await openDatabase(flags.db);
  try {
    const corpora = await buildCorpora(db, corpusChoice(flags), { kind: 'fraction', fraction: flags.holdout, seed: flags.seed });
    const ks: number[] = [];
    for (let k = flags.topicsRange[0]; k <= flags.topicsRange[1]; k += flags.step) ks.push(k);
    const task = reporter.task('select-k', ks.length * 2);
    let done = 0;
    // Independent models run at once: each native fit trains on its own thread.
    const result = await selectK(corpora.train, {
      topics: ks,
      heldOut: corpora.test,
      seeds: [flags.seed, flags.seed + 1],
      model: { backend: flags.backend, threads: 1, ...(flags.optimize ? { optimizeInterval: 10, burnIn: 50 } : {}) },
      fit: { iterations: flags.iterations, evalEvery: 10 },
      concurrency: flags.backend === 'ts' ? 1 : availableParallelism(),
      onModel: (m) => task.update(++done, `K=${m.k} seed ${m.seed}: ${m.sweeps} sweeps, ${m.seconds.toFixed(1)}s`),
    });
    task.done();
    console.log(formatTable(
      ['k', 'perplexity', 'umass', 'npmi', 'stability', 'sweeps', 'seconds'].map((key) => ({ key, label: key })),
      result.rows,
    ));
    console.log(`chosen K = ${result.chosen}: ${result.rule}`);
    if (flags.out)
      await writeCsv(flags.out, SELECT_K_HEADER, result.rows.map((r) => [r.k, r.perplexity, r.heldOutPerToken, r.umass, r.npmi, r.stability, r.sweeps, r.seconds, r.k === result.chosen ? 1 : 0]));
    return result;
  } finally {
    await db.close();
  }
}
