/**
 * The small dialect-specific interface the loader writes through. Everything above it (reading,
 * validation, row accounting) is shared; below it, SQLite uses prepared statements in one
 * transaction per file and PostgreSQL uses COPY.
 */

/** Customer attributes as cached: life stage '' when null. */
export interface CustomerDim {
  priceSensitivity: string;
  lifeStage: string;
}
export interface StoreDim {
  format: string;
  region: string;
}
export interface WeekDim {
  from: string;
  to: string;
}

/** Every dimension already stored: the loader checks new rows against these. */
export interface Dimensions {
  /** prod_code → prod_code_10 */
  products: Map<string, string>;
  /** prod_code_10 → prod_code_20 */
  level10: Map<string, string>;
  /** prod_code_20 → prod_code_30 */
  level20: Map<string, string>;
  /** prod_code_30 → prod_code_40 */
  level30: Map<string, string>;
  level40: Set<string>;
  customers: Map<string, CustomerDim>;
  stores: Map<string, StoreDim>;
  /** SHOP_WEEK text → its date range from time.csv. */
  weeks: Map<string, WeekDim>;
}

/** Basket columns in insert order: id, file, customer, store, week, date, weekday, hour, size, price, type, mission. */
export type BasketRow = [number, number, string | null, string, number, number, number, number, string, string, string, string];

export interface RejectRow {
  line: number;
  field: string | null;
  reason: string;
  raw: string;
}

/** What one batch adds, parents before children. */
export interface WriteBatch {
  /** The file every row of the batch belongs to. */
  fileId: number;
  level40: string[];
  level30: [string, string][];
  level20: [string, string][];
  level10: [string, string][];
  products: [string, string][];
  customers: [string, string, string | null][];
  stores: [string, string, string][];
  baskets: BasketRow[];
  /** Flat (basket id, prod code, quantity, spend pence) quadruples; ids are exact numbers (≤ 15 digits). */
  items: (string | number)[];
  /** The same items in columns (typed arrays move between threads without copying); used instead of `items` when set. */
  packedItems?: PackedItems;
  /** time.csv rows: (week, date_from, date_to). */
  weeks: [number, number, number][];
  rejects: RejectRow[];
}

/** Line items as columns. */
export interface PackedItems {
  basketIds: Float64Array;
  prodCodes: string[];
  quantities: Int32Array;
  pence: Int32Array;
}

/**
 * Move a batch's items into columns (for posting to a worker thread: the typed arrays transfer).
 *
 * @example
 * const packed = packItems(batch.items); // { basketIds, prodCodes, quantities, pence }
 */
export function packItems(items: readonly (string | number)[]): PackedItems {
  const n = items.length / 4;
  const packed: PackedItems = { basketIds: new Float64Array(n), prodCodes: new Array<string>(n), quantities: new Int32Array(n), pence: new Int32Array(n) };
  for (let i = 0, j = 0; j < n; i += 4, j++) {
    packed.basketIds[j] = items[i] as number;
    packed.prodCodes[j] = items[i + 1] as string;
    packed.quantities[j] = items[i + 2] as number;
    packed.pence[j] = items[i + 3] as number;
  }
  return packed;
}

/** A basket stored by another file, for cross-file duplicate and conflict checks. */
export interface ForeignBasket {
  fileId: number;
  path: string;
  /** The basket's values of the basket-constant columns (SHOP_WEEK, SHOP_DATE, SHOP_WEEKDAY, SHOP_HOUR,
   * CUST_CODE, BASKET_SIZE, BASKET_PRICE_SENSITIVITY, BASKET_TYPE, BASKET_DOMINANT_MISSION, STORE_CODE) as text. */
  values: string[];
  /** prod_code → [quantity, spend pence] */
  items: Map<string, [number, number]>;
}

/** The bookkeeping row of one file. */
export interface FileRecord {
  fileId: number;
  path: string;
  kind: 'transactions' | 'time';
  checksum: string;
  sizeBytes: number;
  rowsRead: number;
  rowsStored: number;
  rowsRejected: number;
  rowsDuplicate: number;
  loadedAt: string;
}

export interface BulkWriter {
  readonly dialect: 'sqlite' | 'postgres';
  /** Take the connection and the ingest lock (one ingest at a time per database). */
  open(): Promise<void>;
  /** Release the lock and the connection. */
  close(): Promise<void>;
  begin(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  /** Changes whenever another connection has written since the last call (cached dimensions are then stale). */
  changeToken(): Promise<string>;
  fileByPath(path: string): Promise<FileRecord | undefined>;
  nextFileId(): Promise<number>;
  /** Delete a file's rows (line items, baskets, weeks, rejected rows) and dimensions no longer referenced. */
  removeFileRows(fileId: number): Promise<void>;
  saveFileRecord(record: FileRecord, isNew: boolean): Promise<void>;
  loadDimensions(): Promise<Dimensions>;
  /** Baskets among `ids` stored by files other than `exceptFileId`. */
  foreignBaskets(ids: string[], exceptFileId: number): Promise<Map<string, ForeignBasket>>;
  write(batch: WriteBatch): Promise<void>;
}

/**
 * An empty batch to fill.
 *
 * @example
 * const batch = emptyBatch(1); batch.items.push(994100100398294, 'PRD0900033', 1, 93);
 */
export function emptyBatch(fileId: number): WriteBatch {
  return {
    fileId,
    level40: [], level30: [], level20: [], level10: [], products: [], customers: [], stores: [],
    baskets: [], items: [], weeks: [], rejects: [],
  };
}
