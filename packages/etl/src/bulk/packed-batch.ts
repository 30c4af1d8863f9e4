/**
 * A {@link WriteBatch} in the shape that crosses to the SQLite writer thread cheaply. Posting a
 * batch structured-clones it on the sending thread, and per-row arrays of strings made that the
 * main thread's third-largest cost. Here every high-volume column is a typed array (transferred,
 * not copied) and every string in them is an index into a table of strings that each side grows in
 * step: a string crosses once per ingest, not once per row.
 */
import type { BasketRow, WriteBatch } from './bulk-writer.js';
import { own } from '../lgsr/row-outcome.js';

/** Basket columns after the id, in {@link BasketRow} order; true where the column is text. */
const BASKET_TEXT = [false, true, true, false, false, false, false, true, true, true, true];
const BASKET_WIDTH = BASKET_TEXT.length;
const NULL_STRING = -1;

export interface PackedBatch {
  /** Strings to append to the receiver's table before reading this batch. */
  newStrings: string[];
  /** The batch without its baskets and items (small: dimension rows, weeks, rejections). */
  rest: Omit<WriteBatch, 'baskets' | 'items' | 'packedItems'>;
  basketIds: Float64Array;
  /** Row-major basket columns 1..11 of {@link BasketRow}; text columns hold string-table indexes (-1 = null). */
  basketColumns: Int32Array;
  itemBasketIds: Float64Array;
  itemProducts: Int32Array;
  itemQuantities: Int32Array;
  itemPence: Int32Array;
}

/**
 * The sending side's string table.
 *
 * @example
 * const strings = new StringTable();
 * const { packed, transfer } = packBatch(batch, strings);
 * worker.postMessage(packed, transfer);
 */
export class StringTable {
  private readonly index = new Map<string, number>();
  private fresh: string[] = [];

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.index.size;
      // An owned copy: a field sliced from a line must not keep the line's whole chunk alive.
      const copy = own(s);
      this.index.set(copy, i);
      this.fresh.push(copy);
    }
    return i;
  }

  /** The strings added since the last call. */
  takeFresh(): string[] {
    const f = this.fresh;
    this.fresh = [];
    return f;
  }
}

/**
 * Pack a batch for posting; `transfer` lists the buffers to move.
 *
 * @example
 * const { packed, transfer } = packBatch(batch, strings);
 */
export function packBatch(batch: WriteBatch, strings: StringTable): { packed: PackedBatch; transfer: ArrayBuffer[] } {
  const { baskets, items, packedItems: _unused, ...rest } = batch;
  const nb = baskets.length;
  const basketIds = new Float64Array(nb);
  const basketColumns = new Int32Array(nb * BASKET_WIDTH);
  for (let j = 0; j < nb; j++) {
    const row = baskets[j];
    basketIds[j] = row[0];
    for (let c = 0; c < BASKET_WIDTH; c++) {
      const v = row[c + 1];
      basketColumns[j * BASKET_WIDTH + c] = BASKET_TEXT[c] ? (v === null ? NULL_STRING : strings.id(v as string)) : (v as number);
    }
  }
  const ni = items.length / 4;
  const itemBasketIds = new Float64Array(ni);
  const itemProducts = new Int32Array(ni);
  const itemQuantities = new Int32Array(ni);
  const itemPence = new Int32Array(ni);
  for (let i = 0, j = 0; j < ni; i += 4, j++) {
    itemBasketIds[j] = items[i] as number;
    itemProducts[j] = strings.id(items[i + 1] as string);
    itemQuantities[j] = items[i + 2] as number;
    itemPence[j] = items[i + 3] as number;
  }
  const packed: PackedBatch = {
    newStrings: strings.takeFresh(), rest, basketIds, basketColumns, itemBasketIds, itemProducts, itemQuantities, itemPence,
  };
  const transfer = [basketIds, basketColumns, itemBasketIds, itemProducts, itemQuantities, itemPence].map((a) => a.buffer as ArrayBuffer);
  return { packed, transfer };
}

/**
 * Rebuild the batch on the receiving side, growing its copy of the string table first.
 *
 * @example
 * const batch = unpackBatch(packed, table); // table: string[] kept for the whole ingest
 */
export function unpackBatch(packed: PackedBatch, table: string[]): WriteBatch {
  for (const s of packed.newStrings) table.push(s);
  const { basketIds, basketColumns } = packed;
  const baskets = new Array<BasketRow>(basketIds.length);
  for (let j = 0; j < basketIds.length; j++) {
    const row: (string | number | null)[] = [basketIds[j]];
    for (let c = 0; c < BASKET_WIDTH; c++) {
      const v = basketColumns[j * BASKET_WIDTH + c];
      row.push(BASKET_TEXT[c] ? (v === NULL_STRING ? null : table[v]) : v);
    }
    baskets[j] = row as BasketRow;
  }
  const prodCodes = Array.from(packed.itemProducts, (i) => table[i]);
  return {
    ...packed.rest,
    baskets,
    items: [],
    packedItems: { basketIds: packed.itemBasketIds, prodCodes, quantities: packed.itemQuantities, pence: packed.itemPence },
  };
}
