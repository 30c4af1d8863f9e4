import { Rng } from '@atm/core';
import { afterAll, beforeAll } from 'vitest';
import { openScratchDatabase, postgresDisabled } from '../src/index.js';
import type { AtmDatabase, ScratchDatabase } from '../src/index.js';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];
if (postgresDisabled()) console.warn('\n*** PostgreSQL variants SKIPPED: ATM_PG_URL=off ***\n');
export const skipDialect = (d: Dialect): boolean => d === 'postgres' && postgresDisabled();

/** One line item of the fixture, with everything a reference computation needs. */
export interface FixtureLine {
  basket: string;
  customer: string | null;
  week: number;
  prod: string;
  /** prod_code, prod_code_10, …, prod_code_40 */
  path: [string, string, string, string, string];
  quantity: number;
  pence: number;
}

export interface Fixture {
  lines: FixtureLine[];
  customers: { code: string; ps: string; ls: string | null }[];
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A small deterministic dataset: 2 departments, 6 classes, 18 products, 6 customers, 60 baskets over 4 weeks. */
export function makeFixture(seed = 3): Fixture {
  const rng = new Rng(seed);
  const products: FixtureLine['path'][] = [];
  for (let p = 0; p < 18; p++) {
    const cl = p % 6;
    const dep = cl % 4;
    const g = dep % 3;
    const d = g % 2;
    products.push([`PRD09${pad(p + 1, 5)}`, `CL${pad(cl + 1, 5)}`, `DEP${pad(dep + 1, 5)}`, `G${pad(g + 1, 5)}`, `D${pad(d + 1, 5)}`]);
  }
  const customers = Array.from({ length: 6 }, (_, i) => ({
    code: `CUST${pad(i + 1, 10)}`,
    ps: ['LA', 'MM', 'UM'][i % 3],
    ls: i === 5 ? null : ['YA', 'OA', 'YF', 'OF', 'PE'][i % 5],
  }));
  const lines: FixtureLine[] = [];
  for (let b = 0; b < 60; b++) {
    const basket = String(994100100000000 + b * 37);
    const week = 200607 + (b % 4);
    const anonymous = rng.below(5) === 0;
    const customer = anonymous ? null : customers[rng.below(customers.length)].code;
    // The first customer buys only from the first 6 products (a clear taste), so at most 6 lines.
    const narrow = customer === customers[0].code;
    const size = 1 + rng.below(narrow ? 6 : 7);
    const chosen = new Set<number>();
    while (chosen.size < size) chosen.add(rng.below(narrow ? 6 : 18));
    for (const p of [...chosen].sort((x, y) => x - y))
      lines.push({ basket, customer, week, prod: products[p][0], path: products[p], quantity: 1 + rng.below(3), pence: 50 + rng.below(500) });
  }
  return { lines, customers };
}

/** Insert the fixture through kysely (parents first), as the loader would have stored it. */
export async function insertFixture(db: AtmDatabase, f: Fixture): Promise<void> {
  const k = db.kysely;
  await k.insertInto('ingested_files').values({ file_id: 1, path: '/fixture.csv', kind: 'transactions', checksum: 'sha256:0', size_bytes: 0, rows_read: f.lines.length, rows_stored: f.lines.length, rows_rejected: 0, rows_duplicate: 0, loaded_at: '2026-01-01T00:00:00Z' }).execute();
  const uniq = <T>(xs: T[]) => [...new Map(xs.map((x) => [JSON.stringify(x), x])).values()];
  const paths = uniq(f.lines.map((l) => l.path));
  await k.insertInto('prod_codes_40').values(uniq(paths.map((p) => ({ prod_code_40: p[4] })))).execute();
  await k.insertInto('prod_codes_30').values(uniq(paths.map((p) => ({ prod_code_30: p[3], prod_code_40: p[4] })))).execute();
  await k.insertInto('prod_codes_20').values(uniq(paths.map((p) => ({ prod_code_20: p[2], prod_code_30: p[3] })))).execute();
  await k.insertInto('prod_codes_10').values(uniq(paths.map((p) => ({ prod_code_10: p[1], prod_code_20: p[2] })))).execute();
  await k.insertInto('products').values(paths.map((p) => ({ prod_code: p[0], prod_code_10: p[1] }))).execute();
  await k.insertInto('customers').values(f.customers.map((c) => ({ customer_code: c.code, price_sensitivity: c.ps as 'LA', life_stage: c.ls as 'YA' | null }))).execute();
  await k.insertInto('stores').values([{ store_code: 'STORE00001', store_format: 'LS', store_region: 'E02' }, { store_code: 'STORE00002', store_format: 'SS', store_region: 'W01' }]).execute();
  const baskets = uniq(f.lines.map((l) => ({ basket: l.basket, customer: l.customer, week: l.week })));
  await k.insertInto('baskets').values(baskets.map((b, i) => ({
    basket_id: b.basket, file_id: 1, customer_code: b.customer, store_code: i % 3 === 0 ? 'STORE00002' : 'STORE00001',
    shop_week: b.week, shop_date: 20060410 + (b.week - 200607) * 7, shop_weekday: 2, shop_hour: 8 + (i % 12),
    basket_size: 'M', basket_price_sensitivity: 'MM', basket_type: i % 2 ? 'Top Up' : 'Full Shop', basket_dominant_mission: 'Fresh',
  }))).execute();
  await k.insertInto('line_items').values(f.lines.map((l) => ({ basket_id: l.basket, prod_code: l.prod, quantity: l.quantity, spend_pence: l.pence }))).execute();
}

/** A fresh database holding the fixture. */
export async function fixtureDatabase(dialect: Dialect, f: Fixture = makeFixture()): Promise<ScratchDatabase> {
  const scratch = await openScratchDatabase(dialect);
  await insertFixture(scratch.db, f);
  return scratch;
}

/** In a describe block: a fixture database for its tests (created before, disposed after). */
export function useFixtureDatabase(dialect: Dialect, f: Fixture): () => ScratchDatabase {
  let scratch: ScratchDatabase | undefined;
  beforeAll(async () => {
    scratch = await fixtureDatabase(dialect, f);
  });
  afterAll(async () => {
    await scratch?.dispose();
  });
  return () => scratch as ScratchDatabase;
}
