import { describe, expect, it } from 'vitest';
import { emptyBatch } from '../src/bulk/bulk-writer.js';
import type { BasketRow } from '../src/bulk/bulk-writer.js';
import { StringTable, packBatch, unpackBatch } from '../src/bulk/packed-batch.js';

function batch(fileId: number, baskets: BasketRow[], items: (string | number)[]) {
  const b = emptyBatch(fileId);
  b.baskets.push(...baskets);
  b.items.push(...items);
  b.products.push(['PRD0900001', 'CL00001']);
  b.rejects.push({ line: 7, field: 'SPEND', reason: 'bad', raw: 'x,y' });
  return b;
}

describe('packed batches for the SQLite writer thread', () => {
  it('round-trip baskets (anonymous ones too) and items, sending each string once across batches', () => {
    const sender = new StringTable();
    const receiver: string[] = [];
    const first = batch(
      3,
      [
        [994100100000001, 3, 'CUST0000000001', 'STORE00001', 200607, 20060410, 2, 8, 'L', 'MM', 'Full Shop', 'Fresh'],
        [994100100000002, 3, null, 'STORE00001', 200607, 20060411, 3, 23, 'S', 'LA', 'Top Up', 'Nonfood'],
      ],
      [994100100000001, 'PRD0900001', 2, 93, 994100100000002, 'PRD0900002', 1, 0],
    );
    const expected1 = structuredClone(first);
    const { packed, transfer } = packBatch(first, sender);
    expect(transfer).toHaveLength(6);
    const one = unpackBatch(structuredClone(packed), receiver);
    expect(one.baskets).toEqual(expected1.baskets);
    expect(one.packedItems?.prodCodes).toEqual(['PRD0900001', 'PRD0900002']);
    expect([...(one.packedItems?.basketIds ?? [])]).toEqual([994100100000001, 994100100000002]);
    expect([...(one.packedItems?.quantities ?? [])]).toEqual([2, 1]);
    expect([...(one.packedItems?.pence ?? [])]).toEqual([93, 0]);
    expect(one.products).toEqual(expected1.products);
    expect(one.rejects).toEqual(expected1.rejects);
    expect(one.fileId).toBe(3);

    // A second batch repeating known strings sends only the new one.
    const second = batch(3, [[994100100000003, 3, 'CUST0000000001', 'STORE00002', 200607, 20060412, 4, 0, 'L', 'MM', 'Full Shop', 'Fresh']], [
      994100100000003, 'PRD0900001', 5, 1250,
    ]);
    const { packed: p2 } = packBatch(second, sender);
    expect(p2.newStrings).toEqual(['STORE00002']);
    const two = unpackBatch(structuredClone(p2), receiver);
    expect(two.baskets[0]).toEqual([994100100000003, 3, 'CUST0000000001', 'STORE00002', 200607, 20060412, 4, 0, 'L', 'MM', 'Full Shop', 'Fresh']);
    expect(two.packedItems?.prodCodes).toEqual(['PRD0900001']);
  });
});
