/**
 * `generateLgsr`: synthetic Dunnhumby LGSR files sampled from a known author-topic model, one week at a
 * time, with the ground truth alongside.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { invalid, Rng } from '@atm/core';
import { addFiscalWeeks, fiscalWeekStart, formatShopDate, isShopWeek } from './fiscal-calendar.js';
import { lifeStages, priceSensitivities, timeFileName, timeHeader, transactionsFileName } from './lgsr-format.js';
import { buildProductCatalog } from './product-catalog.js';
import type { ProductCatalog } from './product-catalog.js';
import { distinctRandomNumbers } from './random-codes.js';
import { drawShoppers, plantShopperModel } from './shopper-model.js';
import type { PlantedShopperModel, ShopperTable } from './shopper-model.js';
import { buildStores } from './stores.js';
import type { StoreTable } from './stores.js';
import { truthFileName, TRUTH_FORMAT, TRUTH_VERSION, writeTruth } from './truth.js';
import type { LgsrTruth, TruthCustomer, TruthOptions } from './truth.js';
import { WeekBuffer } from './week-buffer.js';
import { WeekSampler } from './week-sampler.js';
import { writeWeekFile } from './week-writer.js';
import type { RowTexts } from './week-writer.js';

export interface GenerateProgress {
  /** SHOP_WEEK just written. */
  week: number;
  /** Rows written so far (all weeks). */
  rows: number;
  /** Weeks written so far and in total. */
  weeksDone: number;
  weeks: number;
}

export interface GenerateOptions {
  /** Output directory (created if missing; existing files of the same names are overwritten). */
  outDir: string;
  /** Known (loyalty-card) customers, default 500. */
  customers?: number;
  /** Number of weekly files, default 26. */
  weeks?: number;
  /** First fiscal week YYYYWW, default 200607. */
  startWeek?: number;
  /** Default 1. */
  seed?: number;
  /** Planted topics over classes, default 8. */
  topics?: number;
  /** Planted customer segments, default 6. */
  segments?: number;
  /** Target share of anonymous rows, default 0.2. */
  anonymousShare?: number;
  /** PROD_CODE_10 classes, default 120 (at most 999). */
  classes?: number;
  /** Mean products per class, default 20. */
  productsPerClass?: number;
  /** Stores, default `max(3, round(customers / 8))`. */
  stores?: number;
  /** gzip level 1..9, default 6. */
  gzipLevel?: number;
  onProgress?: (p: GenerateProgress) => void;
}

export interface GenerateResult {
  outDir: string;
  /** Every file written: the weekly files, time.csv and truth.json. */
  files: string[];
  /** SHOP_WEEK of each weekly file. */
  weeks: number[];
  rows: number;
  anonymousRows: number;
  baskets: number;
  /** Planted known customers (all in truth.json). */
  customers: number;
  /** Known customers with at least one basket. */
  activeCustomers: number;
  truthPath: string;
}

const OPTION_KEYS = new Set([
  'outDir', 'customers', 'weeks', 'startWeek', 'seed', 'topics', 'segments', 'anonymousShare',
  'classes', 'productsPerClass', 'stores', 'gzipLevel', 'onProgress',
]);
/** Random streams: Rng.forStream(seed, STREAM.x, index). */
const STREAM = { catalog: 0x51, stores: 0x52, model: 0x53, shoppers: 0x54, codes: 0x55, week: 0x56 } as const;
const FIRST_BASKET_ID = 994_100_100_000_000;
/** Weekly files being compressed while the next week is sampled. */
const WRITES_IN_FLIGHT = 2;

const yieldToEventLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

interface Resolved extends TruthOptions {
  outDir: string;
  gzipLevel: number;
  onProgress?: (p: GenerateProgress) => void;
}

function integerIn(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new RangeError(invalid(`an integer in ${min}..${max}`, name, v));
  return v;
}

