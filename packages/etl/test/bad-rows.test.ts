import { beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseSnapshot } from '@atm/data';
import { ingest } from '../src/index.js';
import { DIALECTS, skipDialect, withDatabase } from './helpers/dialects.js';
import { fileBytes, goodRows, row, inTempDir } from './helpers/lgsr-fixture.js';
import { dataSnapshot, rejectedRows } from './helpers/snapshots.js';

/** Each bad line is inserted as the file's 4th line (after the header and two good rows). */
const CASES: { name: string; line: string; field: string | null; reason: RegExp }[] = [
  { name: 'too few columns', line: row().split(',').slice(0, 21).join(','), field: null, reason: /expected 22 comma-separated columns but found 21/ },
  { name: 'too many columns', line: `${row({ PROD_CODE: 'PRD0900500' })},x`, field: null, reason: /found 23/ },
  { name: 'a blank line', line: '', field: null, reason: /found 1/ },
  { name: 'non-numeric quantity', line: row({ PROD_CODE: 'PRD0900500', QUANTITY: 'two' }), field: 'QUANTITY', reason: /QUANTITY "two" is not a whole number/ },
  { name: 'zero quantity', line: row({ PROD_CODE: 'PRD0900500', QUANTITY: '0' }), field: 'QUANTITY', reason: /QUANTITY "0"/ },
  { name: 'non-numeric spend', line: row({ PROD_CODE: 'PRD0900500', SPEND: '£1' }), field: 'SPEND', reason: /SPEND "£1" is not a decimal amount/ },
  { name: 'spend finer than a penny', line: row({ PROD_CODE: 'PRD0900500', SPEND: '0.125' }), field: 'SPEND', reason: /more than 2 decimal places/ },
  { name: 'unknown product code format', line: row({ PROD_CODE: 'SKU-1' }), field: 'PROD_CODE', reason: /PROD_CODE "SKU-1" is not a product code/ },
  { name: 'unknown class code format', line: row({ PROD_CODE: 'PRD0900500', PROD_CODE_10: 'CLASS9' }), field: 'PROD_CODE_10', reason: /not a class code/ },
  { name: 'a product whose class contradicts an earlier row', line: row({ PROD_CODE_10: 'CL00001' }), field: 'PROD_CODE_10', reason: /product PRD0900033 is in class CL00201 \(earlier rows\), not "CL00001"/ },
  { name: 'a class whose parent contradicts an earlier row', line: row({ PROD_CODE: 'PRD0900500', PROD_CODE_20: 'DEP00001' }), field: 'PROD_CODE_20', reason: /class CL00201 is under DEP00067/ },
  { name: 'a department under another group', line: row({ PROD_CODE: 'PRD0900500', PROD_CODE_40: 'D00009' }), field: 'PROD_CODE_40', reason: /G00021 is under D00005/ },
  { name: 'a customer with another price sensitivity', line: row({ PROD_CODE: 'PRD0900500', CUST_PRICE_SENSITIVITY: 'LA' }), field: 'CUST_PRICE_SENSITIVITY', reason: /customer CUST0000410727 has price sensitivity UM/ },
  { name: 'an unknown life stage', line: row({ BASKET_ID: '994100100000001', CUST_CODE: 'CUST0000000001', CUST_LIFESTAGE: 'ZZ' }), field: 'CUST_LIFESTAGE', reason: /CUST_LIFESTAGE "ZZ"/ },
  { name: 'a malformed customer code', line: row({ BASKET_ID: '994100100000001', CUST_CODE: 'C1' }), field: 'CUST_CODE', reason: /CUST_CODE "C1"/ },
  { name: 'an anonymous row with a price sensitivity', line: row({ BASKET_ID: '994100100000001', CUST_CODE: '', CUST_LIFESTAGE: '' }), field: 'CUST_PRICE_SENSITIVITY', reason: /must be empty for an anonymous basket/ },
  { name: 'a store with another format', line: row({ PROD_CODE: 'PRD0900500', STORE_FORMAT: 'SS' }), field: 'STORE_FORMAT', reason: /store STORE00001 has format LS/ },
  { name: 'an unknown store region', line: row({ BASKET_ID: '994100100000001', STORE_CODE: 'STORE00002', STORE_REGION: 'X01' }), field: 'STORE_REGION', reason: /STORE_REGION "X01"/ },
  { name: 'a basket with another type', line: row({ PROD_CODE: 'PRD0900500', BASKET_TYPE: 'Top Up' }), field: 'BASKET_TYPE', reason: /basket 994100100398294 has BASKET_TYPE "Full Shop" \(line 2\), not "Top Up"/ },
  { name: 'a basket with another customer', line: row({ PROD_CODE: 'PRD0900500', CUST_CODE: '', CUST_PRICE_SENSITIVITY: '', CUST_LIFESTAGE: '' }), field: 'CUST_CODE', reason: /basket 994100100398294 has CUST_CODE/ },
  { name: 'a weekday that contradicts the date', line: row({ BASKET_ID: '994100100000001', SHOP_WEEKDAY: '3' }), field: 'SHOP_WEEKDAY', reason: /contradicts SHOP_DATE 20060415, a Saturday \(7\)/ },
  { name: 'an impossible date', line: row({ BASKET_ID: '994100100000001', SHOP_DATE: '20060231' }), field: 'SHOP_DATE', reason: /SHOP_DATE "20060231" is not a valid date/ },
  { name: 'a malformed week', line: row({ BASKET_ID: '994100100000001', SHOP_WEEK: '200699' }), field: 'SHOP_WEEK', reason: /SHOP_WEEK "200699"/ },
  { name: 'an hour out of range', line: row({ BASKET_ID: '994100100000001', SHOP_HOUR: '25' }), field: 'SHOP_HOUR', reason: /SHOP_HOUR "25"/ },
  { name: 'a malformed basket id', line: row({ BASKET_ID: '0994100100000001' }), field: 'BASKET_ID', reason: /BASKET_ID "0994100100000001"/ },
  { name: 'an unknown basket mission', line: row({ BASKET_ID: '994100100000001', BASKET_DOMINANT_MISSION: 'Party' }), field: 'BASKET_DOMINANT_MISSION', reason: /"Party"/ },
  { name: 'a product repeated in a basket with another quantity', line: row({ QUANTITY: '3' }), field: 'PROD_CODE', reason: /appears again in basket 994100100398294/ },
];

