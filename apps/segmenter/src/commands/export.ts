import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AuthorTopicModel, topIndices } from '@atm/core';
import { basketTopics } from '@atm/insights';
import { writeCsv } from '../csv.js';
import type { Reporter } from '../progress.js';
import { BASKET_SWEEPS } from '../pipeline/insights.js';
import { HIERARCHY_LEVELS, modelInfo } from '../pipeline/train.js';

export interface ExportFlags {
  model: string;
  out: string;
  /** basket_topics.csv keeps probabilities ≥ this (the dense table has baskets × K rows). */
  minProb: number;
  top: number;
}

/** The four CSV exports and their exact headers (other tools read these files). */
export const EXPORT_HEADERS = {
  phi: ['topic', 'product_code', 'prob'],
  theta: ['customer_code', 'topic', 'prob'],
  basketTopics: ['basket_id', 'topic', 'prob'],
  topics: ['topic', 'rank', 'product_code', 'prob', ...HIERARCHY_LEVELS],
} as const;

/**
 * Writes phi.csv, theta.csv, basket_topics.csv and topics.csv for a trained model.
 * Basket topics are each training basket's own mission (fold-in with prior α).
 */
export async function exportModel(
  model: AuthorTopicModel,
  modelPath: string,
  out: string,
  flags: Pick<ExportFlags, 'minProb' | 'top'>,
  reporter: Reporter,
  precomputedBasketTopics?: Float64Array,
): Promise<string[]> {
  const info = modelInfo(model, modelPath);
  mkdirSync(out, { recursive: true });
  const { corpus } = model;
  const K = model.numTopics;
  const V = corpus.numTerms;
  const phi = model.topicTermMatrix();
  const theta = model.authorTopicMatrix();
  const files = ['phi.csv', 'theta.csv', 'basket_topics.csv', 'topics.csv'].map((f) => join(out, f));
  await writeCsv(files[0], EXPORT_HEADERS.phi, (function* () {
    for (let k = 0; k < K; k++) for (let w = 0; w < V; w++) yield [k, corpus.terms[w], phi[k * V + w]];
  })());
  await writeCsv(files[1], EXPORT_HEADERS.theta, (function* () {
    for (let a = 0; a < corpus.numAuthors; a++) for (let k = 0; k < K; k++) yield [corpus.authorIds[a], k, theta[a * K + k]];
  })());
  if (!precomputedBasketTopics) reporter.info(`inferring the topics of ${corpus.numDocs} baskets`);
  const bt = precomputedBasketTopics ?? basketTopics(model, corpus, { iterations: BASKET_SWEEPS });
  await writeCsv(files[2], EXPORT_HEADERS.basketTopics, (function* () {
    for (let d = 0; d < corpus.numDocs; d++) for (let k = 0; k < K; k++) if (bt[d * K + k] >= flags.minProb) yield [corpus.docIds[d], k, bt[d * K + k]];
  })());
  await writeCsv(files[3], EXPORT_HEADERS.topics, (function* () {
    for (let k = 0; k < K; k++)
      for (const [rank, w] of topIndices(phi, Math.min(flags.top, V), k * V, V).entries()) yield [k, rank + 1, corpus.terms[w], phi[k * V + w], ...info.hierarchy[w]];
  })());
  return files;
}

/** `segmenter export`. */
export async function exportCommand(flags: ExportFlags, reporter: Reporter): Promise<string[]> {
  const model = AuthorTopicModel.load(flags.model);
  const files = await exportModel(model, flags.model, flags.out, flags, reporter);
  reporter.info(`wrote ${files.join(', ')}`);
  return files;
}
