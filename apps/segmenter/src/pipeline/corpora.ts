import type { Corpus } from '@atm/core';
import { basketAttributes, buildCorpus, type AtmDatabase, type CorpusStats, type ProductLevel } from '@atm/data';
import { sql } from 'kysely';
import { UsageError } from '../errors.js';

/** Corpus options as the CLI takes them (a subset of @atm/data's, all JSON-serialisable). */
export interface CorpusChoice {
  preset?: 'seed';
  level?: 'prod_code' | 'prod_code_10' | 'prod_code_20' | 'prod_code_30' | 'prod_code_40';
  weight?: 'lines' | 'presence' | 'quantity';
  minItems?: number;
  minBasketsPerCustomer?: number;
}

/**
 * How baskets are held out. `fraction`: per customer, a seeded share of baskets (perplexity only).
 * `time`: the last `testWeeks` weeks are the future (test) and the `validationWeeks` before them
 * tune the recommender; training sees only the weeks before.
 */
export type Split = { kind: 'fraction'; fraction: number; seed: number } | { kind: 'time'; testWeeks: number; validationWeeks: number };

export interface Corpora {
  train: Corpus;
  /** Held-out baskets for tuning (validation) and for reporting (test); same vocabularies as train. */
  validation: Corpus;
  test: Corpus;
  stats: CorpusStats;
  /** The hierarchy level of the terms. */
  level: ProductLevel;
  /** For a time split: the last training week and the first test week. */
  weeks?: { lastTrain: number; firstValidation: number; firstTest: number; last: number };
}

/** Distinct SHOP_WEEKs that have baskets, ascending. */
export async function basketWeeks(db: AtmDatabase): Promise<number[]> {
  const { rows } = await sql<{ shop_week: number | string }>`select distinct shop_week from baskets order by shop_week`.execute(db.kysely);
  return rows.map((r) => Number(r.shop_week));
}

/**
 * Builds the training corpus and the held-out sets from the database, deterministically:
 * the same database and choice give the same corpora (the report rebuilds them from a model's metadata).
 */
export async function buildCorpora(db: AtmDatabase, choice: CorpusChoice, split: Split): Promise<Corpora> {
  if (split.kind === 'fraction') {
    const built = await buildCorpus(db, { ...choice, heldOut: { by: 'fraction', fraction: split.fraction, seed: split.seed } });
    if (!built.heldOut) throw new UsageError('No baskets were held out: the data is too small for --holdout');
    // Alternate held-out baskets between validation and test (they are already a random per-customer sample).
    const v: number[] = [];
    const t: number[] = [];
    for (let d = 0; d < built.heldOut.numDocs; d++) (d % 2 === 0 ? v : t).push(d);
    if (v.length === 0 || t.length === 0) throw new UsageError('Too few held-out baskets to evaluate');
    return { train: built.train, validation: built.heldOut.subset(v), test: built.heldOut.subset(t), stats: built.stats, level: built.options.level };
  }
  const weeks = await basketWeeks(db);
  if (weeks.length < split.testWeeks + split.validationWeeks + 2)
    throw new UsageError(`The database has ${weeks.length} weeks of baskets: too few for ${split.testWeeks} test and ${split.validationWeeks} validation weeks`);
  const firstTest = weeks[weeks.length - split.testWeeks];
  const firstValidation = weeks[weeks.length - split.testWeeks - split.validationWeeks];
  const lastTrain = weeks[weeks.length - split.testWeeks - split.validationWeeks - 1];
  const built = await buildCorpus(db, { ...choice, heldOut: { by: 'week', afterWeek: lastTrain } });
  if (!built.heldOut) throw new UsageError('No held-out baskets of known customers in the last weeks');
  const attrs = await basketAttributes(db, built.heldOut.docIds);
  const weekOf = new Map(attrs.map((a) => [a.basketId, a.shopWeek]));
  const v: number[] = [];
  const t: number[] = [];
  built.heldOut.docIds.forEach((id, d) => ((weekOf.get(id) ?? 0) >= firstTest ? t : v).push(d));
  if (v.length === 0 || t.length === 0) throw new UsageError('Too few held-out baskets of known customers to evaluate');
  return {
    train: built.train,
    validation: built.heldOut.subset(v),
    test: built.heldOut.subset(t),
    stats: built.stats,
    level: built.options.level,
    weeks: { lastTrain, firstValidation, firstTest, last: weeks[weeks.length - 1] },
  };
}
