import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { AtmDatabase } from './open-database.js';

/**
 * `expr IN (values…)` for a list of any length, as one bound parameter: `json_each(?)` on SQLite,
 * `= ANY($1::type[])` on PostgreSQL. `int64` values are decimal strings (basket ids).
 *
 * @example
 * sql`select * from baskets where ${inList(db, sql.ref('basket_id'), ids, 'int64')}`;
 */
export function inList(db: AtmDatabase, expr: RawBuilder<unknown>, values: readonly string[], type: 'text' | 'int64'): RawBuilder<boolean> {
  if (db.dialect === 'sqlite') {
    const json = type === 'int64' ? `[${values.join(',')}]` : JSON.stringify(values);
    return sql<boolean>`${expr} in (select value from json_each(${json}))`;
  }
  return type === 'int64' ? sql<boolean>`${expr} = any(${values}::bigint[])` : sql<boolean>`${expr} = any(${values}::text[])`;
}

/**
 * A number from a driver value: pg returns int8 and numeric aggregates as strings, SQLite as numbers.
 *
 * @example
 * toNumber('42'); // 42
 */
export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v !== '') return Number(v);
  if (v === null || v === undefined) return 0;
  throw new TypeError(`Expected a numeric value from the database but received ${typeof v}`);
}

/**
 * `string_agg` on PostgreSQL, `group_concat` on SQLite: the values of a group joined by a separator.
 *
 * @example
 * sql`select basket_id, ${stringAgg(db, sql.ref('prod_code'), ';')} from line_items group by basket_id`;
 */
export function stringAgg(db: AtmDatabase, expr: RawBuilder<unknown>, separator: string): RawBuilder<string> {
  return db.dialect === 'sqlite' ? sql<string>`group_concat(${expr}, ${separator})` : sql<string>`string_agg(${expr}, ${separator})`;
}
