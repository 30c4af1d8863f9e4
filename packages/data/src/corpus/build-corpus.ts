import { Corpus } from '@atm/core';
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { AtmDatabase } from '../open-database.js';
import { stringAgg, toNumber } from '../sql-helpers.js';
import { ANONYMOUS_AUTHOR, resolveCorpusOptions } from './corpus-options.js';
import type { CorpusOptions, ResolvedCorpusOptions } from './corpus-options.js';
import { heldOutMask } from './held-out-split.js';

/** Counts at each cleaning step, for reports and for checking a preset against the reference. */
export interface CorpusStats {
  /** Baskets in the week range (anonymous included). */
  basketsInScope: number;
  /** Distinct terms in those baskets, before the frequency thresholds. */
  termsInScope: number;
  /** The largest term total (what the share thresholds are relative to). */
  largestTermTotal: number;
  /** Terms passing the frequency thresholds. */
  termsKept: number;
  /** Baskets passing the term, size and anonymous filters (before the per-customer minimum). */
  basketsKept: number;
  /** Customers (and their baskets) dropped by `minBasketsPerCustomer`. */
  customersDropped: number;
  basketsOfDroppedCustomers: number;
  /** The training corpus. */
  documents: number;
  authors: number;
  terms: number;
  tokens: number;
  /** The held-out corpus (0 without a split). */
  heldOutDocuments: number;
  heldOutTokens: number;
  /** Held-out baskets dropped because their customer has no training basket. */
  heldOutDroppedNoTraining: number;
}

/** A corpus built from the database: documents = baskets (`docIds` are basket ids), authors = customers. */
export interface BuiltCorpus {
  train: Corpus;
  /** Present when a split was asked for and it held out at least one document. Same `terms` and `authorIds` as `train`. */
  heldOut?: Corpus;
  /** Each term's total weight over `train` ∪ `heldOut`, aligned with `train.terms`. */
  termTotals: Float64Array;
  stats: CorpusStats;
  options: ResolvedCorpusOptions;
}

interface DocRow {
  basket_id: string;
  customer_code: string | null;
  shop_week: number | string;
  /** The basket's product codes (`code:quantity` for the quantity weight), comma-separated. */
  items: string;
}

interface Doc {
  basketId: string;
  author: string;
  week: number;
  /** Term indices and weights, interleaved, sorted by term. */
  entries: number[];
}

/**
 * Build an `@atm/core` corpus straight from the database. SQL does the heavy part in one pass — the
 * join of baskets and line items, the week range, and the grouping into one row per basket (its
 * product codes aggregated); the per-basket term counts and the filters then run over those rows.
 * Documents are ordered by basket id and terms by code, so a given database gives the same corpus on
 * SQLite and PostgreSQL.
 *
 * Cleaning order: week range → term frequency thresholds (totals over every basket in range,
 * anonymous included) → minimum items per basket → anonymous baskets → minimum baskets per
 * customer → held-out split (held-out baskets of customers without a training basket are dropped).
 *
 * @example
 * const { train, heldOut, stats } = await buildCorpus(db, { preset: 'seed', heldOut: { by: 'fraction', fraction: 0.2, seed: 1 } });
 * train.numDocs === stats.documents; // true
 */
