import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createBulkWriter } from '../src/bulk/create-bulk-writer.js';
import { emptyBatch } from '../src/bulk/bulk-writer.js';
import { DIALECTS, skipDialect, withDatabase } from './helpers/dialects.js';

/** A batch with one basket and one line item; `quantity` 0 breaks the line item's CHECK constraint. */
function batch(fileId: number, basketId: number, quantity: number) {
  const b = emptyBatch(fileId);
  if (basketId === 994100100000001) {
    b.level40.push('D00001');
    b.level30.push(['G00001', 'D00001']);
    b.level20.push(['DEP00001', 'G00001']);
    b.level10.push(['CL00001', 'DEP00001']);
    b.products.push(['PRD0900001', 'CL00001']);
    b.stores.push(['STORE00001', 'LS', 'E02']);
  }
  b.baskets.push([basketId, fileId, null, 'STORE00001', 200607, 20060410, 2, 8, 'L', 'MM', 'Full Shop', 'Fresh']);
  b.items.push(basketId, 'PRD0900001', quantity, 93);
  return b;
}

const record = (fileId: number) => ({
  fileId, path: `/x/${fileId}.csv`, kind: 'transactions' as const, checksum: 'c', sizeBytes: 1,
  rowsRead: 0, rowsStored: 0, rowsRejected: 0, rowsDuplicate: 0, loadedAt: 'now',
});

describe.each(DIALECTS)('queued writes (%s)', (dialect) => {
  it.skipIf(skipDialect(dialect))('a write that fails after it was queued fails the commit; the rollback leaves nothing behind', async () => {
    await withDatabase(dialect, async ({ db }) => {
      const writer = createBulkWriter(db, {});
      await writer.open();
      try {
        await writer.begin();
        await writer.saveFileRecord(record(1), true);
        await writer.write(batch(1, 994100100000001, 1));
        // Quantity 0 violates line_items_quantity; writes are queued, so the error may surface later.
        const queued = writer.write(batch(1, 994100100000002, 0)).then(() => writer.write(batch(1, 994100100000003, 1)));
        await expect(queued.then(() => writer.commit())).rejects.toThrow(/line_items_quantity|CHECK constraint/);
        await writer.rollback();
        // The writer is usable again: a clean file commits.
        await writer.begin();
        await writer.saveFileRecord(record(2), true);
        await writer.write(batch(2, 994100100000001, 1));
        await writer.commit();
      } finally {
        await writer.close();
      }
      const count = async (table: string) =>
        Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely)).rows[0].n);
      expect(await count('ingested_files')).toBe(1);
      expect(await count('baskets')).toBe(1);
      expect(await count('line_items')).toBe(1);
    });
  });
});
