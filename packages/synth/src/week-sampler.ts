/**
 * Sampling one week of baskets: known customers visit `Poisson(visitsPerWeek)` times, then anonymous
 * shoppers top the week up to the anonymous share of rows. Each item of a basket is an ATM token:
 * topic from the shopper's mixture, class from the topic, product from the class's Zipf-like distribution.
 */
import { cumulativeWeights, sampleFromCdf, sampleGamma, samplePoisson } from '@atm/core';
import type { Rng } from '@atm/core';
import { basketMissions } from './lgsr-format.js';
import type { ProductCatalog } from './product-catalog.js';
import { HOME_STORE_SHARE } from './shopper-model.js';
import type { PlantedShopperModel, ShopperTable } from './shopper-model.js';
import type { StoreTable } from './stores.js';
import type { WeekBuffer } from './week-buffer.js';

/** Relative footfall Monday..Sunday and per hour 08..22 (the hours from the real sample). */
const DAY_CDF = cumulativeWeights([0.13, 0.13, 0.135, 0.14, 0.16, 0.17, 0.135]);
const HOUR_CDF = cumulativeWeights([119, 92, 137, 185, 221, 258, 263, 241, 231, 226, 202, 159, 142, 150, 20]);
/** Basket price sensitivity of a basket not following its customer: LA, MM, UM. */
const BASKET_PRICE_CDF = cumulativeWeights([0.22, 0.52, 0.26]);
const BASKET_PRICE_FOLLOWS_CUSTOMER = 0.65;
const UNCLASSIFIED_BASKET_SHARE = 0.002;
const UNCLASSIFIED_PRICE_SHARE = 0.005;
/** Share of rows with extra units, the Pareto tail exponent of the extra and the largest quantity. */
const EXTRA_UNITS_SHARE = 0.18;
const EXTRA_UNITS_TAIL = 1.5;
const MAX_QUANTITY = 1800;
const PROMOTION_SHARE = 0.12;
const MAX_ITEMS = 150;
/** A mission is dominant when its department mission covers this share of a basket's rows. */
const DOMINANT_SHARE = 0.6;
const MISSION = { Fresh: 0, Grocery: 1, Mixed: 2, Nonfood: 3, XX: 4 } as const;

/** Everything the weekly sampler reads. */
export interface SynthWorld {
  catalog: ProductCatalog;
  stores: StoreTable;
  model: PlantedShopperModel;
  known: ShopperTable;
  anonymous: ShopperTable;
  anonymousShare: number;
}

export class WeekSampler {
  /** Next BASKET_ID (15 digits), increasing across weeks. */
  nextBasketId: number;
  private readonly world: SynthWorld;
  private readonly classMission: Uint8Array;
  private readonly seen: Int32Array;
  private readonly rowOf: Int32Array;
  private stamp = 0;

  constructor(world: SynthWorld, firstBasketId: number) {
    this.world = world;
    this.nextBasketId = firstBasketId;
    const { catalog } = world;
    this.classMission = Uint8Array.from(catalog.classDepartment, (d) => basketMissions.indexOf(catalog.departmentMission[d]));
    this.seen = new Int32Array(catalog.products.length);
    this.rowOf = new Int32Array(catalog.products.length);
  }

  /**
   * Fill `buffer` with one week of baskets.
   *
   * @example
   * sampler.sampleWeek(Rng.forStream(seed, 5, weekIndex), buffer);
   */
  sampleWeek(rng: Rng, buffer: WeekBuffer): void {
    for (const _ of this.sampleWeekInSteps(rng, buffer)) {
      // run every step
    }
  }

  /**
   * The same as {@link sampleWeek}, pausing after about `basketsPerStep` baskets so an async caller can let
   * other work (gzip callbacks) run between steps. The baskets drawn do not depend on the step size.
   *
   * @example
   * for (const _ of sampler.sampleWeekInSteps(rng, buffer)) await new Promise(setImmediate);
   */
  *sampleWeekInSteps(rng: Rng, buffer: WeekBuffer, basketsPerStep = 1000): Generator<void> {
    buffer.reset();
    const { known, anonymous, anonymousShare } = this.world;
    let pause = basketsPerStep;
    for (let i = 0; i < known.count; i++) {
      const visits = samplePoisson(rng, known.visitsPerWeek[i]);
      for (let v = 0; v < visits; v++) this.sampleBasket(rng, buffer, known, i, i);
      if (buffer.baskets >= pause) {
        pause += basketsPerStep;
        yield;
      }
    }
    if (anonymousShare > 0 && anonymous.count > 0) {
      const target = (buffer.rows * anonymousShare) / (1 - anonymousShare);
      while (buffer.anonymousRows < target) {
        const before = buffer.rows;
        this.sampleBasket(rng, buffer, anonymous, rng.below(anonymous.count), -1);
        buffer.anonymousRows += buffer.rows - before;
        if (buffer.baskets >= pause) {
          pause += basketsPerStep;
          yield;
        }
      }
    }
  }

