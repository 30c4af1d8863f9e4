/**
 * Migration 0001 — the normalized LGSR schema. Frozen in time: the value lists below are copies,
 * so later edits to `domains.ts` never change what this migration creates.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { dialectOf } from './dialect-of.js';

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

const PRICE = ['LA', 'MM', 'UM', 'XX'];

/**
 * Create every table, index and the `product_hierarchy` view.
 *
 * @example
 * await up(db); // run by the Migrator, not by hand
 */
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = dialectOf(db) === 'sqlite';
  const int64 = sqlite ? 'integer' : 'bigint';
  const small = sqlite ? 'integer' : 'smallint';

  await db.schema
    .createTable('ingested_files')
    .addColumn('file_id', 'integer', (c) => c.primaryKey())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('size_bytes', int64, (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_stored', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addCheckConstraint('ingested_files_kind', inList('kind', ['transactions', 'time']))
    .addCheckConstraint('ingested_files_balance', sql`rows_read = rows_stored + rows_rejected + rows_duplicate`)
    .execute();

  await db.schema
    .createTable('rejected_rows')
    .addColumn('file_id', 'integer', (c) => c.notNull().references('ingested_files.file_id'))
    .addColumn('line_number', 'integer', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raw_text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rejected_rows_pk', ['file_id', 'line_number'])
    .execute();

  await db.schema
    .createTable('weeks')
    .addColumn('shop_week', 'integer', (c) => c.primaryKey())
    .addColumn('date_from', 'integer', (c) => c.notNull())
    .addColumn('date_to', 'integer', (c) => c.notNull())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('ingested_files.file_id'))
    .addCheckConstraint('weeks_range', sql`date_from <= date_to`)
    .execute();
  await db.schema.createIndex('weeks_file_id').on('weeks').column('file_id').execute();

  // The product hierarchy, one table per level: each code has exactly one parent by construction.
  await db.schema.createTable('prod_codes_40').addColumn('prod_code_40', 'text', (c) => c.primaryKey()).execute();
  const levels = [
    ['prod_codes_30', 'prod_code_30', 'prod_codes_40', 'prod_code_40'],
    ['prod_codes_20', 'prod_code_20', 'prod_codes_30', 'prod_code_30'],
    ['prod_codes_10', 'prod_code_10', 'prod_codes_20', 'prod_code_20'],
    ['products', 'prod_code', 'prod_codes_10', 'prod_code_10'],
  ] as const;
  for (const [table, code, parentTable, parent] of levels) {
    await db.schema
      .createTable(table)
      .addColumn(code, 'text', (c) => c.primaryKey())
      .addColumn(parent, 'text', (c) => c.notNull().references(`${parentTable}.${parent}`))
      .execute();
  }
  await db.schema
    .createView('product_hierarchy')
    .as(
      db
        .selectFrom('products as p')
        .innerJoin('prod_codes_10 as l10', 'l10.prod_code_10', 'p.prod_code_10')
        .innerJoin('prod_codes_20 as l20', 'l20.prod_code_20', 'l10.prod_code_20')
        .innerJoin('prod_codes_30 as l30', 'l30.prod_code_30', 'l20.prod_code_30')
        .select(['p.prod_code', 'p.prod_code_10', 'l10.prod_code_20', 'l20.prod_code_30', 'l30.prod_code_40']),
    )
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('customer_code', 'text', (c) => c.primaryKey())
    .addColumn('price_sensitivity', 'text', (c) => c.notNull())
    .addColumn('life_stage', 'text')
    .addCheckConstraint('customers_price_sensitivity', inList('price_sensitivity', PRICE))
    .addCheckConstraint('customers_life_stage', inList('life_stage', ['YA', 'OA', 'YF', 'OF', 'PE', 'OT']))
    .execute();

  await db.schema
    .createTable('stores')
    .addColumn('store_code', 'text', (c) => c.primaryKey())
    .addColumn('store_format', 'text', (c) => c.notNull())
    .addColumn('store_region', 'text', (c) => c.notNull())
    .addCheckConstraint('stores_format', inList('store_format', ['SS', 'MS', 'LS', 'XLS']))
    .addCheckConstraint(
      'stores_region',
      inList('store_region', ['E01', 'E02', 'E03', 'N01', 'N02', 'N03', 'S01', 'S02', 'S03', 'W01', 'W02', 'W03']),
    )
    .execute();

  // The two high-volume tables declare no foreign keys: PostgreSQL checks each one with a per-row
  // trigger, which doubled the load time. The loader writes parents first and checks every reference
  // itself; `integrityReport()` verifies them with anti-joins.
  await db.schema
    .createTable('baskets')
    .addColumn('basket_id', int64, (c) => c.primaryKey())
    .addColumn('file_id', 'integer', (c) => c.notNull())
    .addColumn('customer_code', 'text')
    .addColumn('store_code', 'text', (c) => c.notNull())
    .addColumn('shop_week', 'integer', (c) => c.notNull())
    .addColumn('shop_date', 'integer', (c) => c.notNull())
    .addColumn('shop_weekday', small, (c) => c.notNull())
    .addColumn('shop_hour', small, (c) => c.notNull())
    .addColumn('basket_size', 'text', (c) => c.notNull())
    .addColumn('basket_price_sensitivity', 'text', (c) => c.notNull())
    .addColumn('basket_type', 'text', (c) => c.notNull())
    .addColumn('basket_dominant_mission', 'text', (c) => c.notNull())
    .addCheckConstraint('baskets_weekday', sql`shop_weekday between 1 and 7`)
    .addCheckConstraint('baskets_hour', sql`shop_hour between 0 and 23`)
    .addCheckConstraint('baskets_size', inList('basket_size', ['S', 'M', 'L']))
    .addCheckConstraint('baskets_price_sensitivity', inList('basket_price_sensitivity', PRICE))
    .addCheckConstraint('baskets_type', inList('basket_type', ['Small Shop', 'Top Up', 'Full Shop', 'XX']))
    .addCheckConstraint(
      'baskets_mission',
      inList('basket_dominant_mission', ['Fresh', 'Grocery', 'Mixed', 'Nonfood', 'XX']),
    )
    .execute();
  // One secondary index only: every extra one costs ~1 µs per basket on the bulk path. Replacing a
  // file (by file_id) and garbage-collecting stores scan the 400k-row table instead, which is cheap.
  await db.schema.createIndex('baskets_customer_code').on('baskets').column('customer_code').execute();

  // Clustered by basket on SQLite (WITHOUT ROWID): a corpus scan reads each basket's lines together.
  let lineItems = db.schema
    .createTable('line_items')
    .addColumn('basket_id', int64, (c) => c.notNull())
    .addColumn('prod_code', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('spend_pence', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('line_items_pk', ['basket_id', 'prod_code'])
    .addCheckConstraint('line_items_quantity', sql`quantity >= 1`)
    .addCheckConstraint('line_items_spend', sql`spend_pence >= 0`);
  if (sqlite) lineItems = lineItems.modifyEnd(sql`without rowid`);
  await lineItems.execute();
}

/**
 * Drop everything `up` created, children first.
 *
 * @example
 * await down(db); // run by the Migrator (migrateDownAll)
 */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('line_items').execute();
  await db.schema.dropTable('baskets').execute();
  await db.schema.dropTable('stores').execute();
  await db.schema.dropTable('customers').execute();
  await db.schema.dropView('product_hierarchy').execute();
  for (const table of ['products', 'prod_codes_10', 'prod_codes_20', 'prod_codes_30', 'prod_codes_40'])
    await db.schema.dropTable(table).execute();
  await db.schema.dropTable('weeks').execute();
  await db.schema.dropTable('rejected_rows').execute();
  await db.schema.dropTable('ingested_files').execute();
}
