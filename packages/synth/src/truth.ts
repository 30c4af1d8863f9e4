/**
 * The ground truth written next to the generated files (`truth.json`): the planted class-level topics,
 * segments, customer mixtures, product hierarchy and stores, and a summary of what was written.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { TextSink } from './text-sink.js';
import type { SegmentProfile } from './shopper-model.js';
import type { DepartmentMission, LifeStage, PriceSensitivity, StoreFormat } from './lgsr-format.js';

export const truthFileName = 'truth.json';
export const TRUTH_FORMAT = 'atm-synth-truth';
export const TRUTH_VERSION = 1;

/** The generator options the data was made with (all defaults filled in). */
export interface TruthOptions {
  seed: number;
  customers: number;
  weeks: number;
  startWeek: number;
  topics: number;
  segments: number;
  anonymousShare: number;
  classes: number;
  productsPerClass: number;
  stores: number;
}

export interface TruthTopic {
  id: number;
  /** The classes of the topic's planted block (most of its mass). */
  coreClasses: string[];
  /** Class code → probability; sums to 1. */
  classes: Record<string, number>;
}

/** A planted segment: its prototype mixture, behaviour and demographics. */
export interface TruthSegment extends SegmentProfile {
  id: number;
}

export interface TruthCustomer {
  segment: number;
  /** Topic mixture (length = topics), sums to 1. */
  mixture: number[];
  priceSensitivity: PriceSensitivity;
  /** Empty for some customers, as in the real data. */
  lifeStage: LifeStage | '';
  homeStore: string;
  visitsPerWeek: number;
  itemsPerBasket: number;
}

export interface TruthProduct {
  /** PROD_CODE_10. */
  class: string;
  /** Probability of the product within its class. */
  share: number;
  /** Shelf price in pence. */
  price: number;
}

export interface TruthHierarchy {
  products: Record<string, TruthProduct>;
  /** PROD_CODE_10 → PROD_CODE_20. */
  classes: Record<string, string>;
  /** PROD_CODE_20 → PROD_CODE_30. */
  level20: Record<string, string>;
  /** PROD_CODE_30 → PROD_CODE_40. */
  level30: Record<string, string>;
  /** PROD_CODE_40 → the department's own mission. */
  departments: Record<string, DepartmentMission>;
}

export interface TruthSummary {
  /** SHOP_WEEK of each weekly file, in order. */
  weeks: number[];
  rows: number;
  anonymousRows: number;
  baskets: number;
  anonymousBaskets: number;
  /** Known customers with at least one basket. */
  activeCustomers: number;
}

export interface LgsrTruth {
  format: typeof TRUTH_FORMAT;
  version: typeof TRUTH_VERSION;
  options: TruthOptions;
  summary: TruthSummary;
  topics: TruthTopic[];
  segments: TruthSegment[];
  hierarchy: TruthHierarchy;
  stores: Record<string, { format: StoreFormat; region: string }>;
  /** CUST_CODE → truth, for every planted customer (also those without a basket). */
  customers: Record<string, TruthCustomer>;
}

/**
 * Write `truth.json`, streaming the customers one per line so a large population never becomes one string.
 *
 * @example
 * await writeTruth('out/truth.json', head, customers());
 */
export async function writeTruth(
  path: string,
  head: Omit<LgsrTruth, 'customers'>,
  customers: Iterable<[string, TruthCustomer]>,
): Promise<void> {
  const out = createWriteStream(path);
  const sink = new TextSink(out, finished(out));
  const body = JSON.stringify(head);
  await sink.write(body.slice(0, -1) + ',"customers":{');
  let first = true;
  for (const [code, c] of customers) {
    await sink.write(`${first ? '' : ','}\n${JSON.stringify(code)}:${JSON.stringify(c)}`);
    first = false;
  }
  await sink.end('\n}}\n');
}

/**
 * Load the ground truth of a generated dataset.
 *
 * @example
 * const truth = await readTruth('out');
 * truth.topics[0].classes['CL00001']; // probability of class CL00001 in topic 0
 */
export async function readTruth(dir: string): Promise<LgsrTruth> {
  const path = join(dir, truthFileName);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read the ground truth ${path}: ${(e as Error).message}`);
  }
  const truth = JSON.parse(text) as LgsrTruth;
  if (truth === null || typeof truth !== 'object' || truth.format !== TRUTH_FORMAT)
    throw new Error(`${path} is not an @atm/synth truth file (format ${JSON.stringify((truth as { format?: unknown })?.format)})`);
  if (truth.version !== TRUTH_VERSION)
    throw new Error(`${path} has truth version ${JSON.stringify(truth.version)}; this reader supports version ${TRUTH_VERSION}`);
  return truth;
}
