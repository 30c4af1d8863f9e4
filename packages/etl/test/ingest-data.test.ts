import { buildCorpus, integrityReport } from '@atm/data';
import type { AtmDatabase, DatabaseSnapshot } from '@atm/data';
import { generateLgsr } from '@atm/synth';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/index.js';
import type { IngestProgress } from '../src/index.js';
import { DIALECTS, skipDialect, withDatabase } from './helpers/dialects.js';
import { tempDir } from './helpers/lgsr-fixture.js';
import { REAL_SLICE, TIME_CSV, quote, sh } from './helpers/real-data.js';
import { plainCorpus } from './helpers/plain-corpus.js';
import { fullSnapshot } from './helpers/snapshots.js';

async function counts(db: AtmDatabase) {
  const { rows } = await sql<Record<string, number | string>>`
    select
      (select count(*) from line_items) as rows,
      (select count(*) from baskets) as baskets,
      (select count(*) from baskets where customer_code is null) as anonymous,
      (select count(*) from customers) as customers,
      (select count(*) from products) as products,
      (select count(*) from prod_codes_10) as classes,
      (select count(*) from stores) as stores,
      (select count(*) from weeks) as weeks,
      (select sum(spend_pence) from line_items) as pence,
      (select sum(quantity) from line_items) as quantity`.execute(db.kysely);
  return Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
}

describe('the real data slice (3 weekly files + time.csv)', () => {
  // The reference, computed by zcat | awk over the files — no project code involved.
  const expected = () => {
    const files = quote(REAL_SLICE);
    const out = sh(`zcat ${files} | awk -F, '$1 != "SHOP_WEEK" {
        rows++; b[$15] = 1; if ($12 == "") anon[$15] = 1; else c[$12] = 1; p[$7] = 1; cl[$8] = 1; s[$20] = 1;
        pence += int($6 * 100 + 0.5); q += $5 }
      END { n = 0; for (k in b) n++; a = 0; for (k in anon) a++; nc = 0; for (k in c) nc++; np = 0; for (k in p) np++;
            ncl = 0; for (k in cl) ncl++; ns = 0; for (k in s) ns++;
            print rows, n, a, nc, np, ncl, ns, pence, q }'`).split(' ').map(Number);
    const weeks = Number(sh(`tail -n +2 '${TIME_CSV}' | wc -l`));
    const [rows, baskets, anonymous, customers, products, classes, stores, pence, quantity] = out;
    return { rows, baskets, anonymous, customers, products, classes, stores, weeks, pence, quantity };
  };
  const snapshots: Partial<Record<string, DatabaseSnapshot>> = {};
  const corpora: Record<string, unknown> = {};
  let reference: ReturnType<typeof expected>;
  beforeAll(() => {
    reference = expected();
  });

  describe.each(DIALECTS)('%s', (dialect) => {
    it.skipIf(skipDialect(dialect))('loads every row, matches the awk counts, reports progress and balances', async () => {
      await withDatabase(dialect, async ({ db }) => {
        const progress: IngestProgress[] = [];
        const summary = await ingest([...REAL_SLICE, TIME_CSV], db, { onProgress: (p) => progress.push(p) });
        expect(summary.files.map((f) => [f.kind, f.status])).toEqual([['time', 'loaded'], ...REAL_SLICE.map(() => ['transactions', 'loaded'])]);
        expect(summary.rowsRead).toBe(reference.rows + reference.weeks);
        expect(summary).toMatchObject({ rowsRejected: 0, duplicatesSkipped: 0, rowsStored: reference.rows + reference.weeks });
        for (const f of summary.files) expect(f.rowsRead).toBe(f.rowsStored + f.rowsRejected + f.duplicatesSkipped);
        expect(await counts(db)).toEqual(reference);
        expect(Object.values(await integrityReport(db)).every((n) => n === 0)).toBe(true);
        const done = progress.filter((p) => p.done);
        expect(done.map((p) => p.fileIndex)).toEqual([0, 1, 2, 3]);
        expect(done.every((p) => p.bytesRead === p.sizeBytes && p.fileCount === 4)).toBe(true);
        snapshots[dialect] = await fullSnapshot(db);
        const built = await buildCorpus(db, { preset: 'seed' });
        corpora[dialect] = { corpus: plainCorpus(built.train), stats: built.stats };
      });
    });
  });

  it('the single-thread SQLite writer stores exactly what the threaded one does', async () => {
    await withDatabase('sqlite', async ({ db }) => {
      const summary = await ingest([...REAL_SLICE, TIME_CSV], db, { threads: false });
      expect(summary.rowsStored).toBe(reference.rows + reference.weeks);
      expect(await fullSnapshot(db)).toEqual(snapshots.sqlite);
    });
  });

  it.skipIf(skipDialect('postgres'))('SQLite and PostgreSQL hold identical contents and build identical corpora', () => {
    expect(snapshots.sqlite).toBeDefined();
    expect(snapshots.postgres).toEqual(snapshots.sqlite);
    expect(corpora.postgres).toEqual(corpora.sqlite);
  });
});

describe('a synthetic dataset (@atm/synth)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let generated: Awaited<ReturnType<typeof generateLgsr>>;
  const snapshots: Record<string, DatabaseSnapshot> = {};
  beforeAll(async () => {
    tmp = tempDir();
    generated = await generateLgsr({ outDir: tmp.dir, customers: 80, weeks: 4, seed: 11 });
  });
  afterAll(() => tmp.cleanup());

  describe.each(DIALECTS)('%s', (dialect) => {
    it.skipIf(skipDialect(dialect))('loads without rejections and matches the generator’s own counts', async () => {
      await withDatabase(dialect, async ({ db }) => {
        const summary = await ingest(tmp.dir, db);
        expect(summary.files.filter((f) => f.kind === 'transactions')).toHaveLength(generated.weeks.length);
        expect(summary).toMatchObject({ rowsRejected: 0, duplicatesSkipped: 0 });
        const c = await counts(db);
        expect(c.rows).toBe(generated.rows);
        expect(c.baskets).toBe(generated.baskets);
        expect(c.customers).toBe(generated.activeCustomers);
        expect(Object.values(await integrityReport(db)).every((n) => n === 0)).toBe(true);
        snapshots[dialect] = await fullSnapshot(db);
      });
    });
  });

  it.skipIf(skipDialect('postgres'))('identical on SQLite and PostgreSQL', () => {
    expect(snapshots.postgres).toEqual(snapshots.sqlite);
  });
});
