import { describe, expect, it } from 'vitest';
import { IngestError, ingest } from '../src/index.js';
import { LGSR_COLUMNS } from '../src/lgsr/columns.js';
import { DIALECTS, skipDialect, withDatabase } from './helpers/dialects.js';
import { HEADER, fileBytes, goodRows, inTempDir, zipBytes } from './helpers/lgsr-fixture.js';
import { dataSnapshot, rejectedRows } from './helpers/snapshots.js';

describe.each(DIALECTS)('file formats (%s)', (dialect) => {
  describe.skipIf(skipDialect(dialect))(dialect, () => {
    it('BOM, CRLF, gzip, reordered columns, zip entries and a missing final newline all load the same rows', async () => {
      await inTempDir(async (tmp) => {
        const rows = goodRows();
        const reference = await withDatabase(dialect, async ({ db }) => {
          await ingest(tmp.file('plain.csv', fileBytes(rows)), db);
          return dataSnapshot(db);
        });
        // Reordered columns: reverse the header and every row.
        const reversedHeader = [...LGSR_COLUMNS].reverse().join(',');
        const reversed = rows.map((l) => l.split(',').reverse().join(','));
        const variants: [string, Buffer][] = [
          ['bom-crlf.csv', fileBytes(rows, { bom: true, crlf: true })],
          ['gzipped.csv.gz', fileBytes(rows, { gzip: true, bom: true })],
          ['reordered.csv', fileBytes(reversed, { header: reversedHeader })],
          ['no-final-newline.csv', fileBytes(rows).subarray(0, -1)],
          ['lowercase-header.csv', fileBytes(rows, { header: HEADER.toLowerCase() })],
        ];
        for (const [name, bytes] of variants) {
          await withDatabase(dialect, async ({ db }) => {
            const summary = await ingest(tmp.file(name, bytes), db);
            expect(summary.files[0], name).toMatchObject({ status: 'loaded', rowsRead: 4, rowsStored: 4, rowsRejected: 0 });
            expect(await dataSnapshot(db), name).toEqual(reference);
          });
        }
        await withDatabase(dialect, async ({ db }) => {
          const zip = tmp.file('bundle.zip', zipBytes([
            { name: 'README.txt', data: Buffer.from('not data') },
            { name: 'week/transactions_a.csv', data: fileBytes(rows.slice(0, 3)) },
            { name: 'week/transactions_b.csv', data: fileBytes(rows.slice(3), { crlf: true }), store: true },
          ]));
          const summary = await ingest(zip, db);
          expect(summary.files.map((f) => [f.path, f.rowsStored])).toEqual([
            [`${zip}!/week/transactions_a.csv`, 3],
            [`${zip}!/week/transactions_b.csv`, 1],
          ]);
          expect(await dataSnapshot(db)).toEqual(reference);
          expect((await ingest(zip, db)).files.map((f) => f.status)).toEqual(['unchanged', 'unchanged']);
        });
      });
    });

    it('a corrupt zip entry is refused and nothing of it is stored', async () => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          const good = fileBytes(goodRows());
          const zip = zipBytes([{ name: 'a.csv', data: good, store: true }]);
          // Flip a byte inside the stored entry data: the CRC-32 check must catch it.
          const at = zip.indexOf(Buffer.from('PRD0900135'));
          zip[at + 3] = 'X'.charCodeAt(0);
          const path = tmp.file('corrupt.zip', zip);
          const error = (await ingest(path, db).catch((e: unknown) => e)) as IngestError;
          expect(error).toBeInstanceOf(IngestError);
          expect(error.message).toMatch(/corrupt\.zip!\/a\.csv: corrupt zip entry \(the zip entry fails its CRC-32 check/);
          expect(await db.kysely.selectFrom('ingested_files').selectAll().execute()).toEqual([]);
          expect(await db.kysely.selectFrom('line_items').selectAll().execute()).toEqual([]);
        });
      });
    });

    it('a header-only file loads with zero rows; non-ASCII in a rejected row is kept as UTF-8', async () => {
      await inTempDir(async (tmp) => {
        await withDatabase(dialect, async ({ db }) => {
          const empty = await ingest(tmp.file('header-only.csv', fileBytes([])), db);
          expect(empty.files[0]).toMatchObject({ status: 'loaded', rowsRead: 0, rowsStored: 0 });
          const line = 'Größe,ñ,€';
          const odd = await ingest(tmp.file('odd.csv', fileBytes([line])), db);
          expect(odd.files[0]).toMatchObject({ rowsRead: 1, rowsRejected: 1 });
          expect((await rejectedRows(db))[0]).toMatchObject({ line: 2, field: null, raw: line });
        });
      });
    });
  });
});