export async function buildCorpus(db: AtmDatabase, options: CorpusOptions = {}): Promise<BuiltCorpus> {
  const o = resolveCorpusOptions(options);

  // 1. Each product's term at the chosen level (a few thousand rows).
  const hierarchy = await sql<{ prod_code: string; term: string }>`
    select prod_code, ${sql.ref(o.level)} as term from product_hierarchy`.execute(db.kysely);
  const allTerms = [...new Set(hierarchy.rows.map((r) => r.term))].sort();
  const termOf = new Map<string, number>();
  {
    const index = new Map(allTerms.map((t, i) => [t, i]));
    for (const r of hierarchy.rows) termOf.set(r.prod_code, index.get(r.term) as number);
  }

  // 2. One aggregated row per basket in range (anonymous included: they count in the term totals).
  const weeks: RawBuilder<unknown>[] = [];
  if (o.fromWeek !== null) weeks.push(sql`b.shop_week >= ${o.fromWeek}`);
  if (o.toWeek !== null) weeks.push(sql`b.shop_week <= ${o.toWeek}`);
  const item = o.weight === 'quantity' ? sql`li.prod_code || ':' || cast(li.quantity as text)` : sql`li.prod_code`;
  const result = await sql<DocRow>`
    select cast(b.basket_id as text) as basket_id, b.customer_code, b.shop_week, ${stringAgg(db, item, ',')} as items
    from baskets b join line_items li on li.basket_id = b.basket_id
    ${weeks.length ? sql`where ${sql.join(weeks, sql` and `)}` : sql``}
    group by b.basket_id, b.customer_code, b.shop_week
    order by b.basket_id`.execute(db.kysely);

  // 3. Per-basket term weights and the term totals.
  const totals = new Float64Array(allTerms.length);
  const weights = new Float64Array(allTerms.length);
  const touched: number[] = [];
  const scoped: Doc[] = result.rows.map((r) => {
    for (const entry of r.items.split(',')) {
      let code = entry;
      let w = 1;
      if (o.weight === 'quantity') {
        const colon = entry.indexOf(':');
        code = entry.slice(0, colon);
        w = Number(entry.slice(colon + 1));
      }
      const t = termOf.get(code) as number;
      if (weights[t] === 0) touched.push(t);
      weights[t] = o.weight === 'presence' ? 1 : weights[t] + w;
    }
    touched.sort((a, b) => a - b);
    const entries: number[] = [];
    for (const t of touched) {
      entries.push(t, weights[t]);
      totals[t] += weights[t];
      weights[t] = 0;
    }
    touched.length = 0;
    return { basketId: r.basket_id, author: r.customer_code ?? '', week: toNumber(r.shop_week), entries };
  });
  let termsInScope = 0;
  let largest = 0;
  for (const t of totals) {
    if (t > 0) termsInScope++;
    if (t > largest) largest = t;
  }
  const keep = new Uint8Array(allTerms.length);
  let termsKept = 0;
  totals.forEach((total, t) => {
    if (
      total > 0 &&
      (o.minTermTotal === null || total >= o.minTermTotal) &&
      (o.maxTermTotal === null || total <= o.maxTermTotal) &&
      (o.termShareAbove === null || total > o.termShareAbove * largest) &&
      (o.termShareBelow === null || total < o.termShareBelow * largest)
    ) {
      keep[t] = 1;
      termsKept++;
    }
  });
  const stats: CorpusStats = {
    basketsInScope: scoped.length,
    termsInScope,
    largestTermTotal: largest,
    termsKept,
    basketsKept: 0,
    customersDropped: 0,
    basketsOfDroppedCustomers: 0,
    documents: 0,
    authors: 0,
    terms: 0,
    tokens: 0,
    heldOutDocuments: 0,
    heldOutTokens: 0,
    heldOutDroppedNoTraining: 0,
  };
  if (termsKept === 0) throw new RangeError(emptyMessage('no term passes the frequency thresholds', stats));

  // 4. Kept terms only; baskets with enough items; anonymous ones dropped or pooled.
  let docs: Doc[] = [];
  for (const d of scoped) {
    const entries: number[] = [];
    let n = 0;
    for (let e = 0; e < d.entries.length; e += 2) {
      if (keep[d.entries[e]] === 0) continue;
      entries.push(d.entries[e], d.entries[e + 1]);
      n += d.entries[e + 1];
    }
    if (n === 0 || n < o.minItems) continue;
    if (d.author === '') {
      if (o.anonymous === 'drop') continue;
      d.author = ANONYMOUS_AUTHOR;
    }
    d.entries = entries;
    docs.push(d);
  }
  stats.basketsKept = docs.length;

  // 5. Customers with too few baskets.
  if (o.minBasketsPerCustomer > 1) {
    const perAuthor = new Map<string, number>();
    for (const d of docs) perAuthor.set(d.author, (perAuthor.get(d.author) ?? 0) + 1);
    for (const n of perAuthor.values()) if (n < o.minBasketsPerCustomer) stats.customersDropped++;
    docs = docs.filter((d) => (perAuthor.get(d.author) as number) >= o.minBasketsPerCustomer);
    stats.basketsOfDroppedCustomers = stats.basketsKept - docs.length;
  }

  // 6. Held-out split.
  let trainDocs = docs;
  let heldDocs: Doc[] = [];
  if (o.heldOut !== null) {
    const mask = heldOutMask(docs, o.heldOut);
    trainDocs = docs.filter((_, i) => mask[i] === 0);
    const trainAuthors = new Set(trainDocs.map((d) => d.author));
    const held = docs.filter((_, i) => mask[i] === 1);
    heldDocs = held.filter((d) => trainAuthors.has(d.author));
    stats.heldOutDroppedNoTraining = held.length - heldDocs.length;
  }
  if (trainDocs.length === 0) throw new RangeError(emptyMessage('no basket passes the filters', stats));

  // 7. Vocabularies: the kept terms that occur (by code), training authors (by code).
  const used = new Float64Array(allTerms.length);
  for (const list of [trainDocs, heldDocs])
    for (const d of list) for (let e = 0; e < d.entries.length; e += 2) used[d.entries[e]] += d.entries[e + 1];
  const remap = new Int32Array(allTerms.length).fill(-1);
  const terms: string[] = [];
  const termTotals: number[] = [];
  allTerms.forEach((t, i) => {
    if (used[i] > 0) {
      remap[i] = terms.length;
      terms.push(t);
      termTotals.push(used[i]);
    }
  });
  const authorIds = [...new Set(trainDocs.map((d) => d.author))].sort();
  const authorIndex = new Map(authorIds.map((a, i) => [a, i]));
  const train = toCorpus(trainDocs, terms, authorIds, remap, authorIndex);
  const heldOut = heldDocs.length ? toCorpus(heldDocs, terms, authorIds, remap, authorIndex) : undefined;
  Object.assign(stats, {
    documents: train.numDocs,
    authors: authorIds.length,
    terms: terms.length,
    tokens: train.numTokens,
    heldOutDocuments: heldOut?.numDocs ?? 0,
    heldOutTokens: heldOut?.numTokens ?? 0,
  });
  return { train, heldOut, termTotals: Float64Array.from(termTotals), stats, options: o };
}

