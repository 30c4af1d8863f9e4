import { sql } from 'kysely';
import type { AtmDatabase } from './open-database.js';
import { toNumber } from './sql-helpers.js';

/** Rows whose reference points nowhere, per reference (all zero in a sound database). */
export interface IntegrityReport {
  lineItemsWithoutBasket: number;
  lineItemsWithoutProduct: number;
  basketsWithoutFile: number;
  basketsWithoutCustomer: number;
  basketsWithoutStore: number;
  /** Baskets with no line item (the loader never stores one). */
  emptyBaskets: number;
  /** Files whose rows read ≠ stored + rejected + duplicates (the schema's CHECK forbids it). */
  unbalancedFiles: number;
}

/**
 * Check the references the schema does not declare as foreign keys (line items and baskets, the
 * high-volume tables) with anti-joins, plus basket and file bookkeeping invariants.
 *
 * @example
 * const report = await integrityReport(db);
 * Object.values(report).every((n) => n === 0); // true after any ingest
 */
export async function integrityReport(db: AtmDatabase): Promise<IntegrityReport> {
  const { rows } = await sql<Record<keyof IntegrityReport, number | string>>`
    select
      (select count(*) from line_items li where not exists (select 1 from baskets b where b.basket_id = li.basket_id)) as "lineItemsWithoutBasket",
      (select count(*) from line_items li where not exists (select 1 from products p where p.prod_code = li.prod_code)) as "lineItemsWithoutProduct",
      (select count(*) from baskets b where not exists (select 1 from ingested_files f where f.file_id = b.file_id)) as "basketsWithoutFile",
      (select count(*) from baskets b where b.customer_code is not null
         and not exists (select 1 from customers c where c.customer_code = b.customer_code)) as "basketsWithoutCustomer",
      (select count(*) from baskets b where not exists (select 1 from stores s where s.store_code = b.store_code)) as "basketsWithoutStore",
      (select count(*) from baskets b where not exists (select 1 from line_items li where li.basket_id = b.basket_id)) as "emptyBaskets",
      (select count(*) from ingested_files where rows_read <> rows_stored + rows_rejected + rows_duplicate) as "unbalancedFiles"
  `.execute(db.kysely);
  const r = rows[0];
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toNumber(v)])) as unknown as IntegrityReport;
}
