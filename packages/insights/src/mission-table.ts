import { checkOptions, expectArrayLike, expectInteger, invalid } from './errors.js';

/** One basket's value of an attribute; null, undefined, '' and NaN count as missing. */
export type AttributeValue = string | number | null | undefined;

/** Shares of each mission among the baskets with each value of one attribute. */
export interface MissionCrossTab {
  /** Distinct values: numbers ascending, then strings in code-point order. */
  values: (string | number)[];
  /** Baskets per (value, mission), `values.length x numMissions` row-major. */
  counts: Float64Array;
  /** Baskets per value. */
  totals: Float64Array;
  /** Mission shares per value, `values.length x numMissions`; each row sums to 1. */
  shares: Float64Array;
  /** Mission shares over every basket with a value (the column margins). */
  overall: Float64Array;
  /** `shares / overall`: above 1 where the mission is over-represented at this value (0 where the mission never occurs). */
  lift: Float64Array;
  /** Baskets left out because the value was missing. */
  missing: number;
}

export interface MissionTable {
  numMissions: number;
  baskets: number;
  /** One cross-tab per attribute, under the attribute's name. */
  attributes: Record<string, MissionCrossTab>;
}

/**
 * Cross-tabulates basket missions (e.g. {@link dominantTopic} of {@link basketTopics}) against basket
 * attributes: for each attribute value, the share of each mission among its baskets.
 *
 * @param attributes per attribute, one value per basket (plain or typed arrays, same order as `missions`)
 *
 * @example
 * const table = missionTable(dominantTopic(theta, K), { weekday, hour, storeFormat, basketType });
 * table.attributes.weekday.shares; // 7 x K, rows sum to 1
 */
export function missionTable(
  missions: Int32Array,
  attributes: Readonly<Record<string, ArrayLike<AttributeValue>>>,
  options?: { numMissions?: number },
): MissionTable {
  if (!(missions instanceof Int32Array)) throw new TypeError(invalid('an Int32Array of missions', 'missions', missions));
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes))
    throw new TypeError(invalid('an object of attribute arrays', 'attributes', attributes));
  const opts = checkOptions(options, ['numMissions'], 'missionTable options');
  const n = missions.length;
  let max = -1;
  for (let i = 0; i < n; i++) {
    if (missions[i] < 0) throw new RangeError(invalid('a mission >= 0', `missions[${i}]`, missions[i]));
    if (missions[i] > max) max = missions[i];
  }
  const M = opts.numMissions === undefined ? max + 1 : expectInteger(opts.numMissions, 'options.numMissions', max + 1);
  const tables: Record<string, MissionCrossTab> = {};
  for (const name of Object.keys(attributes)) tables[name] = crossTab(missions, expectArrayLike<AttributeValue>(attributes[name], `attributes.${name}`, n), M, `attributes.${name}`);
  return { numMissions: M, baskets: n, attributes: tables };
}

function crossTab(missions: Int32Array, column: ArrayLike<AttributeValue>, M: number, name: string): MissionCrossTab {
  const slot = new Map<string | number, number>();
  const present: (string | number)[] = [];
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (typeof v !== 'string' && typeof v !== 'number' && v !== null && v !== undefined)
      throw new TypeError(invalid('a string, a number or null', `${name}[${i}]`, v));
    if (!isMissing(v) && !slot.has(v!)) {
      slot.set(v!, -1);
      present.push(v!);
    }
  }
  const values = present.sort(compareValues);
  values.forEach((v, i) => slot.set(v, i));
  const counts = new Float64Array(values.length * M);
  const totals = new Float64Array(values.length);
  const overall = new Float64Array(M);
  let missing = 0;
  let kept = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (isMissing(v)) {
      missing++;
      continue;
    }
    const r = slot.get(v!)!;
    counts[r * M + missions[i]]++;
    totals[r]++;
    overall[missions[i]]++;
    kept++;
  }
  for (let m = 0; m < M; m++) overall[m] = kept ? overall[m] / kept : 0;
  const shares = new Float64Array(values.length * M);
  const lift = new Float64Array(values.length * M);
  for (let r = 0; r < values.length; r++)
    for (let m = 0; m < M; m++) {
      shares[r * M + m] = counts[r * M + m] / totals[r];
      lift[r * M + m] = overall[m] > 0 ? shares[r * M + m] / overall[m] : 0;
    }
  return { values, counts, totals, shares, overall, lift, missing };
}

function isMissing(v: AttributeValue): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v));
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