function resolveOptions(options: GenerateOptions): Resolved {
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object', 'options', options));
  for (const key of Object.keys(options))
    if (!OPTION_KEYS.has(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} for generateLgsr`);
  if (typeof options.outDir !== 'string' || options.outDir === '')
    throw new TypeError(invalid('a non-empty directory path', 'options.outDir', options.outDir));
  const customers = integerIn(options.customers ?? 500, 'options.customers', 1, 400_000);
  const weeks = integerIn(options.weeks ?? 26, 'options.weeks', 1, 520);
  const startWeek = options.startWeek ?? 200607;
  if (!isShopWeek(startWeek)) throw new RangeError(invalid('a fiscal week YYYYWW', 'options.startWeek', startWeek));
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new RangeError(invalid('an integer', 'options.seed', seed));
  const classes = integerIn(options.classes ?? 120, 'options.classes', 1, 999);
  const topics = integerIn(options.topics ?? 8, 'options.topics', 1, classes);
  const segments = integerIn(options.segments ?? 6, 'options.segments', 1, customers);
  const productsPerClass = options.productsPerClass ?? 20;
  if (!(typeof productsPerClass === 'number' && Number.isFinite(productsPerClass) && productsPerClass >= 1 && productsPerClass * classes <= 50_000))
    throw new RangeError(invalid(`a number >= 1 with classes × productsPerClass <= 50000 (classes = ${classes})`, 'options.productsPerClass', productsPerClass));
  const stores = integerIn(options.stores ?? Math.max(3, Math.round(customers / 8)), 'options.stores', 1, 20_000);
  const anonymousShare = options.anonymousShare ?? 0.2;
  if (!(typeof anonymousShare === 'number' && anonymousShare >= 0 && anonymousShare <= 0.9))
    throw new RangeError(invalid('a number in 0..0.9', 'options.anonymousShare', anonymousShare));
  const gzipLevel = integerIn(options.gzipLevel ?? 6, 'options.gzipLevel', 1, 9);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    throw new TypeError(invalid('a function', 'options.onProgress', options.onProgress));
  return {
    outDir: resolve(options.outDir), seed, customers, weeks, startWeek, topics, segments, anonymousShare,
    classes, productsPerClass, stores, gzipLevel, onProgress: options.onProgress,
  };
}

/**
 * Generate `weeks` weekly LGSR files (`transactions_YYYYWW.csv.gz`), `time.csv` and `truth.json` in `outDir`.
 * Deterministic: the same options give byte-identical files.
 *
 * @example
 * const result = await generateLgsr({ outDir: 'data/synth', customers: 500, weeks: 26, seed: 7 });
 * const truth = await readTruth(result.outDir);
 */
export async function generateLgsr(options: GenerateOptions): Promise<GenerateResult> {
  const o = resolveOptions(options);
  const catalog = buildProductCatalog(Rng.forStream(o.seed, STREAM.catalog, 0), o.classes, o.productsPerClass);
  const stores = buildStores(Rng.forStream(o.seed, STREAM.stores, 0), o.stores);
  const model = plantShopperModel(Rng.forStream(o.seed, STREAM.model, 0), o);
  const anonymousPool = o.anonymousShare > 0 ? Math.max(1, Math.ceil((o.customers * o.anonymousShare) / (1 - o.anonymousShare))) : 0;
  const { known, anonymous } = drawShoppers(Rng.forStream(o.seed, STREAM.shoppers, 0), model, stores, o.customers, anonymousPool);
  const customerCodes = distinctRandomNumbers(Rng.forStream(o.seed, STREAM.codes, 0), o.customers, 100_000, 999_999).map(
    (n) => `CUST0000${n}`,
  );
  const texts = rowTexts(catalog, stores, known, customerCodes);

  await mkdir(o.outDir, { recursive: true });
  const sampler = new WeekSampler({ catalog, stores, model, known, anonymous, anonymousShare: o.anonymousShare }, FIRST_BASKET_ID);
  // Weeks are sampled on the main thread in small steps while up to WRITES_IN_FLIGHT earlier weeks are
  // compressed on the thread pool; each write has its own buffer.
  const buffers = Array.from({ length: WRITES_IN_FLIGHT + 1 }, () => new WeekBuffer());
  // Writes in flight never reject (a rejection nobody awaits yet would be unhandled); their outcome is
  // checked, in order, when each is awaited.
  const writing: Promise<{ progress: GenerateProgress } | { error: unknown }>[] = [];
  const settleOldestWrite = async (): Promise<void> => {
    const outcome = await writing.shift()!;
    if ('error' in outcome) throw outcome.error;
    o.onProgress?.(outcome.progress);
  };
  const active = new Uint8Array(o.customers);
  const files: string[] = [];
  const weeks: number[] = [];
  let rows = 0;
  let anonymousRows = 0;
  let baskets = 0;
  let anonymousBaskets = 0;
  try {
    for (let w = 0; w < o.weeks; w++) {
      const buffer = buffers[w % buffers.length];
      const week = addFiscalWeeks(o.startWeek, w);
      for (const _ of sampler.sampleWeekInSteps(Rng.forStream(o.seed, STREAM.week, w), buffer)) await yieldToEventLoop();
      for (let b = 0; b < buffer.baskets; b++) {
        const c = buffer.basketCustomer[b];
        if (c >= 0) active[c] = 1;
        else anonymousBaskets++;
      }
      rows += buffer.rows;
      anonymousRows += buffer.anonymousRows;
      baskets += buffer.baskets;
      const path = join(o.outDir, transactionsFileName(week));
      files.push(path);
      weeks.push(week);
      const progress: GenerateProgress = { week, rows, weeksDone: w + 1, weeks: o.weeks };
      if (writing.length === WRITES_IN_FLIGHT) await settleOldestWrite();
      writing.push(writeWeekFile(path, week, buffer, texts, o.gzipLevel).then(() => ({ progress }), (error: unknown) => ({ error })));
    }
    while (writing.length > 0) await settleOldestWrite();
  } finally {
    // On failure, let the other writes finish before the error propagates.
    await Promise.all(writing);
  }

  const timePath = join(o.outDir, timeFileName);
  const timeLines = weeks.map((week) => {
    const monday = fiscalWeekStart(week);
    return `${week},${formatShopDate(monday)},${formatShopDate(monday + 6)}\n`;
  });
  await writeFile(timePath, timeHeader.join(',') + '\n' + timeLines.join(''));
  files.push(timePath);

  const activeCustomers = active.reduce((a, b) => a + b, 0);
  const truthPath = join(o.outDir, truthFileName);
  const truthOptions: TruthOptions = {
    seed: o.seed, customers: o.customers, weeks: o.weeks, startWeek: o.startWeek, topics: o.topics, segments: o.segments,
    anonymousShare: o.anonymousShare, classes: o.classes, productsPerClass: o.productsPerClass, stores: o.stores,
  };
  await writeTruth(
    truthPath,
    {
      format: TRUTH_FORMAT,
      version: TRUTH_VERSION,
      options: truthOptions,
      summary: { weeks, rows, anonymousRows, baskets, anonymousBaskets, activeCustomers },
      ...truthModel(catalog, stores, model),
    },
    truthCustomers(known, customerCodes, stores, model.numTopics),
  );
  files.push(truthPath);
  return { outDir: o.outDir, files, weeks, rows, anonymousRows, baskets, customers: o.customers, activeCustomers, truthPath };
}

function rowTexts(catalog: ProductCatalog, stores: StoreTable, known: ShopperTable, codes: string[]): RowTexts {
  const c = catalog;
  const product = c.products.map((code, p) => {
    const k10 = c.productClass[p];
    const k20 = c.classParent[k10];
    const k30 = c.level20Parent[k20];
    return `${code},${c.classes[k10]},${c.level20[k20]},${c.level30[k30]},${c.departments[c.level30Parent[k30]]}`;
  });
  const byCode = Array.from(c.products.keys()).sort((a, b) => (c.products[a] < c.products[b] ? -1 : 1));
  const productRank = new Int32Array(c.products.length);
  byCode.forEach((p, rank) => (productRank[p] = rank));
  const customer = codes.map((code, i) => {
    const ls = known.lifeStage[i];
    return `${code},${priceSensitivities[known.priceSensitivity[i]]},${ls < 0 ? '' : lifeStages[ls]}`;
  });
  const store = stores.codes.map((code, s) => `${code},${stores.formats[s]},${stores.regions[s]}`);
  return { product, productRank, customer, store };
}

function truthModel(c: ProductCatalog, stores: StoreTable, model: PlantedShopperModel): Pick<LgsrTruth, 'topics' | 'segments' | 'hierarchy' | 'stores'> {
  const C = model.numClasses;
  const record = <T>(keys: string[], value: (i: number) => T): Record<string, T> =>
    Object.fromEntries(keys.map((k, i) => [k, value(i)]));
  return {
    topics: model.coreClasses.map((core, k) => ({
      id: k,
      coreClasses: core.map((i) => c.classes[i]),
      classes: record(c.classes, (i) => model.topicClass[k * C + i]),
    })),
    segments: model.segments.map((s, id) => ({ id, ...s })),
    hierarchy: {
      products: record(c.products, (p) => ({ class: c.classes[c.productClass[p]], share: c.productShare[p], price: c.productPrice[p] })),
      classes: record(c.classes, (i) => c.level20[c.classParent[i]]),
      level20: record(c.level20, (i) => c.level30[c.level20Parent[i]]),
      level30: record(c.level30, (i) => c.departments[c.level30Parent[i]]),
      departments: record(c.departments, (i) => c.departmentMission[i]),
    },
    stores: record(stores.codes, (s) => ({ format: stores.formats[s], region: stores.regions[s] })),
  };
}

function* truthCustomers(known: ShopperTable, codes: string[], stores: StoreTable, K: number): Generator<[string, TruthCustomer]> {
  for (let i = 0; i < known.count; i++) {
    const ls = known.lifeStage[i];
    yield [
      codes[i],
      {
        segment: known.segment[i],
        mixture: Array.from(known.theta.subarray(i * K, i * K + K)),
        priceSensitivity: priceSensitivities[known.priceSensitivity[i]],
        lifeStage: ls < 0 ? '' : lifeStages[ls],
        homeStore: stores.codes[known.homeStore[i]],
        visitsPerWeek: known.visitsPerWeek[i],
        itemsPerBasket: known.itemsPerBasket[i],
      },
    ];
  }
}
