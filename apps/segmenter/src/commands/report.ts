import { AuthorTopicModel } from '@atm/core';
import { basketAttributes, openDatabase, type AtmDatabase } from '@atm/data';
import { reportToFile } from '@atm/report';
import { UsageError } from '../errors.js';
import type { Reporter } from '../progress.js';
import { buildCorpora, type Corpora } from '../pipeline/corpora.js';
import { computeInsights, type Insights } from '../pipeline/insights.js';
import { reportData } from '../pipeline/report.js';
import { segmentCustomers, segmentProfiles, type ProfileTable, type SegmentChoice, type Segmentation } from '../pipeline/segment.js';
import { modelInfo, type ModelInfo } from '../pipeline/train.js';
import { readSelectK } from './select-k.js';

export interface Analysis {
  seg: Segmentation;
  profiles: ProfileTable;
  insights: Insights;
}

/** Segments, profiles and insights for a trained model, with its held-out sets rebuilt from the database. */
export async function analyse(db: AtmDatabase, model: AuthorTopicModel, info: ModelInfo, segment: SegmentChoice, reporter: Reporter, prebuilt?: Corpora): Promise<Analysis> {
  const corpora = prebuilt ?? (await buildCorpora(db, info.corpus, info.split));
  if (corpora.train.numDocs !== model.corpus.numDocs || corpora.train.numTokens !== model.corpus.numTokens)
    throw new UsageError(`The database ${db.url} no longer holds the data the model was trained on (${model.corpus.numDocs} baskets then, ${corpora.train.numDocs} now)`);
  reporter.info(`segmenting ${model.corpus.numAuthors} customers`);
  const seg = segmentCustomers(model, segment);
  const baskets = await basketAttributes(db, model.corpus.docIds);
  const profiles = await segmentProfiles(db, model, info, seg, baskets);
  const insights = await computeInsights(model, info, corpora, seg, baskets, reporter);
  return { seg, profiles, insights };
}

export function reportParameters(model: AuthorTopicModel, info: ModelInfo, seg: Segmentation): Record<string, string | number> {
  return {
    'Corpus preset': info.corpus.preset ?? '(none)',
    'Term level': info.level,
    'Held-out split': info.split.kind === 'time' ? `last ${info.split.testWeeks} weeks test, ${info.split.validationWeeks} before validation` : `${info.split.fraction} of each customer's baskets`,
    Topics: model.numTopics,
    Iterations: String(info.train.iterations),
    'Priors learned': info.train.optimize ? 'yes (asymmetric α, β)' : 'no (α = 50/K, β = 0.01)',
    'Σα / β': `${model.alpha.reduce((s, a) => s + a, 0).toFixed(3)} / ${model.beta.toFixed(4)}`,
    'Posterior samples averaged': info.train.posteriorSamples,
    Seed: info.train.seed,
    'Segmentation': `${seg.method}${seg.curve ? ` (k by silhouette over ${seg.curve[0].k}..${seg.curve.at(-1)!.k})` : ''}`,
    'Segments (k)': seg.k,
    Silhouette: Number.isNaN(seg.silhouette) ? 'n/a' : Number(seg.silhouette.toFixed(4)),
  };
}

/** `segmenter report`. */
export async function reportCommand(flags: { model: string; db: string; out: string; seed: number; selectK?: string }, reporter: Reporter): Promise<void> {
  const topicKSelection = flags.selectK ? readSelectK(flags.selectK) : undefined;
  const model = AuthorTopicModel.load(flags.model);
  const info = modelInfo(model, flags.model);
  const db = await openDatabase(flags.db);
  try {
    const { seg, profiles, insights } = await analyse(db, model, info, { method: 'kmeans', seed: flags.seed }, reporter);
    const data = reportData({ model, info, seg, profiles, insights, parameters: reportParameters(model, info, seg) });
    const bytes = await reportToFile(topicKSelection ? { ...data, topicKSelection } : data, flags.out);
    reporter.info(`wrote ${flags.out} (${(bytes / 1024).toFixed(0)} KB)`);
  } finally {
    await db.close();
  }
}
