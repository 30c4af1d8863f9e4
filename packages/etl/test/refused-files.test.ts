import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IngestError, ingest } from '../src/index.js';
import { DIALECTS, skipDialect, withDatabase } from './helpers/dialects.js';
import { HEADER, fileBytes, goodRows, row, inTempDir } from './helpers/lgsr-fixture.js';
import { fullSnapshot } from './helpers/snapshots.js';

/** Many valid rows (distinct baskets), so a cut gzip still has a readable header. */
function manyRows(n: number): string[] {
  return Array.from({ length: n }, (_, i) => row({ BASKET_ID: String(994100200000000 + i), PROD_CODE: `PRD09${String(i % 5000).padStart(5, '0')}` }));
}

const REFUSED: { name: string; bytes: () => Buffer; reason: RegExp }[] = [
  { name: 'an empty file', bytes: () => Buffer.alloc(0), reason: /the file is empty/ },
  { name: 'an empty gzip', bytes: () => gzipSync(Buffer.alloc(0)), reason: /the file is empty/ },
  { name: 'a wrong header', bytes: () => fileBytes(goodRows(), { header: 'id,name,price' }), reason: /neither the LGSR transactions header nor time.csv's \(missing SHOP_WEEK/ },
  { name: 'a header missing a column', bytes: () => fileBytes(goodRows(), { header: HEADER.replace(',STORE_REGION', '') }), reason: /missing STORE_REGION/ },
  { name: 'headerless data', bytes: () => fileBytes(goodRows(), { header: false }), reason: /neither the LGSR/ },
  { name: 'binary content', bytes: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), randomBytes(2000)]), reason: /binary content: a NUL byte at offset 4/ },
  { name: 'binary after a valid header', bytes: () => Buffer.concat([fileBytes(goodRows()), Buffer.from([0, 1, 2, 3])]), reason: /binary content: a NUL byte/ },
  {
    name: 'a truncated gzip',
    bytes: () => {
      const gz = fileBytes(manyRows(4000), { gzip: true });
      return gz.subarray(0, Math.floor(gz.length * 0.7));
    },
    reason: /truncated or corrupt gzip data \(unexpected end of file\)/,
  },
  { name: 'a corrupt gzip', bytes: () => { const gz = fileBytes(manyRows(4000), { gzip: true }); gz[gz.length - 6] ^= 0xff; return gz; }, reason: /truncated or corrupt gzip data/ },
];

describe.each(DIALECTS)('refused files (%s)', (dialect) => {
  describe.skipIf(skipDialect(dialect))(dialect, () => {
    it.each(REFUSED)('$name: an error naming the file, and nothing of it stored', async ({ bytes, reason }) => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          await ingest(tmp.file('good.csv', fileBytes(goodRows())), db);
          const before = await fullSnapshot(db);
          const bad = tmp.file('bad.csv.gz', bytes());
          const error = await ingest(bad, db).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(IngestError);
          expect((error as IngestError).message).toContain(bad);
          expect((error as IngestError).message).toMatch(reason);
          expect((error as IngestError).refused).toEqual([{ path: bad, reason: expect.stringMatching(reason) }]);
          expect(await fullSnapshot(db)).toEqual(before);
        });
      });
    });

    it('a refusal found while reading rolls back only that file; files before it stay committed', async () => {
      await inTempDir(async (tmp) => {
        const good = tmp.file('a-good.csv', fileBytes(goodRows()));
        const gz = fileBytes(manyRows(4000), { gzip: true });
        const truncated = tmp.file('b-truncated.csv.gz', gz.subarray(0, Math.floor(gz.length * 0.7)));
        const expected = await withDatabase(dialect, async ({ db }) => {
          await ingest(good, db);
          return fullSnapshot(db);
        });
        await withDatabase(dialect, async ({ db }) => {
          const error = (await ingest([good, truncated], db).catch((e: unknown) => e)) as IngestError;
          expect(error).toBeInstanceOf(IngestError);
          expect(error.completed.map((f) => [f.path, f.status])).toEqual([[good, 'loaded']]);
          expect(error.message).toContain(truncated);
          expect(await fullSnapshot(db)).toEqual(expected);
        });
      });
    });

    it('a refusal found before loading stops everything: even the good files are not loaded', async () => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          const before = await fullSnapshot(db);
          const good = tmp.file('good.csv', fileBytes(goodRows()));
          const empty = tmp.file('empty.csv', '');
          const wrong = tmp.file('wrong.csv', 'a,b\n1,2\n');
          const error = (await ingest([good, empty, wrong], db).catch((e: unknown) => e)) as IngestError;
          expect(error.refused.map((r) => r.path)).toEqual([empty, wrong]);
          expect(error.message).toMatch(/^Refused 2 files \(nothing of them was stored\)/);
          expect(await fullSnapshot(db)).toEqual(before);
        });
      });
    });
  });
});

describe('argument checks', () => {
  it('rejects bad arguments with precise messages', async () => {
    await expect(ingest([], {} as never)).rejects.toThrow(/Expected a path or a non-empty array of paths for paths but received array\(0\)/);
    await expect(ingest('x', null as never)).rejects.toThrow(/Expected a database from openDatabase\(\) for db but received null/);
    await withDatabase('sqlite', async ({ db }) => {
      await expect(ingest('x', db, { batchsize: 3 } as never)).rejects.toThrow(/Unknown option "batchsize" for ingest/);
      await expect(ingest('x', db, { batchSize: 0 })).rejects.toThrow(/Expected a positive integer for options.batchSize but received 0/);
      await expect(ingest('/no/such/file.csv', db)).rejects.toThrow(/Cannot ingest \/no\/such\/file.csv: no such file or directory/);
    });
  });
});