describe.each(DIALECTS)('rejected rows (%s)', (dialect) => {
  describe.skipIf(skipDialect(dialect))(dialect, () => {
    let reference: Partial<DatabaseSnapshot>;
    beforeAll(async () => {
      await inTempDir(async (tmp) => {
        reference = await withDatabase(dialect, async ({ db }) => {
          await ingest(tmp.file('good.csv', fileBytes(goodRows())), db);
          return dataSnapshot(db);
        });
      });
    });

    it.each(CASES)('$name: goes to rejected_rows with line and field; the rest loads as without it', async ({ line, field, reason }) => {
      await inTempDir(async (tmp) => {
        const good = goodRows();
        const withBad = [good[0], good[1], line, good[2], good[3]];
        await withDatabase(dialect, async ({ db }) => {
          const summary = await ingest(tmp.file('bad.csv', fileBytes(withBad)), db);
          expect(summary.files[0]).toMatchObject({ status: 'loaded', rowsRead: 5, rowsStored: 4, rowsRejected: 1, duplicatesSkipped: 0 });
          const rejected = await rejectedRows(db);
          expect(rejected).toHaveLength(1);
          expect(rejected[0]).toMatchObject({ line: 4, field, raw: line });
          expect(rejected[0].reason).toMatch(reason);
          expect(await dataSnapshot(db)).toEqual(reference);
          const [file] = await db.kysely.selectFrom('ingested_files').selectAll().execute();
          expect(Number(file.rows_read)).toBe(Number(file.rows_stored) + Number(file.rows_rejected) + Number(file.rows_duplicate));
        });
      });
    });

    it('an exact repeat of a line is a skipped duplicate, counted, not stored twice', async () => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          const good = goodRows();
          const summary = await ingest(tmp.file('dup.csv', fileBytes([...good, good[1]])), db);
          expect(summary.files[0]).toMatchObject({ rowsRead: 5, rowsStored: 4, rowsRejected: 0, duplicatesSkipped: 1 });
          expect(await rejectedRows(db)).toEqual([]);
          const n = await db.kysely.selectFrom('line_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
          expect(Number(n.n)).toBe(4);
        });
      });
    });

    it('a row contradicting another file: rejected with that file named; a copy of another file is all duplicates', async () => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          const first = tmp.file('first.csv', fileBytes(goodRows()));
          await ingest(first, db);
          const before = await dataSnapshot(db);
          const second = tmp.file('second.csv', fileBytes([row({ PROD_CODE_10: 'CL00001' }), row({ QUANTITY: '5' }), row({ PROD_CODE: 'PRD0900777' })]));
          const summary = await ingest(second, db);
          expect(summary.files[0]).toMatchObject({ rowsRead: 3, rowsStored: 0, rowsRejected: 3, duplicatesSkipped: 0 });
          const rejected = (await rejectedRows(db)).map((r) => [r.line, r.field, r.reason]);
          expect(rejected[0]).toEqual([2, 'PROD_CODE_10', expect.stringMatching(/product PRD0900033 is in class CL00201/)]);
          expect(rejected[1]).toEqual([3, 'PROD_CODE', expect.stringContaining(`stored from ${first}`)]);
          expect(rejected[2]).toEqual([4, 'BASKET_ID', expect.stringMatching(/already stored from .*first\.csv; a basket cannot span files/)]);
          expect(await dataSnapshot(db)).toEqual(before);
          const copy = await ingest(tmp.file('copy.csv.gz', fileBytes(goodRows(), { gzip: true })), db);
          expect(copy.files[0]).toMatchObject({ status: 'loaded', rowsRead: 4, rowsStored: 0, rowsRejected: 0, duplicatesSkipped: 4 });
          expect(await dataSnapshot(db)).toEqual(before);
        });
      });
    });

    it('a date outside its fiscal week (per time.csv) is rejected', async () => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          const time = tmp.file('time.csv', fileBytes(['200607,20060410,20060416'], { header: 'shop_week,date_from,date_to' }));
          const tx = tmp.file('tx.csv', fileBytes([row(), row({ BASKET_ID: '994100100000001', SHOP_DATE: '20060422', SHOP_WEEKDAY: '7' })]));
          const summary = await ingest([tx, time], db);
          expect(summary.files.map((f) => f.kind)).toEqual(['time', 'transactions']);
          const rejected = await rejectedRows(db);
          expect(rejected).toMatchObject([{ line: 3, field: 'SHOP_DATE', reason: expect.stringMatching(/outside week 200607 \(20060410..20060416/) }]);
        });
      });
    });

    it('time.csv rows are validated too', async () => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          const lines = ['200607,20060410,20060416', '200608,20060417,20060425', '200609,2006-04-24,20060430', '200607,20060410,20060416', '200607,20060411,20060417'];
          const summary = await ingest(tmp.file('time.csv', fileBytes(lines, { header: 'shop_week,date_from,date_to' })), db);
          expect(summary.files[0]).toMatchObject({ kind: 'time', rowsRead: 5, rowsStored: 1, rowsRejected: 3, duplicatesSkipped: 1 });
          expect((await rejectedRows(db)).map((r) => [r.line, r.field])).toEqual([[3, 'date_to'], [4, 'date_from'], [6, 'date_from']]);
        });
      });
    });
  });
});
