import { ANONYMOUS_AUTHOR, basketAttributes, buildCorpus, customerAttributes, termHierarchy } from '@atm/data';
import type { BuiltCorpus, CorpusOptions, ScratchDatabase } from '@atm/data';
import { openScratchDatabase } from '@atm/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/index.js';
import { DIALECTS, skipDialect } from './helpers/dialects.js';
import { REAL_SLICE, TIME_CSV } from './helpers/real-data.js';
import { plainCorpus } from './helpers/plain-corpus.js';
import { referenceCorpus } from './helpers/reference-corpus.mjs';
type ReferenceOptions = Parameters<typeof referenceCorpus>[1];

const LEVELS = ['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'] as const;
const WEIGHTS = ['lines', 'presence', 'quantity'] as const;

const CASES: ReferenceOptions[] = [
  ...LEVELS.flatMap((level) => WEIGHTS.map((weight) => ({ level, weight }))),
  { level: 'prod_code_10', weight: 'lines', fromWeek: 200608, toWeek: 200609 },
  { level: 'prod_code_10', weight: 'lines', minItems: 5 },
  { level: 'prod_code_20', weight: 'presence', minBasketsPerCustomer: 3 },
  { level: 'prod_code_30', weight: 'quantity', anonymous: 'author', minItems: 2 },
  { level: 'prod_code', weight: 'lines', minTermTotal: 20, maxTermTotal: 400 },
  { level: 'prod_code_10', weight: 'quantity', termShareAbove: 0.1, termShareBelow: 0.8, minItems: 3 },
  // The seed preset, spelled out (the reference cleaning).
  { level: 'prod_code_10', weight: 'lines', termShareAbove: 0.05, termShareBelow: 0.95, minItems: 4, anonymous: 'drop' },
];

const label = (o: ReferenceOptions) => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(' ');
const references = new Map<string, ReturnType<typeof referenceCorpus>>();
/** The awk reference, computed once per case. */
function reference(o: ReferenceOptions) {
  const key = label(o);
  if (!references.has(key)) references.set(key, referenceCorpus(REAL_SLICE, o));
  return references.get(key)!;
}

