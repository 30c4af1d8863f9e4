import { describe, expect, it } from 'vitest';
import { CORPUS_PRESETS, buildCorpus, basketHash, heldOutMask, resolveCorpusOptions } from '../src/index.js';
import type { CorpusOptions } from '../src/index.js';
import { DIALECTS, makeFixture, skipDialect, useFixtureDatabase } from './fixture.js';
import { referenceDocs } from './reference-corpus.js';
import type { RefOptions } from './reference-corpus.js';

const LEVELS = ['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'] as const;
const WEIGHTS = ['lines', 'presence', 'quantity'] as const;

const CASES: CorpusOptions[] = [
  ...LEVELS.flatMap((level) => WEIGHTS.map((weight) => ({ level, weight }))),
  { fromWeek: 200608, toWeek: 200609 },
  { minItems: 3 },
  { minBasketsPerCustomer: 9 },
  { anonymous: 'author', level: 'prod_code_20' },
  { level: 'prod_code', minTermTotal: 12, maxTermTotal: 16 },
  { termShareAbove: 0.3, termShareBelow: 0.9, weight: 'quantity' },
  { preset: 'seed' },
  { preset: 'seed', minItems: 2 },
];

function toRef(o: CorpusOptions): RefOptions {
  const r = resolveCorpusOptions(o);
  const drop = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    level: LEVELS.indexOf(r.level) as RefOptions['level'], weight: r.weight, fromWeek: drop(r.fromWeek), toWeek: drop(r.toWeek),
    anonymous: r.anonymous, minItems: r.minItems, minBasketsPerCustomer: r.minBasketsPerCustomer, minTermTotal: drop(r.minTermTotal),
    maxTermTotal: drop(r.maxTermTotal), termShareAbove: drop(r.termShareAbove), termShareBelow: drop(r.termShareBelow),
  };
}

describe('corpus options', () => {
  it('fills defaults, applies a preset under explicit options, and rejects bad values precisely', () => {
    expect(resolveCorpusOptions()).toMatchObject({ level: 'prod_code_10', weight: 'lines', anonymous: 'drop', minItems: 1, heldOut: null });
    expect(resolveCorpusOptions({ preset: 'seed', minItems: 2 })).toMatchObject({ ...CORPUS_PRESETS.seed, minItems: 2 });
    expect(() => resolveCorpusOptions({ level: 'class' as never })).toThrow(/Expected one of prod_code, .* for options.level but received "class"/);
    expect(() => resolveCorpusOptions({ minItems: 0 })).toThrow(/Expected a positive integer for options.minItems but received 0/);
    expect(() => resolveCorpusOptions({ termShareAbove: 2 })).toThrow(/Expected a share in \[0, 1\] for options.termShareAbove/);
    expect(() => resolveCorpusOptions({ fromWeek: 200660 })).toThrow(/SHOP_WEEK number YYYYWW for options.fromWeek/);
    expect(() => resolveCorpusOptions({ fromWeek: 200610, toWeek: 200607 })).toThrow(/Expected a week ≥ options.fromWeek \(200610\) for options.toWeek/);
    expect(() => resolveCorpusOptions({ heldOut: { by: 'fraction', fraction: 1 } })).toThrow(/fraction in \(0, 1\)/);
    expect(() => resolveCorpusOptions({ heldOut: { by: 'random' } as never })).toThrow(/Expected 'fraction' or 'week' for options.heldOut.by/);
    expect(() => resolveCorpusOptions({ preset: 'gold' as never })).toThrow(/Expected a preset name \(seed\)/);
    expect(() => resolveCorpusOptions({ weights: 'lines' } as never)).toThrow(/Unknown option "weights" for buildCorpus/);
  });

  it('the held-out hash is a pure function of id and seed; the mask holds floor(f × n) per author', () => {
    expect(basketHash('994100100398294', 7)).toBe(basketHash('994100100398294', 7));
    expect(basketHash('994100100398294', 7)).not.toBe(basketHash('994100100398294', 8));
    const docs = Array.from({ length: 23 }, (_, i) => ({ basketId: String(1000 + i), author: i < 10 ? 'a' : 'b', week: 200607 }));
    const mask = heldOutMask(docs, { by: 'fraction', fraction: 0.3, seed: 1 });
    expect(mask.slice(0, 10).reduce((s, x) => s + x, 0)).toBe(3);
    expect(mask.slice(10).reduce((s, x) => s + x, 0)).toBe(3);
  });
});

describe.each(DIALECTS)('buildCorpus on a fixture (%s)', (dialect) => {
  describe.skipIf(skipDialect(dialect))(dialect, () => {
    const fixture = makeFixture();
    const database = useFixtureDatabase(dialect, fixture);

    it.each(CASES)('matches the reference cleaning exactly: %o', async (o) => {
      const { train, heldOut, stats, termTotals } = await buildCorpus(database().db, o);
      const expected = referenceDocs(fixture, toRef(o));
      expect(heldOut).toBeUndefined();
      expect(train.docIds).toEqual(expected.map((d) => d.id));
      const got = train.docIds.map((_, d) => {
        const counts = new Map<string, number>();
        for (const t of train.docTokens(d)) counts.set(train.terms[t], (counts.get(train.terms[t]) ?? 0) + 1);
        return { id: train.docIds[d], author: train.authorIds[train.docAuthorIds(d)[0]], counts: [...counts] };
      });
      expect(got).toEqual(expected);
      expect([...train.terms]).toEqual([...new Set(expected.flatMap((d) => d.counts.map(([t]) => t)))].sort());
      expect([...train.authorIds]).toEqual([...new Set(expected.map((d) => d.author))].sort());
      expect(stats).toMatchObject({ documents: expected.length, tokens: train.numTokens, terms: train.numTerms, authors: train.numAuthors });
      expect([...termTotals]).toEqual([...train.termTotals()]);
      const r = resolveCorpusOptions(o);
      const thresholds = [r.minTermTotal, r.maxTermTotal, r.termShareAbove, r.termShareBelow].some((v) => v !== null);
      if (thresholds) expect(stats.termsKept).toBeLessThan(stats.termsInScope); // the filter really filtered
      if (r.minItems > 1 || r.minBasketsPerCustomer > 1) expect(stats.documents).toBeLessThan(referenceDocs(fixture, { ...toRef(o), minItems: 1, minBasketsPerCustomer: 1 }).length);
    });

    it('an impossible filter says why the corpus would be empty', async () => {
      await expect(buildCorpus(database().db, { minTermTotal: 1e9 })).rejects.toThrow(/The corpus would be empty: no term passes the frequency thresholds/);
      await expect(buildCorpus(database().db, { minItems: 1000 })).rejects.toThrow(/no basket passes the filters/);
    });
  });
});
