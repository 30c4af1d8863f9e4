import type { AuthorTopicModel } from '@atm/core';
import { chooseK, dbscan, hellinger, kmeans, profileSegments, silhouette, suggestEps, type ChooseKPoint, type Points } from '@atm/cluster';
import { basketAttributes, customerAttributes, type AtmDatabase, type BasketAttributes } from '@atm/data';
import { UsageError } from '../errors.js';
import type { ModelInfo } from './train.js';

export interface SegmentChoice {
  method: 'kmeans' | 'dbscan';
  /** A fixed k, or a range scanned by silhouette (the reference scanned 2..19). */
  k?: number;
  kRange?: [number, number];
  seed: number;
  /** DBSCAN radius in Hellinger space (default: the k-distance knee) and core size. */
  eps?: number;
  minPoints?: number;
}

export interface Segmentation {
  method: 'kmeans' | 'dbscan';
  labels: Int32Array;
  /** Segments found (DBSCAN noise, -1, not counted). */
  k: number;
  silhouette: number;
  /** The k-selection curve when a range was scanned. */
  curve?: ChooseKPoint[];
  /** Customers in Hellinger space (√θ), the space the segments were found in. */
  points: Points;
  eps?: number;
}

/**
 * Segments customers on their topic mixtures θ in Hellinger space (Euclidean distance on √θ, the
 * natural metric for probability vectors), by k-means (fixed k or the best silhouette over a range)
 * or DBSCAN.
 */
export function segmentCustomers(model: AuthorTopicModel, choice: SegmentChoice): Segmentation {
  const A = model.corpus.numAuthors;
  const points = hellinger({ data: model.authorTopicMatrix(), n: A, d: model.numTopics });
  if (choice.method === 'dbscan') {
    const minPoints = choice.minPoints ?? 10;
    const eps = choice.eps ?? suggestEps(points, minPoints, { seed: choice.seed }).eps;
    const r = dbscan(points, { eps, minPoints });
    const score = r.clusters >= 2 ? silhouette(points, r.labels, { seed: choice.seed }).score : Number.NaN;
    return { method: 'dbscan', labels: r.labels, k: r.clusters, silhouette: score, points, eps };
  }
  if (choice.k !== undefined) {
    if (choice.k >= A) throw new UsageError(`--k ${choice.k} needs more customers than the model has (${A})`);
    const r = kmeans(points, { k: choice.k, seed: choice.seed });
    const score = choice.k >= 2 ? silhouette(points, r.labels, { seed: choice.seed }).score : Number.NaN;
    return { method: 'kmeans', labels: r.labels, k: choice.k, silhouette: score, points };
  }
  const [kMin, kMax] = choice.kRange ?? [2, 19];
  if (kMax >= A) throw new UsageError(`--k-range up to ${kMax} needs more customers than the model has (${A})`);
  const r = chooseK(points, { kMin, kMax, seed: choice.seed });
  const best = r.curve.find((p) => p.k === r.bestK)!;
  return { method: 'kmeans', labels: r.best.labels, k: r.bestK, silhouette: best.silhouette, curve: r.curve, points };
}

export interface ProfileTable {
  columns: { key: string; label: string; format: 'integer' | 'decimal' | 'percent' | 'text' | 'segment' }[];
  rows: Record<string, string | number>[];
}

/**
 * The segment profile table: size, baskets, spend per basket, total spend, life stage and price
 * sensitivity shares, top topics, top product classes, dominant basket missions and store formats.
 */
