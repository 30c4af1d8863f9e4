import { sql } from 'kysely';
import type { AtmDatabase } from '../open-database.js';
import { inList, toNumber } from '../sql-helpers.js';
import { invalid } from '../errors.js';

/** A customer's profile and totals over every stored basket. */
export interface CustomerAttributes {
  customerCode: string;
  priceSensitivity: string;
  lifeStage: string | null;
  baskets: number;
  lines: number;
  spendPence: number;
  firstWeek: number | null;
  lastWeek: number | null;
}

interface Row {
  customer_code: string;
  price_sensitivity: string;
  life_stage: string | null;
  baskets: number | string | null;
  lines: number | string | null;
  spend: number | string | null;
  first_week: number | string | null;
  last_week: number | string | null;
}

/**
 * Every customer (or the given ones) with life stage, price sensitivity, basket count and spend,
 * ordered by customer code. Customers without baskets report zeros and null weeks.
 *
 * @example
 * const customers = await customerAttributes(db, corpus.train.authorIds);
 * customers.find((c) => c.lifeStage === 'PE');
 */
export async function customerAttributes(db: AtmDatabase, codes?: readonly string[]): Promise<CustomerAttributes[]> {
  if (codes !== undefined) {
    if (!Array.isArray(codes)) throw new TypeError(invalid('an array of customer codes', 'codes', codes));
    codes.forEach((c, i) => {
      if (typeof c !== 'string') throw new TypeError(invalid('a customer code string', `codes[${i}]`, c));
    });
    if (codes.length === 0) return [];
  }
  const filter = codes === undefined ? sql`` : sql`where ${inList(db, sql.ref('c.customer_code'), codes, 'text')}`;
  const { rows } = await sql<Row>`
    select c.customer_code, c.price_sensitivity, c.life_stage, t.baskets, t.lines, t.spend, t.first_week, t.last_week
    from customers c
    left join (
      select b.customer_code, count(*) as baskets, sum(bt.lines) as lines, sum(bt.spend) as spend,
        min(b.shop_week) as first_week, max(b.shop_week) as last_week
      from baskets b
      join (select basket_id, count(*) as lines, sum(spend_pence) as spend from line_items group by basket_id) bt
        on bt.basket_id = b.basket_id
      where b.customer_code is not null
      group by b.customer_code
    ) t on t.customer_code = c.customer_code
    ${filter}`.execute(db.kysely);
  // Sorted here, not in SQL: PostgreSQL's text order follows the database collation.
  rows.sort((a, b) => (a.customer_code < b.customer_code ? -1 : a.customer_code > b.customer_code ? 1 : 0));
  return rows.map((r) => ({
    customerCode: r.customer_code,
    priceSensitivity: r.price_sensitivity,
    lifeStage: r.life_stage,
    baskets: toNumber(r.baskets),
    lines: toNumber(r.lines),
    spendPence: toNumber(r.spend),
    firstWeek: r.first_week === null ? null : toNumber(r.first_week),
    lastWeek: r.last_week === null ? null : toNumber(r.last_week),
  }));
}
