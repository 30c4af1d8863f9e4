import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';
import { LGSR_COLUMNS } from '../../src/lgsr/columns.js';
import type { LgsrColumn } from '../../src/lgsr/columns.js';

export const HEADER = LGSR_COLUMNS.join(',');
export const TIME_HEADER = 'shop_week,date_from,date_to';

/** A valid row (a real one from transactions_200607) with some columns replaced. */
export function row(o: Partial<Record<LgsrColumn, string>> = {}): string {
  const base: Record<LgsrColumn, string> = {
    SHOP_WEEK: '200607', SHOP_DATE: '20060415', SHOP_WEEKDAY: '7', SHOP_HOUR: '19', QUANTITY: '1', SPEND: '0.93',
    PROD_CODE: 'PRD0900033', PROD_CODE_10: 'CL00201', PROD_CODE_20: 'DEP00067', PROD_CODE_30: 'G00021', PROD_CODE_40: 'D00005',
    CUST_CODE: 'CUST0000410727', CUST_PRICE_SENSITIVITY: 'UM', CUST_LIFESTAGE: 'OT',
    BASKET_ID: '994100100398294', BASKET_SIZE: 'L', BASKET_PRICE_SENSITIVITY: 'MM', BASKET_TYPE: 'Full Shop',
    BASKET_DOMINANT_MISSION: 'Mixed', STORE_CODE: 'STORE00001', STORE_FORMAT: 'LS', STORE_REGION: 'E02',
  };
  return LGSR_COLUMNS.map((c) => o[c] ?? base[c]).join(',');
}

/** A small valid file body: two baskets (one anonymous), three products, two classes. */
export function goodRows(): string[] {
  return [
    row(),
    row({ PROD_CODE: 'PRD0900135', SPEND: '3.07' }),
    row({ PROD_CODE: 'PRD0900097', PROD_CODE_10: 'CL00001', PROD_CODE_20: 'DEP00001', PROD_CODE_30: 'G00001', PROD_CODE_40: 'D00001', QUANTITY: '2', SPEND: '8.4' }),
    row({ BASKET_ID: '994100100135562', CUST_CODE: '', CUST_PRICE_SENSITIVITY: '', CUST_LIFESTAGE: '', SHOP_DATE: '20060416', SHOP_WEEKDAY: '1', SHOP_HOUR: '14', BASKET_SIZE: 'S', BASKET_TYPE: 'Top Up', BASKET_DOMINANT_MISSION: 'Grocery', SPEND: '1' }),
  ];
}

export interface FileOptions {
  gzip?: boolean;
  bom?: boolean;
  crlf?: boolean;
  /** Header line; false for none. Default the LGSR header. */
  header?: string | false;
}

/** The file's bytes: header + lines, LF (or CRLF), final newline, optional BOM and gzip. */
export function fileBytes(lines: readonly string[], o: FileOptions = {}): Buffer {
  const all = o.header === false ? [...lines] : [o.header ?? HEADER, ...lines];
  const eol = o.crlf ? '\r\n' : '\n';
  let bytes = Buffer.from(all.map((l) => l + eol).join(''), 'utf8');
  if (o.bom) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  return o.gzip ? gzipSync(bytes) : bytes;
}

/** A temp directory for one test, and its cleanup. */
export function tempDir(): { dir: string; file: (name: string, content: Buffer | string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atm-etl-'));
  return {
    dir,
    file: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Run `fn` with a fresh temp directory, removed afterwards. */
export async function inTempDir<T>(fn: (tmp: ReturnType<typeof tempDir>) => Promise<T>): Promise<T> {
  const tmp = tempDir();
  try {
    return await fn(tmp);
  } finally {
    tmp.cleanup();
  }
}

/** A minimal zip archive writer (deflate or stored entries) for fixtures. */
export function zipBytes(entries: { name: string; data: Buffer; store?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.store ? e.data : deflateRawSync(e.data);
    const name = Buffer.from(e.name, 'utf8');
    const crc = crc32(e.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