function toCorpus(docs: Doc[], terms: string[], authorIds: string[], remap: Int32Array, authorIndex: Map<string, number>): Corpus {
  let entries = 0;
  for (const d of docs) entries += d.entries.length / 2;
  const entryOffsets = new Uint32Array(docs.length + 1);
  const entryTerms = new Uint32Array(entries);
  const entryCounts = new Uint32Array(entries);
  const docAuthorOffsets = new Uint32Array(docs.length + 1);
  const docAuthors = new Uint32Array(docs.length);
  let p = 0;
  docs.forEach((d, i) => {
    for (let e = 0; e < d.entries.length; e += 2) {
      entryTerms[p] = remap[d.entries[e]];
      entryCounts[p++] = d.entries[e + 1];
    }
    entryOffsets[i + 1] = p;
    docAuthors[i] = authorIndex.get(d.author) as number;
    docAuthorOffsets[i + 1] = i + 1;
  });
  return Corpus.fromCounts({
    docIds: docs.map((d) => d.basketId),
    authorIds,
    terms,
    entryOffsets,
    entryTerms,
    entryCounts,
    docAuthorOffsets,
    docAuthors,
  });
}

function emptyMessage(why: string, stats: CorpusStats): string {
  return `The corpus would be empty: ${why} (baskets in scope ${stats.basketsInScope}, terms in scope ${stats.termsInScope}, terms kept ${stats.termsKept})`;
}
