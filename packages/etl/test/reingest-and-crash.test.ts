import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { integrityReport } from '@atm/data';
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/index.js';
import { DIALECTS, skipDialect, withDatabase } from './helpers/dialects.js';
import { fileBytes, goodRows, inTempDir, row, tempDir } from './helpers/lgsr-fixture.js';
import { REAL_SLICE, TIME_CSV } from './helpers/real-data.js';
import { fullSnapshot } from './helpers/snapshots.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/crash-child.mjs');

describe.each(DIALECTS)('re-ingest and crash safety (%s)', (dialect) => {
  describe.skipIf(skipDialect(dialect))(dialect, () => {
    it('re-ingesting the same file is a no-op; a changed file replaces its rows exactly', async () => {
      await inTempDir(async (tmp) => {
        const path = tmp.file('week.csv', fileBytes(goodRows()));
        // Version 2: basket 1 loses a product, a new customer/store/product appear, PRD0900097 (class CL00001) is gone.
        const v2 = [
          row(),
          row({ PROD_CODE: 'PRD0900135', SPEND: '2.99', QUANTITY: '2' }),
          row({ BASKET_ID: '994100100000777', CUST_CODE: 'CUST0000000777', CUST_PRICE_SENSITIVITY: 'LA', CUST_LIFESTAGE: '', STORE_CODE: 'STORE00777', STORE_FORMAT: 'SS', STORE_REGION: 'N01', PROD_CODE: 'PRD0900888', PROD_CODE_10: 'CL00888', PROD_CODE_20: 'DEP00888', PROD_CODE_30: 'G00088', PROD_CODE_40: 'D00008' }),
        ];
        const expected = await withDatabase(dialect, async ({ db }) => {
          const other = tempDir();
          try {
            // Loaded fresh from a path of the same name: the state a replace must reach.
            const again = other.file('week.csv', fileBytes(v2));
            await ingest(again, db);
            await db.kysely.updateTable('ingested_files').set({ path }).execute();
            return fullSnapshot(db);
          } finally {
            other.cleanup();
          }
        });
        await withDatabase(dialect, async ({ db }) => {
          const first = await ingest(path, db);
          expect(first.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
          const before = await fullSnapshot(db);
          const second = await ingest([path, tmp.dir], db);
          expect(second.files).toMatchObject([{ status: 'unchanged', rowsRead: 0, fileId: 1 }]);
          expect(await fullSnapshot(db)).toEqual(before);
          tmp.file('week.csv', fileBytes(v2));
          const third = await ingest(path, db);
          expect(third.files[0]).toMatchObject({ status: 'replaced', fileId: 1, rowsRead: 3, rowsStored: 3 });
          const after = await fullSnapshot(db);
          expect(after).toEqual(expected);
          expect(after.products.join()).not.toContain('PRD0900097');
          expect(after.prod_codes_10.join()).not.toContain('CL00001');
          expect(Object.values(await integrityReport(db)).every((n) => n === 0)).toBe(true);
        });
      });
    });

    it('a load killed midway (SIGKILL) leaves the database as before that file; a re-run equals a clean run', async () => {
      const files = [TIME_CSV, REAL_SLICE[0], REAL_SLICE[1]];
      const clean = await withDatabase(dialect, async ({ db }) => {
        await ingest(files, db);
        return fullSnapshot(db);
      });
      await withDatabase(dialect, async ({ db, url }) => {
        // File index 2 is the second weekly file (time.csv loads first).
        const child = spawnSync(process.execPath, [CHILD, url, '2', '8000', ...files], { encoding: 'utf8', timeout: 120_000 });
        expect(child.stdout).toMatch(/^killing at \d+ rows of .*transactions_200608/);
        expect(child.signal).toBe('SIGKILL');
        const recorded = await db.kysely.selectFrom('ingested_files').select(['path']).orderBy('file_id').execute();
        expect(recorded.map((r) => r.path)).toEqual([TIME_CSV, REAL_SLICE[0]]);
        const weeks = await db.kysely.selectFrom('baskets').select('shop_week').distinct().execute();
        expect(weeks.map((w) => Number(w.shop_week))).toEqual([200607]);
        const rerun = await ingest(files, db);
        expect(rerun.files.map((f) => f.status)).toEqual(['unchanged', 'unchanged', 'loaded']);
        expect(await fullSnapshot(db)).toEqual(clean);
        expect(Object.values(await integrityReport(db)).every((n) => n === 0)).toBe(true);
      });
    });
  });
});