export async function segmentProfiles(db: AtmDatabase, model: AuthorTopicModel, info: ModelInfo, seg: Segmentation, baskets?: BasketAttributes[]): Promise<ProfileTable> {
  const corpus = model.corpus;
  const K = model.numTopics;
  const A = corpus.numAuthors;
  const attrs = new Map((await customerAttributes(db, corpus.authorIds)).map((c) => [c.customerCode, c]));
  baskets ??= await basketAttributes(db, corpus.docIds);
  const missionOf = new Map<string, Map<string, number>>();
  const formatOf = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, who: string, what: string): void => {
    const inner = m.get(who) ?? new Map<string, number>();
    inner.set(what, (inner.get(what) ?? 0) + 1);
    m.set(who, inner);
  };
  for (const b of baskets) {
    if (!b.customerCode) continue;
    bump(missionOf, b.customerCode, b.mission);
    bump(formatOf, b.customerCode, b.storeFormat);
  }
  const mode = (m: Map<string, number> | undefined): string | null => (m ? [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0] : null);
  const theta = model.authorTopicMatrix();
  const numeric = { baskets: new Float64Array(A), spendPerBasket: new Float64Array(A), totalSpend: new Float64Array(A) };
  const categorical = {
    lifeStage: new Array<string | null>(A),
    priceSensitivity: new Array<string | null>(A),
    topTopic: new Array<string>(A),
    mission: new Array<string | null>(A),
    storeFormat: new Array<string | null>(A),
  };
  corpus.authorIds.forEach((code, a) => {
    const c = attrs.get(code);
    numeric.baskets[a] = c?.baskets ?? Number.NaN;
    numeric.totalSpend[a] = c ? c.spendPence / 100 : Number.NaN;
    numeric.spendPerBasket[a] = c && c.baskets > 0 ? c.spendPence / 100 / c.baskets : Number.NaN;
    categorical.lifeStage[a] = c?.lifeStage ?? null;
    categorical.priceSensitivity[a] = c?.priceSensitivity ?? null;
    let best = 0;
    for (let k = 1; k < K; k++) if (theta[a * K + k] > theta[a * K + best]) best = k;
    categorical.topTopic[a] = `T${best}`;
    categorical.mission[a] = mode(missionOf.get(code));
    categorical.storeFormat[a] = mode(formatOf.get(code));
  });
  const profiles = profileSegments(seg.labels, { numeric, categorical });
  // Product classes per segment: the segment's mean θ through φ, summed up to prod_code_10.
  const phi = model.topicTermMatrix();
  const V = corpus.numTerms;
  const classOf = info.hierarchy.map((h, w) => h[0] ?? corpus.terms[w]);
  const topShares = (dist: Record<string, number>, n: number): string =>
    Object.entries(dist)
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([name, share]) => `${name} ${(share * 100).toFixed(0)}%`)
      .join(', ');
  const rows = profiles.segments.map((s) => {
    const members: number[] = [];
    seg.labels.forEach((l, a) => l === s.label && members.push(a));
    const meanTheta = new Float64Array(K);
    for (const a of members) for (let k = 0; k < K; k++) meanTheta[k] += theta[a * K + k] / members.length;
    const classes = new Map<string, number>();
    for (let w = 0; w < V; w++) {
      let p = 0;
      for (let k = 0; k < K; k++) p += meanTheta[k] * phi[k * V + w];
      classes.set(classOf[w], (classes.get(classOf[w]) ?? 0) + p);
    }
    const topics = [...meanTheta.entries()].sort((x, y) => y[1] - x[1]).slice(0, 3);
    return {
      segment: s.label,
      customers: s.size,
      share: s.share,
      baskets: s.numeric.baskets.mean,
      spendPerBasket: s.numeric.spendPerBasket.mean,
      totalSpend: s.numeric.totalSpend.mean,
      lifeStage: topShares(s.categorical.lifeStage, 3),
      priceSensitivity: topShares(s.categorical.priceSensitivity, 3),
      topTopics: topics.map(([k, p]) => `T${k} ${(p * 100).toFixed(0)}%`).join(', '),
      topClasses: [...classes].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([c]) => c).join(', '),
      missions: topShares(s.categorical.mission, 2),
      storeFormats: topShares(s.categorical.storeFormat, 2),
    };
  });
  return {
    columns: [
      { key: 'segment', label: 'Segment', format: 'segment' },
      { key: 'customers', label: 'Customers', format: 'integer' },
      { key: 'share', label: 'Share', format: 'percent' },
      { key: 'baskets', label: 'Baskets / customer', format: 'decimal' },
      { key: 'spendPerBasket', label: 'Spend / basket', format: 'decimal' },
      { key: 'totalSpend', label: 'Total spend / customer', format: 'decimal' },
      { key: 'lifeStage', label: 'Life stage', format: 'text' },
      { key: 'priceSensitivity', label: 'Price sensitivity', format: 'text' },
      { key: 'topTopics', label: 'Top topics', format: 'text' },
      { key: 'topClasses', label: 'Top product classes', format: 'text' },
      { key: 'missions', label: 'Dominant missions', format: 'text' },
      { key: 'storeFormats', label: 'Store formats', format: 'text' },
    ],
    rows,
  };
}
