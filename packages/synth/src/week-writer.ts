/**
 * Writing one week's buffer as `transactions_YYYYWW.csv.gz`: rows in the real files' order (store, then
 * product), streamed in chunks into gzip with backpressure. Output is byte-identical for identical input:
 * Node's gzip header has mtime 0, and the chunking depends only on the content.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { ZlibOptions } from 'node:zlib';
import { fiscalWeekStart, formatShopDate, shopWeekday } from './fiscal-calendar.js';
import { basketMissions, basketSizes, basketTypes, formatSpend, lgsrHeader, priceSensitivities } from './lgsr-format.js';
import { TextSink } from './text-sink.js';
import type { WeekBuffer } from './week-buffer.js';

/** Text handed to gzip per write, gzip's output buffer and how much may queue before 'drain': large, so
 * zlib compresses on the thread pool for long stretches while the main thread samples the next week. */
const CHUNK_CHARS = 1 << 17;
const GZIP_CHUNK_BYTES = 1 << 16;
const GZIP_QUEUE_BYTES = 1 << 20;

/** Precomputed text of the fixed parts of a row. */
export interface RowTexts {
  /** `PROD_CODE,_10,_20,_30,_40` per product. */
  product: string[];
  /** Order of products by PROD_CODE. */
  productRank: Int32Array;
  /** `CUST_CODE,CUST_PRICE_SENSITIVITY,CUST_LIFESTAGE` per known customer. */
  customer: string[];
  /** `STORE_CODE,STORE_FORMAT,STORE_REGION` per store. */
  store: string[];
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
const BASKET_ATTRIBUTES: string[] = [];
for (let s = 0; s < basketSizes.length; s++)
  for (let p = 0; p < priceSensitivities.length; p++)
    for (let t = 0; t < basketTypes.length; t++)
      for (let m = 0; m < basketMissions.length; m++)
        BASKET_ATTRIBUTES.push(`${basketSizes[s]},${priceSensitivities[p]},${basketTypes[t]},${basketMissions[m]}`);

function attributeIndex(size: number, price: number, type: number, mission: number): number {
  return ((size * priceSensitivities.length + price) * basketTypes.length + type) * basketMissions.length + mission;
}

/**
 * Write `buffer` as the gzip file `path` for fiscal week `week`.
 *
 * @example
 * await writeWeekFile('out/transactions_200607.csv.gz', 200607, buffer, texts, 6);
 */
export async function writeWeekFile(path: string, week: number, buffer: WeekBuffer, texts: RowTexts, level: number): Promise<void> {
  // zlib passes stream options through to its Transform; @types/node's ZlibOptions omits them.
  const gzip = createGzip({ level, chunkSize: GZIP_CHUNK_BYTES, writableHighWaterMark: GZIP_QUEUE_BYTES } as ZlibOptions);
  const sink = new TextSink(gzip, pipeline(gzip, createWriteStream(path)));
  const monday = fiscalWeekStart(week);
  const dayPrefix = Array.from({ length: 7 }, (_, d) => `${week},${formatShopDate(monday + d)},${shopWeekday(monday + d)},`);
  const basketText = new Array<string>(buffer.baskets);
  for (let b = 0; b < buffer.baskets; b++) {
    const attrs = BASKET_ATTRIBUTES[attributeIndex(buffer.basketSize[b], buffer.basketPrice[b], buffer.basketType[b], buffer.basketMission[b])];
    const c = buffer.basketCustomer[b];
    basketText[b] = `${c < 0 ? ',,' : texts.customer[c]},${buffer.basketId[b]},${attrs},${texts.store[buffer.basketStore[b]]}\n`;
  }
  const order = buffer.fileOrder(texts.store.length, texts.productRank);
  let chunk = lgsrHeader.join(',') + '\n';
  for (let i = 0; i < order.length; i++) {
    const r = order[i];
    const b = buffer.rowBasket[r];
    chunk +=
      dayPrefix[buffer.basketDay[b]] + HOURS[buffer.basketHour[b]] + ',' + buffer.rowQuantity[r] + ',' +
      formatSpend(buffer.rowSpend[r]) + ',' + texts.product[buffer.rowProduct[r]] + ',' + basketText[b];
    if (chunk.length >= CHUNK_CHARS) {
      await sink.write(chunk);
      chunk = '';
    }
  }
  await sink.end(chunk);
}
