import { sql } from 'kysely';
import type { AtmDatabase } from '../open-database.js';
import { inList, toNumber } from '../sql-helpers.js';
import { invalid } from '../errors.js';

/** Everything the app shows about a basket (a corpus document). */
export interface BasketAttributes {
  basketId: string;
  customerCode: string | null;
  storeCode: string;
  storeFormat: string;
  storeRegion: string;
  shopWeek: number;
  /** `yyyymmdd`. */
  shopDate: number;
  /** 1 = Sunday … 7 = Saturday. */
  weekday: number;
  hour: number;
  basketSize: string;
  basketPriceSensitivity: string;
  basketType: string;
  mission: string;
  /** Line items (distinct products). */
  lines: number;
  quantity: number;
  spendPence: number;
}

interface Row {
  basket_id: string;
  customer_code: string | null;
  store_code: string;
  store_format: string;
  store_region: string;
  shop_week: number;
  shop_date: number;
  shop_weekday: number;
  shop_hour: number;
  basket_size: string;
  basket_price_sensitivity: string;
  basket_type: string;
  basket_dominant_mission: string;
  lines: number | string;
  quantity: number | string;
  spend: number | string;
}

const ID = /^[1-9][0-9]{0,15}$/;

/**
 * Attributes of the given baskets (all when `ids` is omitted), ordered by basket id. Unknown ids are
 * simply absent from the result.
 *
 * @example
 * const attrs = await basketAttributes(db, corpus.train.docIds.slice(0, 10));
 * attrs[0].storeFormat; // 'LS'
 */
export async function basketAttributes(db: AtmDatabase, ids?: readonly string[]): Promise<BasketAttributes[]> {
  if (ids !== undefined) {
    if (!Array.isArray(ids)) throw new TypeError(invalid('an array of basket id strings', 'ids', ids));
    ids.forEach((id, i) => {
      if (typeof id !== 'string' || !ID.test(id)) throw new TypeError(invalid('a decimal basket id string', `ids[${i}]`, id));
    });
    if (ids.length === 0) return [];
  }
  const filter = ids === undefined ? sql`` : sql`where ${inList(db, sql.ref('b.basket_id'), ids, 'int64')}`;
  const { rows } = await sql<Row>`
    select cast(b.basket_id as text) as basket_id, b.customer_code, b.store_code, s.store_format, s.store_region,
      b.shop_week, b.shop_date, b.shop_weekday, b.shop_hour, b.basket_size, b.basket_price_sensitivity,
      b.basket_type, b.basket_dominant_mission, t.lines, t.quantity, t.spend
    from baskets b
    join stores s on s.store_code = b.store_code
    join (
      select li.basket_id, count(*) as lines, sum(li.quantity) as quantity, sum(li.spend_pence) as spend
      from line_items li group by li.basket_id
    ) t on t.basket_id = b.basket_id
    ${filter}
    order by b.basket_id`.execute(db.kysely);
  return rows.map((r) => ({
    basketId: r.basket_id,
    customerCode: r.customer_code,
    storeCode: r.store_code,
    storeFormat: r.store_format,
    storeRegion: r.store_region,
    shopWeek: toNumber(r.shop_week),
    shopDate: toNumber(r.shop_date),
    weekday: toNumber(r.shop_weekday),
    hour: toNumber(r.shop_hour),
    basketSize: r.basket_size,
    basketPriceSensitivity: r.basket_price_sensitivity,
    basketType: r.basket_type,
    mission: r.basket_dominant_mission,
    lines: toNumber(r.lines),
    quantity: toNumber(r.quantity),
    spendPence: toNumber(r.spend),
  }));
}
