import type { AuthorTopicModel, Corpus } from '@atm/core';
import type { BasketAttributes } from '@atm/data';
import {
  HybridRecommender,
  basketTopics,
  clusterBaskets,
  crossSellBundles,
  customerMap,
  dominantTopic,
  evaluateRecommenders,
  layoutAffinity,
  missionTable,
  type BasketClusters,
  type Bundle,
  type CustomerMap,
  type LayoutAffinity,
  type MissionTable,
  type RecommenderEvaluation,
} from '@atm/insights';
import type { Reporter } from '../progress.js';
import type { Corpora } from './corpora.js';
import type { Segmentation } from './segment.js';
import type { ModelInfo } from './train.js';

export interface RecommendationExample {
  customer: string;
  basket: string[];
  heldOut: string[];
  recommended: { term: string; score: number }[];
}

export interface Insights {
  basketTopics: Float64Array;
  missions: Int32Array;
  missionTable: MissionTable;
  basketClusters: BasketClusters;
  recommenders: RecommenderEvaluation;
  examples: RecommendationExample[];
  bundles: Bundle[];
  layout: LayoutAffinity;
  layoutLevel: string;
  map: CustomerMap<number>;
  seconds: Record<string, number>;
}

/** Fold-in sweeps per basket for basket missions and basket_topics.csv. */
export const BASKET_SWEEPS = 20;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The category level for layout affinity: two levels above the terms, capped at departments. */
export function layoutLevelIndex(level: string): number {
  const order = ['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'];
  return Math.min(order.indexOf(level) + 2, 4);
}

/** Basket missions, recommendation evaluation and examples, bundles, layout affinity and the customer map. */
export async function computeInsights(
  model: AuthorTopicModel,
  info: ModelInfo,
  corpora: Corpora,
  seg: Segmentation,
  attrs: readonly BasketAttributes[],
  reporter: Reporter,
): Promise<Insights> {
  const seconds: Record<string, number> = {};
  const time = async <T>(name: string, f: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await f();
    seconds[name] = (performance.now() - t0) / 1000;
    return r;
  };
  const train: Corpus = model.corpus;
  const K = model.numTopics;
  reporter.info(`basket missions: inferring the topics of ${train.numDocs} baskets`);
  // 20 sweeps (10 burn-in) per basket: baskets are short, and the dominant topic settles quickly.
  const bt = await time('basketTopics', () => basketTopics(model, train, { iterations: BASKET_SWEEPS }));
  const missions = dominantTopic(bt, K);
  const byId = new Map(attrs.map((a) => [a.basketId, a]));
  const column = <T>(f: (a: (typeof attrs)[number]) => T): (T | null)[] => train.docIds.map((id) => {
    const a = byId.get(id);
    return a ? f(a) : null;
  });
  const table = missionTable(missions, {
    weekday: column((a) => WEEKDAYS[a.weekday - 1] ?? String(a.weekday)),
    hour: column((a) => a.hour),
    storeFormat: column((a) => a.storeFormat),
    basketType: column((a) => a.basketType),
  }, { numMissions: K });
  const clusters = await time('basketClusters', () => clusterBaskets(bt, K, { seed: model.seed }));

  reporter.info(`recommendations: evaluating 5 recommenders on held-out baskets (${corpora.validation.numDocs} validation, ${corpora.test.numDocs} test)`);
  const recommenders = await time('recommenders', () => evaluateRecommenders({ model, train, validation: corpora.validation, test: corpora.test, seed: model.seed }));
  const hybrid = new HybridRecommender(model, recommenders.tuned);
  const examples: RecommendationExample[] = [];
  for (let d = 0; d < corpora.test.numDocs && examples.length < 6; d += Math.max(1, Math.floor(corpora.test.numDocs / 6))) {
    const items = [...new Set(Array.from(corpora.test.docTokens(d), (w) => train.terms[w]))];
    if (items.length < 3) continue;
    const customer = train.authorIds[corpora.test.docAuthorIds(d)[0]];
    const basket = items.slice(0, -1);
    examples.push({ customer, basket, heldOut: items.slice(-1), recommended: hybrid.recommend({ customer, basket, topN: 10 }) });
  }

  reporter.info('cross-sell bundles, layout affinity and the customer map');
  const bundles = await time('bundles', () => crossSellBundles(model, train, { limit: 40 }));
  const li = layoutLevelIndex(info.level);
  const layoutLevel = ['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'][li];
  const categories = info.hierarchy.map((h) => h[li - 1] ?? null);
  const layout = await time('layout', () => layoutAffinity(model, train, { categories, top: 15 }));
  const map = await time('map', () => customerMap(model, { segments: seg.labels }));
  return { basketTopics: bt, missions, missionTable: table, basketClusters: clusters, recommenders, examples, bundles, layout, layoutLevel, map, seconds };
}