describe('corpus building from the real slice', () => {
  const dbs: Partial<Record<'sqlite' | 'postgres', ScratchDatabase>> = {};
  const built = new Map<string, BuiltCorpus>();
  beforeAll(async () => {
    for (const dialect of DIALECTS) {
      if (skipDialect(dialect)) continue;
      const scratch = await openScratchDatabase(dialect);
      dbs[dialect] = scratch;
      await ingest([...REAL_SLICE, TIME_CSV], scratch.db);
    }
  });
  afterAll(async () => {
    for (const s of Object.values(dbs)) await s?.dispose();
  });

  describe.each(DIALECTS)('%s', (dialect) => {
    describe.skipIf(skipDialect(dialect))(dialect, () => {
      it.each(CASES)('counts match zcat | awk: %s', async (o) => {
        const result = await buildCorpus(dbs[dialect]!.db, o as CorpusOptions);
        built.set(`${dialect} ${label(o)}`, result);
        const ref = reference(o);
        expect({ terms: result.stats.terms, documents: result.stats.documents, authors: result.stats.authors, tokens: result.stats.tokens }).toEqual(ref);
        expect(result.train.numDocs).toBe(ref.documents);
        expect(result.train.numTokens).toBe(ref.tokens);
        // Deterministic order: documents by basket id, terms by code.
        const ids = result.train.docIds.map(BigInt);
        expect(ids.every((id, i) => i === 0 || ids[i - 1] < id)).toBe(true);
        expect([...result.train.terms]).toEqual([...result.train.terms].sort());
      });

      it('the seed preset equals its spelled-out options', async () => {
        const preset = await buildCorpus(dbs[dialect]!.db, { preset: 'seed' });
        const spelled = built.get(`${dialect} ${label(CASES[CASES.length - 1])}`)!;
        expect(preset.stats).toEqual(spelled.stats);
        expect(preset.train.tokens).toEqual(spelled.train.tokens);
      });

      it('fraction split: per customer floor(f × n) held out, deterministic, same vocabularies', async () => {
        const db = dbs[dialect]!.db;
        const all = await buildCorpus(db, { preset: 'seed' });
        const a = await buildCorpus(db, { preset: 'seed', heldOut: { by: 'fraction', fraction: 0.25, seed: 7 } });
        const b = await buildCorpus(db, { preset: 'seed', heldOut: { by: 'fraction', fraction: 0.25, seed: 7 } });
        const c = await buildCorpus(db, { preset: 'seed', heldOut: { by: 'fraction', fraction: 0.25, seed: 8 } });
        expect(a.heldOut!.docIds).toEqual(b.heldOut!.docIds);
        expect(a.heldOut!.docIds).not.toEqual(c.heldOut!.docIds);
        expect(a.heldOut!.terms).toBe(a.train.terms);
        expect(a.heldOut!.authorIds).toBe(a.train.authorIds);
        expect(a.stats.heldOutDroppedNoTraining).toBe(0);
        expect([...a.train.docIds, ...a.heldOut!.docIds].sort()).toEqual([...all.train.docIds].sort());
        expect(a.train.numTokens + a.heldOut!.numTokens).toBe(all.train.numTokens);
        const perAuthor = (corpus: typeof a.train) => {
          const m = new Map<string, number>();
          for (let d = 0; d < corpus.numDocs; d++) {
            const author = corpus.authorIds[corpus.docAuthorIds(d)[0]];
            m.set(author, (m.get(author) ?? 0) + 1);
          }
          return m;
        };
        const total = perAuthor(all.train);
        const held = perAuthor(a.heldOut!);
        for (const [author, n] of total) expect(held.get(author) ?? 0).toBe(Math.floor(0.25 * n));
      });

      it('week split: later weeks held out; held-out baskets of customers without training baskets dropped and counted', async () => {
        const db = dbs[dialect]!.db;
        const all = await buildCorpus(db, { preset: 'seed' });
        const split = await buildCorpus(db, { preset: 'seed', heldOut: { by: 'week', afterWeek: 200608 } });
        const attrs = new Map((await basketAttributes(db, all.train.docIds as string[])).map((x) => [x.basketId, x]));
        const trainAuthors = new Set<string>();
        let later = 0;
        let laterOfNew = 0;
        for (let d = 0; d < all.train.numDocs; d++) {
          if (attrs.get(all.train.docIds[d])!.shopWeek <= 200608) trainAuthors.add(all.train.authorIds[all.train.docAuthorIds(d)[0]]);
        }
        for (let d = 0; d < all.train.numDocs; d++) {
          if (attrs.get(all.train.docIds[d])!.shopWeek > 200608) {
            later++;
            if (!trainAuthors.has(all.train.authorIds[all.train.docAuthorIds(d)[0]])) laterOfNew++;
          }
        }
        expect(split.stats.heldOutDroppedNoTraining).toBe(laterOfNew);
        expect(split.stats.heldOutDocuments).toBe(later - laterOfNew);
        expect(split.train.docIds.every((id) => attrs.get(id)!.shopWeek <= 200608)).toBe(true);
        expect(split.heldOut!.docIds.every((id) => attrs.get(id)!.shopWeek > 200608)).toBe(true);
      });

      it('attribute queries describe the corpus documents, authors and terms', async () => {
        const db = dbs[dialect]!.db;
        const { train } = await buildCorpus(db, { level: 'prod_code_20', anonymous: 'author' });
        expect(train.authorIds).toContain(ANONYMOUS_AUTHOR);
        const hierarchy = await termHierarchy(db, 'prod_code_20');
        expect(hierarchy.map((h) => h.term)).toEqual(expect.arrayContaining([...train.terms]));
        expect(hierarchy.every((h) => h.prod_code === null && h.prod_code_10 === null && h.prod_code_20 === h.term && /^D\d{5}$/.test(h.prod_code_40))).toBe(true);
        const attrs = await basketAttributes(db, train.docIds.slice(0, 50) as string[]);
        expect(attrs.map((x) => x.basketId)).toEqual(train.docIds.slice(0, 50));
        expect(attrs.every((x) => x.lines >= 1 && x.spendPence >= 0 && ['SS', 'MS', 'LS', 'XLS'].includes(x.storeFormat))).toBe(true);
        const customers = await customerAttributes(db);
        const baskets = customers.reduce((s, c) => s + c.baskets, 0);
        const known = (await basketAttributes(db)).filter((x) => x.customerCode !== null);
        expect(baskets).toBe(known.length);
        expect(customers.reduce((s, c) => s + c.spendPence, 0)).toBe(known.reduce((s, x) => s + x.spendPence, 0));
      });
    });
  });

  it.skipIf(skipDialect('postgres'))('SQLite and PostgreSQL build identical corpora for every case', () => {
    for (const o of CASES) {
      const s = built.get(`sqlite ${label(o)}`)!;
      const p = built.get(`postgres ${label(o)}`)!;
      expect(plainCorpus(p.train), label(o)).toEqual(plainCorpus(s.train));
      expect(p.stats).toEqual(s.stats);
    }
  });
});
