/**
 * The planted author-topic model at class level, and the shoppers drawn from it: topics over classes,
 * segment prototypes that also set visit frequency, basket size and demographics, and each shopper's
 * own topic mixture, price sensitivity, life stage, visit rate, basket size and stores.
 */
import {
  cumulativeWeights,
  rowCumulativeWeights,
  sampleDirichlet,
  sampleFromCdf,
  sampleGamma,
  samplePlantedMixtures,
  samplePlantedTopics,
} from '@atm/core';
import type { Rng } from '@atm/core';
import type { StoreTable } from './stores.js';

/** Share of each topic's mass on its own block of classes. */
export const TOPIC_PURITY = 0.85;
/** Base customer mix of price sensitivity (LA, MM, UM, XX) and life stage (YA, OA, YF, OF, PE, OT), as in the real sample. */
const PRICE_SENSITIVITY_BASE = [0.25, 0.45, 0.23, 0.07];
const LIFE_STAGE_BASE = [0.15, 0.11, 0.13, 0.05, 0.09, 0.47];
/** Share of known customers whose life stage is empty, as in the real data. */
export const EMPTY_LIFE_STAGE_SHARE = 0.11;
/** Share of visits made at a shopper's home store (the rest at a second store). */
export const HOME_STORE_SHARE = 0.8;

export interface SegmentProfile {
  /** Relative size (normalised: share of customers in expectation). */
  share: number;
  /** Prototype mixture over topics (length K). */
  prototype: number[];
  /** Mean store visits per week. */
  visitsPerWeek: number;
  /** Mean items (product draws) per basket. */
  itemsPerBasket: number;
  /** Distribution of price sensitivity over LA, MM, UM, XX. */
  priceSensitivity: number[];
  /** Distribution of life stage over YA, OA, YF, OF, PE, OT. */
  lifeStage: number[];
}

export interface PlantedShopperModel {
  numTopics: number;
  numClasses: number;
  /** Topics over classes, K x C row-major. */
  topicClass: Float64Array;
  topicClassCdf: Float64Array;
  /** Each topic's planted block of classes (class indices). */
  coreClasses: number[][];
  segments: SegmentProfile[];
}

export interface ShopperTable {
  count: number;
  segment: Int32Array;
  /** Topic mixtures, count x K row-major, and their row-wise CDFs. */
  theta: Float64Array;
  thetaCdf: Float64Array;
  /** Index into priceSensitivities. */
  priceSensitivity: Uint8Array;
  /** Index into lifeStages, -1 when empty. */
  lifeStage: Int8Array;
  visitsPerWeek: Float64Array;
  itemsPerBasket: Float64Array;
  homeStore: Int32Array;
  otherStore: Int32Array;
}

/**
 * Topics over classes and segment profiles.
 *
 * @example
 * const model = plantShopperModel(new Rng(1), { topics: 8, segments: 6, classes: 120 });
 */
export function plantShopperModel(rng: Rng, o: { topics: number; segments: number; classes: number }): PlantedShopperModel {
  const K = o.topics;
  const C = o.classes;
  const topicClass = samplePlantedTopics(rng, { numTopics: K, numTerms: C, purity: TOPIC_PURITY });
  const B = Math.floor(C / K);
  const coreClasses = Array.from({ length: K }, (_, k) => Array.from({ length: B }, (_, j) => k * B + j));
  const scaled = (base: number[], c: number): number[] => base.map((p) => p * c);
  const segments: SegmentProfile[] = [];
  for (let s = 0; s < o.segments; s++) {
    segments.push({
      share: 0.5 + rng.uniform(),
      prototype: [],
      visitsPerWeek: 0.3 + 1.5 * rng.uniform(),
      itemsPerBasket: 3 + 15 * rng.uniform(),
      priceSensitivity: [...sampleDirichlet(rng, scaled(PRICE_SENSITIVITY_BASE, 8))],
      lifeStage: [...sampleDirichlet(rng, scaled(LIFE_STAGE_BASE, 6))],
    });
  }
  const total = segments.reduce((a, s) => a + s.share, 0);
  for (const s of segments) s.share /= total;
  return { numTopics: K, numClasses: C, topicClass, topicClassCdf: rowCumulativeWeights(topicClass, C), coreClasses, segments };
}

/**
 * Draw `known + anonymous` shoppers around the segment prototypes (one call, so both groups share the
 * prototypes); the prototypes are stored into `model.segments`. Returns the two groups.
 *
 * @example
 * const { known, anonymous } = drawShoppers(new Rng(2), model, stores, 500, 125);
 */
export function drawShoppers(
  rng: Rng,
  model: PlantedShopperModel,
  stores: StoreTable,
  known: number,
  anonymous: number,
): { known: ShopperTable; anonymous: ShopperTable } {
  const K = model.numTopics;
  const n = known + anonymous;
  const mixtures = samplePlantedMixtures(rng, {
    numAuthors: n,
    numTopics: K,
    numSegments: model.segments.length,
    segmentWeights: model.segments.map((s) => s.share),
  });
  model.segments.forEach((s, i) => (s.prototype = [...mixtures.prototypes.subarray(i * K, i * K + K)]));
  const psCdf = model.segments.map((s) => cumulativeWeights(s.priceSensitivity));
  const lsCdf = model.segments.map((s) => cumulativeWeights(s.lifeStage));
  const all: ShopperTable = {
    count: n,
    segment: mixtures.segments,
    theta: mixtures.theta,
    thetaCdf: rowCumulativeWeights(mixtures.theta, K),
    priceSensitivity: new Uint8Array(n),
    lifeStage: new Int8Array(n),
    visitsPerWeek: new Float64Array(n),
    itemsPerBasket: new Float64Array(n),
    homeStore: new Int32Array(n),
    otherStore: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const s = mixtures.segments[i];
    const profile = model.segments[s];
    all.priceSensitivity[i] = sampleFromCdf(rng, psCdf[s]);
    all.lifeStage[i] = rng.uniform() < EMPTY_LIFE_STAGE_SHARE ? -1 : sampleFromCdf(rng, lsCdf[s]);
    all.visitsPerWeek[i] = profile.visitsPerWeek * (sampleGamma(rng, 3) / 3);
    all.itemsPerBasket[i] = Math.max(1, profile.itemsPerBasket * (sampleGamma(rng, 5) / 5));
    all.homeStore[i] = sampleFromCdf(rng, stores.popularityCdf);
    all.otherStore[i] = sampleFromCdf(rng, stores.popularityCdf);
  }
  return { known: sliceShoppers(all, 0, known), anonymous: sliceShoppers(all, known, n) };
}

function sliceShoppers(t: ShopperTable, from: number, to: number): ShopperTable {
  const K = t.theta.length / t.count;
  return {
    count: to - from,
    segment: t.segment.subarray(from, to),
    theta: t.theta.subarray(from * K, to * K),
    thetaCdf: t.thetaCdf.subarray(from * K, to * K),
    priceSensitivity: t.priceSensitivity.subarray(from, to),
    lifeStage: t.lifeStage.subarray(from, to),
    visitsPerWeek: t.visitsPerWeek.subarray(from, to),
    itemsPerBasket: t.itemsPerBasket.subarray(from, to),
    homeStore: t.homeStore.subarray(from, to),
    otherStore: t.otherStore.subarray(from, to),
  };
}
