import { checkOptions, expectLabels, invalid } from './errors.js';

/** A categorical value; `null`/`undefined` count as the `missing` category. */
export type Category = string | number | boolean | null | undefined;

export interface SegmentAttributes {
  /** Numeric columns by name, one value per item; `NaN` marks a missing value. */
  numeric?: Readonly<Record<string, ArrayLike<number>>>;
  /** Categorical columns by name, one value per item. */
  categorical?: Readonly<Record<string, ArrayLike<Category>>>;
}

export interface ProfileOptions {
  /** Category name for `null`/`undefined` values. Default `"(missing)"`. */
  missing?: string;
}

export interface NumericSummary {
  /** Mean over the non-missing values (`NaN` when there are none). */
  mean: number;
  /** Population standard deviation over the non-missing values. */
  std: number;
  /** Non-missing values. */
  count: number;
}

export interface Profile {
  size: number;
  /** `size` over the number of items. */
  share: number;
  numeric: Record<string, NumericSummary>;
  /** Column → category → share of the group's items (each column's shares sum to 1). */
  categorical: Record<string, Record<string, number>>;
}

export interface SegmentProfile extends Profile {
  label: number;
}

export interface SegmentProfiles {
  /** One per distinct label, ascending (DBSCAN noise, -1, is a segment like any other). */
  segments: SegmentProfile[];
  /** The same summary over all items, for comparing a segment with the whole. */
  overall: Profile;
  /**
   * Column → its categories by decreasing overall frequency, then by name. (The `categorical`
   * records list keys in this order too, except that JavaScript puts integer-like keys
   * such as `"3"` first, ascending; use this list to order tables.)
   */
  categories: Record<string, string[]>;
}

/**
 * Describes each segment of a labeling: its size and share, the mean (and spread) of every
 * numeric column and the share of every value of every categorical column. Knows nothing
 * about what the items or columns are; every column must have one value per label. Within a
 * column, categories are ordered by decreasing overall frequency (then by name; see
 * `categories`), and every segment lists every category (share 0 when absent), so tables
 * line up.
 *
 * @example
 * const { segments } = profileSegments(km.labels, {
 *   numeric: { baskets, spendPerBasket, totalSpend },
 *   categorical: { lifeStage, priceSensitivity, topTopic },
 * });
 * segments[0].categorical.lifeStage.YF; // share of young families in segment 0
 */
export function profileSegments(labels: ArrayLike<number>, attributes: SegmentAttributes = {}, options?: ProfileOptions): SegmentProfiles {
  const lab = expectLabels(labels, 'labels');
  const n = lab.length;
  if (n === 0) throw new RangeError(invalid('at least one label', 'labels', labels));
  const attrs = checkOptions(attributes, ['numeric', 'categorical'], 'profileSegments attributes');
  const opts = checkOptions(options, ['missing'], 'profileSegments options');
  if (opts.missing !== undefined && typeof opts.missing !== 'string') throw new TypeError(invalid('a string', 'options.missing', opts.missing));
  const missing = opts.missing ?? '(missing)';
  const numeric = columns(attrs.numeric, 'attributes.numeric', n);
  const categorical = columns(attrs.categorical, 'attributes.categorical', n);

  const segmentLabels = [...new Set(lab)].sort((a, b) => a - b);
  const segmentOf = new Map(segmentLabels.map((l, s) => [l, s]));
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) group[i] = segmentOf.get(lab[i])!;
  const groups = segmentLabels.length;
  const sizes = new Float64Array(groups + 1); // last slot: everyone
  for (let i = 0; i < n; i++) sizes[group[i]]++;
  sizes[groups] = n;

  const profiles: Profile[] = Array.from(sizes, (size) => ({ size, share: size / n, numeric: {}, categorical: {} }));
  for (const [name, values] of numeric) {
    for (let i = 0; i < n; i++) {
      if (typeof values[i] !== 'number') throw new TypeError(invalid('a number (NaN for missing)', `attributes.numeric.${name}[${i}]`, values[i]));
    }
    summarizeNumeric(values as ArrayLike<number>, group, groups).forEach((summary, g) => (profiles[g].numeric[name] = summary));
  }
  const categories: Record<string, string[]> = {};
  for (const [name, values] of categorical) {
    const { keys, shares } = shareCategories(values as ArrayLike<Category>, group, groups, sizes, missing);
    categories[name] = keys;
    shares.forEach((byKey, g) => (profiles[g].categorical[name] = byKey));
  }
  const overall = profiles.pop()!;
  return { segments: profiles.map((p, s) => ({ label: segmentLabels[s], ...p })), overall, categories };
}

function columns(record: unknown, name: string, n: number): [string, ArrayLike<unknown>][] {
  if (record === undefined) return [];
  if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new TypeError(invalid('a record of columns', name, record));
  return Object.entries(record).map(([key, values]) => {
    if (values === null || typeof values !== 'object' || typeof (values as ArrayLike<unknown>).length !== 'number') {
      throw new TypeError(invalid('an array or typed array', `${name}.${key}`, values));
    }
    if ((values as ArrayLike<unknown>).length !== n) throw new RangeError(invalid(`${n} values (one per label)`, `${name}.${key}`, values));
    return [key, values as ArrayLike<unknown>];
  });
}

/** Mean, population std and count per group (index `groups` = all items), NaN skipped. */
function summarizeNumeric(values: ArrayLike<number>, group: Int32Array, groups: number): NumericSummary[] {
  const count = new Float64Array(groups + 1);
  const sum = new Float64Array(groups + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count[group[i]]++;
    sum[group[i]] += v;
    count[groups]++;
    sum[groups] += v;
  }
  const mean = sum.map((s, g) => (count[g] > 0 ? s / count[g] : NaN));
  const squares = new Float64Array(groups + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    squares[group[i]] += (v - mean[group[i]]) ** 2;
    squares[groups] += (v - mean[groups]) ** 2;
  }
  return Array.from(mean, (m, g) => ({ mean: m, std: count[g] > 0 ? Math.sqrt(squares[g] / count[g]) : NaN, count: count[g] }));
}

/** Share of each category per group (index `groups` = all items), categories by overall frequency. */
function shareCategories(
  values: ArrayLike<Category>,
  group: Int32Array,
  groups: number,
  sizes: Float64Array,
  missing: string,
): { keys: string[]; shares: Record<string, number>[] } {
  const counts = new Map<string, Float64Array>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const key = v === null || v === undefined ? missing : String(v);
    let c = counts.get(key);
    if (c === undefined) {
      c = new Float64Array(groups + 1);
      counts.set(key, c);
    }
    c[group[i]]++;
    c[groups]++;
  }
  const keys = [...counts.keys()].sort((a, b) => counts.get(b)![groups] - counts.get(a)![groups] || (a < b ? -1 : a > b ? 1 : 0));
  const shares = Array.from(sizes, (size, g) => Object.fromEntries(keys.map((key) => [key, counts.get(key)![g] / size])));
  return { keys, shares };
}