  private sampleBasket(rng: Rng, buffer: WeekBuffer, shoppers: ShopperTable, i: number, customer: number): void {
    const { catalog, model } = this.world;
    const K = model.numTopics;
    const C = model.numClasses;
    const b = buffer.addBasket();
    buffer.basketId[b] = this.nextBasketId;
    this.nextBasketId += 1 + rng.below(3);
    buffer.basketCustomer[b] = customer;
    buffer.basketStore[b] = rng.uniform() < HOME_STORE_SHARE ? shoppers.homeStore[i] : shoppers.otherStore[i];
    buffer.basketDay[b] = sampleFromCdf(rng, DAY_CDF);
    buffer.basketHour[b] = 8 + sampleFromCdf(rng, HOUR_CDF);

    // Items: overdispersed around the shopper's mean, at least 1; a repeated product adds a unit to its row.
    const items = Math.min(MAX_ITEMS, 1 + samplePoisson(rng, (shoppers.itemsPerBasket[i] - 1) * (sampleGamma(rng, 2) / 2)));
    const stamp = ++this.stamp;
    const first = buffer.rows;
    for (let t = 0; t < items; t++) {
      const k = sampleFromCdf(rng, shoppers.thetaCdf, i * K, i * K + K);
      const c = sampleFromCdf(rng, model.topicClassCdf, k * C, k * C + C);
      const start = catalog.classOffsets[c];
      const p = start + sampleFromCdf(rng, catalog.productCdf, start, catalog.classOffsets[c + 1]);
      if (this.seen[p] === stamp) buffer.rowQuantity[this.rowOf[p]]++;
      else {
        this.seen[p] = stamp;
        this.rowOf[p] = buffer.addRow(b, p);
      }
    }

    const missionRows = [0, 0, 0, 0];
    for (let r = first; r < buffer.rows; r++) {
      const p = buffer.rowProduct[r];
      let q = buffer.rowQuantity[r];
      if (rng.uniform() < EXTRA_UNITS_SHARE) {
        let extra: number;
        do extra = Math.floor(Math.pow(1 - rng.uniform(), -1 / EXTRA_UNITS_TAIL));
        while (q + extra > MAX_QUANTITY);
        q += extra;
      }
      buffer.rowQuantity[r] = q;
      const promotion = rng.uniform() < PROMOTION_SHARE ? 0.5 + 0.4 * rng.uniform() : 1;
      buffer.rowSpend[r] = Math.max(1, Math.round(catalog.productPrice[p] * q * promotion));
      missionRows[this.classMission[catalog.productClass[p]]]++;
    }

    const n = buffer.rows - first;
    const size = n <= 3 ? 0 : n <= 9 ? 1 : 2;
    buffer.basketSize[b] = size;
    if (rng.uniform() < UNCLASSIFIED_BASKET_SHARE) {
      buffer.basketType[b] = 3;
      buffer.basketMission[b] = MISSION.XX;
    } else {
      buffer.basketType[b] = size; // S -> Small Shop, M -> Top Up, L -> Full Shop
      let mission: number = MISSION.Mixed;
      for (const m of [MISSION.Fresh, MISSION.Grocery, MISSION.Nonfood]) if (missionRows[m] >= DOMINANT_SHARE * n) mission = m;
      buffer.basketMission[b] = mission;
    }
    const own = shoppers.priceSensitivity[i];
    const u = rng.uniform();
    buffer.basketPrice[b] =
      u < UNCLASSIFIED_PRICE_SHARE ? 3
      : own !== 3 && u < UNCLASSIFIED_PRICE_SHARE + BASKET_PRICE_FOLLOWS_CUSTOMER ? own
      : sampleFromCdf(rng, BASKET_PRICE_CDF);
  }
}
