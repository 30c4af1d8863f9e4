import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '@atm/data';
import { reportToFile } from '@atm/report';
import { writeCsv } from '../csv.js';
import { UsageError } from '../errors.js';
import { corpusChoice, trainChoice, type ModelFlags } from '../options.js';
import type { Reporter } from '../progress.js';
import { basketWeeks } from '../pipeline/corpora.js';
import { reportData } from '../pipeline/report.js';
import { trainFromDatabase } from '../pipeline/train.js';
import { exportModel } from './export.js';
import { generateCommand } from './generate.js';
import { ingestCommand } from './ingest.js';
import { analyse, reportParameters } from './report.js';
import { writeSegments } from './segment.js';

export interface RunFlags extends ModelFlags {
  data?: string;
  out: string;
  db?: string;
  kRange: [number, number];
  customers: number;
  weeks: number;
}

export interface RunSummary {
  seconds: number;
  data: string;
  database: string;
  corpus: { baskets: number; customers: number; terms: number; tokens: number };
  model: { topics: number; sweeps: number; trainSeconds: number; backend: string; sampler: string; alphaSum: number; beta: number };
  evaluation: { heldOutPerplexity: number; heldOutPerToken: number; umass: number; npmi: number };
  segments: { k: number; silhouette: number; method: string };
  recommendations: { method: string; recallAt10: number; ndcgAt10: number; queries: number }[];
  files: string[];
  stepSeconds: Record<string, number>;
}

/**
 * `segmenter run`: ingest → train → segment → insights → report, into one folder. Without --data it
 * generates the embedded synthetic LGSR sample first.
 */
export async function runCommand(flags: RunFlags, reporter: Reporter): Promise<RunSummary> {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = performance.now();
  const step = (name: string): void => {
    const now = performance.now();
    steps[name] = Number(((now - mark) / 1000).toFixed(2));
    mark = now;
  };
  const out = resolve(flags.out);
  mkdirSync(out, { recursive: true });
  let data = flags.data;
  if (data === undefined) {
    data = join(out, 'data');
    reporter.info(`no --data given: generating the embedded synthetic LGSR sample in ${data}`);
    await generateCommand({ out: data, customers: flags.customers, weeks: flags.weeks, seed: flags.seed, topics: 8, segments: 6 }, reporter);
    step('generate');
  } else if (!existsSync(data)) throw new UsageError(`--data ${data}: no such file or directory`);
  const dbUrl = flags.db ?? `sqlite:${join(out, 'segmenter.db')}`;
  await ingestCommand([data], dbUrl, reporter);
  step('ingest');

  const db = await openDatabase(dbUrl);
  try {
    const weeks = await basketWeeks(db);
    const heldWeeks = Math.max(1, Math.round(weeks.length * 0.1));
    const { model, info, corpora } = await trainFromDatabase(db, corpusChoice(flags), { kind: 'time', testWeeks: heldWeeks, validationWeeks: heldWeeks }, trainChoice(flags), reporter);
    step('train');
    const { seg, profiles, insights } = await analyse(db, model, info, { method: 'kmeans', kRange: flags.kRange, seed: flags.seed }, reporter, corpora);
    step('analyse');
    // Keep the tuned recommender with the model, so `segmenter recommend` uses it.
    model.metadata = { ...model.metadata, recommender: insights.recommenders.tuned };
    const modelPath = join(out, 'model.atm');
    model.save(modelPath);
    const files = [modelPath, ...(await exportModel(model, modelPath, out, { minProb: 0.01, top: 20 }, reporter, insights.basketTopics))];
    files.push(...(await writeSegments(model, seg, profiles, join(out, 'segments.csv'))));
    const recPath = join(out, 'recommendations.csv');
    await writeCsv(recPath, ['method', 'recall_at_10', 'ndcg_at_10', 'queries'], insights.recommenders.rows.map((r) => [r.method, r.recallAt10, r.ndcgAt10, r.queries]));
    const bundlePath = join(out, 'bundles.csv');
    await writeCsv(bundlePath, ['items', 'topic', 'support', 'confidence', 'lift'], insights.bundles.map((b) => [b.items.join('+'), b.topic, b.support, b.confidence, b.lift]));
    files.push(recPath, bundlePath);
    step('export');
    const reportPath = join(out, 'report.html');
    await reportToFile(reportData({ model, info, seg, profiles, insights, parameters: reportParameters(model, info, seg) }), reportPath);
    files.push(reportPath);
    step('report');
    const e = info.evaluation;
    const summary: RunSummary = {
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      data,
      database: db.url,
      corpus: { baskets: model.corpus.numDocs, customers: model.corpus.numAuthors, terms: model.corpus.numTerms, tokens: model.corpus.numTokens },
      model: {
        topics: model.numTopics,
        sweeps: model.sweepsDone,
        trainSeconds: info.train.seconds,
        backend: info.train.backendUsed,
        sampler: info.train.sampler,
        alphaSum: model.alpha.reduce((s, a) => s + a, 0),
        beta: model.beta,
      },
      evaluation: { heldOutPerplexity: e.heldOutPerplexity, heldOutPerToken: e.heldOutPerToken, umass: e.umass, npmi: e.npmi },
      segments: { k: seg.k, silhouette: seg.silhouette, method: seg.method },
      recommendations: insights.recommenders.rows.map((r) => ({ method: r.method, recallAt10: r.recallAt10, ndcgAt10: r.ndcgAt10, queries: r.queries })),
      files,
      stepSeconds: { ...steps, ...Object.fromEntries(Object.entries(insights.seconds).map(([k, v]) => [`insights.${k}`, Number(v.toFixed(2))])) },
    };
    writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    return summary;
  } finally {
    await db.close();
  }
}
