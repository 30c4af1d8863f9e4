import type { ColumnType, Insertable, Selectable } from 'kysely';
import type {
  BasketMission,
  BasketSize,
  BasketType,
  LifeStage,
  PriceSensitivity,
  StoreFormat,
  StoreRegion,
} from './domains.js';

/**
 * A 64-bit integer column. Written as a number, bigint or decimal string; read back as a number on
 * SQLite and as a decimal string on PostgreSQL (pg returns int8 as text). Queries that hand ids to
 * callers cast them to text, so callers always see strings.
 */
export type Int64 = ColumnType<number | string, number | string | bigint, number | string | bigint>;

/** One ingested file (or zip entry) and its row accounting. */
export interface IngestedFilesTable {
  file_id: number;
  /** Absolute path; a zip entry is `archive.zip!/entry.csv`. Unique. */
  path: string;
  kind: 'transactions' | 'time';
  /** `sha256:<hex>` of the bytes as stored on disk (compressed bytes for .gz and zip entries). */
  checksum: string;
  size_bytes: Int64;
  rows_read: number;
  rows_stored: number;
  rows_rejected: number;
  rows_duplicate: number;
  /** ISO-8601 UTC time of the load. */
  loaded_at: string;
}

/** A row that failed validation: kept verbatim with its place and the reason. */
export interface RejectedRowsTable {
  file_id: number;
  /** 1-based physical line number in the file (the header is line 1). */
  line_number: number;
  /** The LGSR column at fault, or null when the whole line is (e.g. wrong column count). */
  field: string | null;
  reason: string;
  raw_text: string;
}

/** Fiscal weeks from time.csv; dates are `yyyymmdd` integers. */
export interface WeeksTable {
  shop_week: number;
  date_from: number;
  date_to: number;
  file_id: number;
}

export interface ProdCodes40Table {
  prod_code_40: string;
}
export interface ProdCodes30Table {
  prod_code_30: string;
  prod_code_40: string;
}
export interface ProdCodes20Table {
  prod_code_20: string;
  prod_code_30: string;
}
export interface ProdCodes10Table {
  prod_code_10: string;
  prod_code_20: string;
}
export interface ProductsTable {
  prod_code: string;
  prod_code_10: string;
}

/** The view `product_hierarchy`: every product with its four ancestors. */
export interface ProductHierarchyView {
  prod_code: string;
  prod_code_10: string;
  prod_code_20: string;
  prod_code_30: string;
  prod_code_40: string;
}

export interface CustomersTable {
  customer_code: string;
  price_sensitivity: PriceSensitivity;
  /** Null for some known customers (empty in the source). */
  life_stage: LifeStage | null;
}

export interface StoresTable {
  store_code: string;
  store_format: StoreFormat;
  store_region: StoreRegion;
}

export interface BasketsTable {
  basket_id: Int64;
  /** The file the basket was loaded from (replacing that file replaces the basket). */
  file_id: number;
  /** Null for an anonymous basket. */
  customer_code: string | null;
  store_code: string;
  shop_week: number;
  /** `yyyymmdd`. */
  shop_date: number;
  /** 1 = Sunday … 7 = Saturday. */
  shop_weekday: number;
  /** 0..23. */
  shop_hour: number;
  basket_size: BasketSize;
  basket_price_sensitivity: PriceSensitivity;
  basket_type: BasketType;
  basket_dominant_mission: BasketMission;
}

export interface LineItemsTable {
  basket_id: Int64;
  prod_code: string;
  quantity: number;
  /** SPEND in integer pence (exact on both dialects; the source has at most 2 decimals). */
  spend_pence: number;
}

/**
 * The normalized LGSR schema as kysely sees it (see the package README for the diagram).
 *
 * @example
 * const rows = await db.kysely.selectFrom('stores').select(['store_code', 'store_format']).execute();
 */
export interface Database {
  ingested_files: IngestedFilesTable;
  rejected_rows: RejectedRowsTable;
  weeks: WeeksTable;
  prod_codes_40: ProdCodes40Table;
  prod_codes_30: ProdCodes30Table;
  prod_codes_20: ProdCodes20Table;
  prod_codes_10: ProdCodes10Table;
  products: ProductsTable;
  product_hierarchy: ProductHierarchyView;
  customers: CustomersTable;
  stores: StoresTable;
  baskets: BasketsTable;
  line_items: LineItemsTable;
}

export type IngestedFile = Selectable<IngestedFilesTable>;
export type NewIngestedFile = Insertable<IngestedFilesTable>;
export type RejectedRow = Selectable<RejectedRowsTable>;
export type Week = Selectable<WeeksTable>;
export type Product = Selectable<ProductHierarchyView>;
export type Customer = Selectable<CustomersTable>;
export type Store = Selectable<StoresTable>;
export type Basket = Selectable<BasketsTable>;
export type NewBasket = Insertable<BasketsTable>;
export type LineItem = Selectable<LineItemsTable>;
export type NewLineItem = Insertable<LineItemsTable>;

/** Every table in dependency order (parents first): the order to create, and reversed, to drop. */
export const TABLES = [
  'ingested_files',
  'rejected_rows',
  'weeks',
  'prod_codes_40',
  'prod_codes_30',
  'prod_codes_20',
  'prod_codes_10',
  'products',
  'customers',
  'stores',
  'baskets',
  'line_items',
] as const;
export type TableName = (typeof TABLES)[number];
