import type { Dimensions, ForeignBasket, WriteBatch } from '../bulk/bulk-writer.js';
import { C, LGSR_COLUMNS } from './columns.js';
import {
  BASKET_ID,
  BASKET_SIZE_SET,
  BASKET_TYPE_SET,
  CUST_CODE,
  LIFE_STAGE_SET,
  MISSION_SET,
  PRICE_SET,
  PROD_CODE,
  PROD_CODE_10,
  PROD_CODE_20,
  PROD_CODE_30,
  PROD_CODE_40,
  STORE_CODE,
  STORE_FORMAT_SET,
  STORE_REGION_SET,
  dateWeekday,
  parseHour,
  parsePence,
  parseQuantity,
  parseShopWeek,
} from './field-checks.js';
import { DUPLICATE, checkRows, own, shown } from './row-outcome.js';
import type { Rejection, RowCounts } from './row-outcome.js';

/** Columns that are constant within a basket (customer and store attributes are checked via their codes). */
export const BASKET_COLUMNS = [C.SHOP_WEEK, C.SHOP_DATE, C.SHOP_WEEKDAY, C.SHOP_HOUR, C.CUST_CODE, C.BASKET_SIZE,
  C.BASKET_PRICE_SENSITIVITY, C.BASKET_TYPE, C.BASKET_DOMINANT_MISSION, C.STORE_CODE];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A basket first seen in the current file. */
interface BasketEntry {
  /** BASKET_ID as a number (exact: at most 15 digits). */
  id: number;
  /** Its first stored row's values of {@link BASKET_COLUMNS} (not the whole row: less to keep alive). */
  values: string[];
  line: number;
  prods: string[];
  qty: number[];
  pence: number[];
}

const bad = (field: string | null, reason: string): Rejection => ({ field, reason });

/** Same value, allowing numeric spellings to differ (`8` vs `08`) in the date/time columns. */
function same(k: number, a: string, b: string): boolean {
  if (a === b) return true;
  if (k > C.SHOP_HOUR) return false;
  const x = Number(a);
  return a !== '' && b !== '' && Number.isInteger(x) && x === Number(b);
}

/**
 * Validates LGSR transaction rows against the field domains, the dimensions already stored, and the
 * earlier rows of the file; fills a {@link WriteBatch} with what is new and the rejections.
 * One instance per file.
 *
 * @example
 * const checker = new TransactionChecker(dims, fileId);
 * checker.addForeign(ids, await writer.foreignBaskets(checker.unseenBasketIds(rows), fileId));
 * checker.check(rows, lineNumbers, texts, batch);
 */
export class TransactionChecker {
  readonly counts: RowCounts = { rowsRead: 0, rowsStored: 0, rowsRejected: 0, duplicatesSkipped: 0 };
  private readonly baskets = new Map<string, BasketEntry>();
  /** Ids looked up in other files: the stored basket, or null when none. */
  private readonly foreign = new Map<string, ForeignBasket | null>();

  constructor(
    private readonly dims: Dimensions,
    private readonly fileId: number,
  ) {}

  /** Well-formed basket ids in `rows` not yet known to this file: look these up in other files first. */
  unseenBasketIds(rows: readonly string[][]): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    for (const f of rows) {
      if (f.length !== LGSR_COLUMNS.length) continue;
      const id = f[C.BASKET_ID];
      if (this.baskets.has(id) || this.foreign.has(id) || seen.has(id) || !BASKET_ID.test(id)) continue;
      seen.add(id);
      out.push(id);
    }
    return out;
  }

  /** Record the result of a {@link BulkWriter.foreignBaskets} lookup for `ids`. */
  addForeign(ids: readonly string[], found: ReadonlyMap<string, ForeignBasket>): void {
    for (const id of ids) this.foreign.set(id, found.get(id) ?? null);
  }

  /** Check each row in order (line numbers from `firstLine` on) and add it, or its rejection, to `out`. */
  check(rows: readonly string[][], firstLine: number, texts: readonly string[], out: WriteBatch): void {
    checkRows(this.counts, rows, firstLine, texts, out, (f, line) => this.row(f, line, out));
  }

  private row(f: string[], line: number, out: WriteBatch): Rejection | typeof DUPLICATE | undefined {
    if (f.length !== LGSR_COLUMNS.length) return bad(null, `expected ${LGSR_COLUMNS.length} comma-separated columns but found ${f.length}`);
    const d = this.dims;
    const quantity = parseQuantity(f[C.QUANTITY]);
    if (quantity < 0) return bad('QUANTITY', `QUANTITY ${shown(f[C.QUANTITY])} is not a whole number ≥ 1`);
    const pence = parsePence(f[C.SPEND]);
    if (pence === -2) return bad('SPEND', `SPEND ${shown(f[C.SPEND])} has more than 2 decimal places`);
    if (pence < 0) return bad('SPEND', `SPEND ${shown(f[C.SPEND])} is not a decimal amount ≥ 0`);

    // Product hierarchy: each code has exactly one parent, and it must agree with earlier rows.
    const prod = f[C.PROD_CODE];
    const c10 = f[C.PROD_CODE_10];
    const c20 = f[C.PROD_CODE_20];
    const c30 = f[C.PROD_CODE_30];
    const c40 = f[C.PROD_CODE_40];
    const k10 = d.products.get(prod);
    if (k10 === undefined) {
      if (!PROD_CODE.test(prod)) return bad('PROD_CODE', `PROD_CODE ${shown(prod)} is not a product code PRDnnnnnnn`);
    } else if (k10 !== c10) return bad('PROD_CODE_10', `product ${prod} is in class ${k10} (earlier rows), not ${shown(c10)}`);
    const k20 = d.level10.get(c10);
    if (k20 === undefined) {
      if (!PROD_CODE_10.test(c10)) return bad('PROD_CODE_10', `PROD_CODE_10 ${shown(c10)} is not a class code CLnnnnn`);
    } else if (k20 !== c20) return bad('PROD_CODE_20', `class ${c10} is under ${k20} (earlier rows), not ${shown(c20)}`);
    const k30 = d.level20.get(c20);
    if (k30 === undefined) {
      if (!PROD_CODE_20.test(c20)) return bad('PROD_CODE_20', `PROD_CODE_20 ${shown(c20)} is not a code DEPnnnnn`);
    } else if (k30 !== c30) return bad('PROD_CODE_30', `${c20} is under ${k30} (earlier rows), not ${shown(c30)}`);
    const k40 = d.level30.get(c30);
    if (k40 === undefined) {
      if (!PROD_CODE_30.test(c30)) return bad('PROD_CODE_30', `PROD_CODE_30 ${shown(c30)} is not a code Gnnnnn`);
    } else if (k40 !== c40) return bad('PROD_CODE_40', `${c30} is under ${k40} (earlier rows), not ${shown(c40)}`);
    const new40 = !d.level40.has(c40);
    if (new40 && !PROD_CODE_40.test(c40)) return bad('PROD_CODE_40', `PROD_CODE_40 ${shown(c40)} is not a department code Dnnnnn`);

    // Customer: one (price sensitivity, life stage) pair per customer; all empty when anonymous.
    const cust = f[C.CUST_CODE];
    const ps = f[C.CUST_PRICE_SENSITIVITY];
    const ls = f[C.CUST_LIFESTAGE];
    let newCustomer = false;
    if (cust === '') {
      if (ps !== '') return bad('CUST_PRICE_SENSITIVITY', `CUST_PRICE_SENSITIVITY ${shown(ps)} must be empty for an anonymous basket`);
      if (ls !== '') return bad('CUST_LIFESTAGE', `CUST_LIFESTAGE ${shown(ls)} must be empty for an anonymous basket`);
    } else {
      const known = d.customers.get(cust);
      if (known === undefined) {
        if (!CUST_CODE.test(cust)) return bad('CUST_CODE', `CUST_CODE ${shown(cust)} is not a customer code CUSTnnnnnnnnnn`);
        if (!PRICE_SET.has(ps)) return bad('CUST_PRICE_SENSITIVITY', `CUST_PRICE_SENSITIVITY ${shown(ps)} is not one of ${[...PRICE_SET].join(', ')}`);
        if (ls !== '' && !LIFE_STAGE_SET.has(ls))
          return bad('CUST_LIFESTAGE', `CUST_LIFESTAGE ${shown(ls)} is not empty or one of ${[...LIFE_STAGE_SET].join(', ')}`);
        newCustomer = true;
      } else {
        if (known.priceSensitivity !== ps)
          return bad('CUST_PRICE_SENSITIVITY', `customer ${cust} has price sensitivity ${known.priceSensitivity} (earlier rows), not ${shown(ps)}`);
        if (known.lifeStage !== ls)
          return bad('CUST_LIFESTAGE', `customer ${cust} has life stage ${shown(known.lifeStage)} (earlier rows), not ${shown(ls)}`);
      }
    }

    // Store: one format and region per store.
    const store = f[C.STORE_CODE];
    const format = f[C.STORE_FORMAT];
    const region = f[C.STORE_REGION];
    const knownStore = d.stores.get(store);
    if (knownStore === undefined) {
      if (!STORE_CODE.test(store)) return bad('STORE_CODE', `STORE_CODE ${shown(store)} is not a store code STOREnnnnn`);
      if (!STORE_FORMAT_SET.has(format)) return bad('STORE_FORMAT', `STORE_FORMAT ${shown(format)} is not one of ${[...STORE_FORMAT_SET].join(', ')}`);
      if (!STORE_REGION_SET.has(region)) return bad('STORE_REGION', `STORE_REGION ${shown(region)} is not a region like E01..W03`);
    } else {
      if (knownStore.format !== format) return bad('STORE_FORMAT', `store ${store} has format ${knownStore.format} (earlier rows), not ${shown(format)}`);
      if (knownStore.region !== region) return bad('STORE_REGION', `store ${store} has region ${knownStore.region} (earlier rows), not ${shown(region)}`);
    }

    // Basket: constant attributes; no product twice.
    const id = f[C.BASKET_ID];
    const entry = this.baskets.get(id);
    if (entry !== undefined) {
      const diff = this.differs(entry.values, f, `basket ${id} has`, `(line ${entry.line})`);
      if (diff) return diff;
      const at = entry.prods.indexOf(prod);
      if (at >= 0) {
        if (entry.qty[at] === quantity && entry.pence[at] === pence) return DUPLICATE;
        return bad('PROD_CODE', `product ${prod} appears again in basket ${id} with a different quantity or spend`);
      }
    } else {
      if (!BASKET_ID.test(id)) return bad('BASKET_ID', `BASKET_ID ${shown(id)} is not an integer of at most 15 digits`);
      const stored = this.foreign.get(id);
      if (stored) {
        const diff = this.differs(stored.values, f, `basket ${id} (stored from ${stored.path}) has`, '');
        if (diff) return diff;
        const item = stored.items.get(prod);
        if (item !== undefined) {
          if (item[0] === quantity && item[1] === pence) return DUPLICATE;
          return bad('PROD_CODE', `basket ${id} (stored from ${stored.path}) already has product ${prod} with a different quantity or spend`);
        }
        return bad('BASKET_ID', `basket ${id} is already stored from ${stored.path}; a basket cannot span files`);
      }
      const problem = this.newBasketProblem(f);
      if (problem) return problem;
    }

    // Accepted: remember what is new (as owned copies: the cache outlives this file), then write.
    if (new40) {
      d.level40.add(own(c40));
      out.level40.push(c40);
    }
    if (k40 === undefined) {
      d.level30.set(own(c30), own(c40));
      out.level30.push([c30, c40]);
    }
    if (k30 === undefined) {
      d.level20.set(own(c20), own(c30));
      out.level20.push([c20, c30]);
    }
    if (k20 === undefined) {
      d.level10.set(own(c10), own(c20));
      out.level10.push([c10, c20]);
    }
    if (k10 === undefined) {
      d.products.set(own(prod), own(c10));
      out.products.push([prod, c10]);
    }
    if (newCustomer) {
      d.customers.set(own(cust), { priceSensitivity: own(ps), lifeStage: own(ls) });
      out.customers.push([cust, ps, ls === '' ? null : ls]);
    }
    if (knownStore === undefined) {
      d.stores.set(own(store), { format: own(format), region: own(region) });
      out.stores.push([store, format, region]);
    }
    let numericId: number;
    if (entry === undefined) {
      numericId = Number(id);
      const values = new Array<string>(BASKET_COLUMNS.length);
      for (let j = 0; j < BASKET_COLUMNS.length; j++) values[j] = f[BASKET_COLUMNS[j]];
      this.baskets.set(id, { id: numericId, values, line, prods: [prod], qty: [quantity], pence: [pence] });
      out.baskets.push([
        numericId, this.fileId, cust === '' ? null : cust, store, Number(f[C.SHOP_WEEK]), Number(f[C.SHOP_DATE]),
        Number(f[C.SHOP_WEEKDAY]), parseHour(f[C.SHOP_HOUR]), f[C.BASKET_SIZE], f[C.BASKET_PRICE_SENSITIVITY],
        f[C.BASKET_TYPE], f[C.BASKET_DOMINANT_MISSION],
      ]);
    } else {
      numericId = entry.id;
      entry.prods.push(prod);
      entry.qty.push(quantity);
      entry.pence.push(pence);
    }
    out.items.push(numericId, prod, quantity, pence);
    return undefined;
  }

  private differs(values: string[], f: string[], subject: string, where: string): Rejection | undefined {
    for (let j = 0; j < BASKET_COLUMNS.length; j++) {
      const k = BASKET_COLUMNS[j];
      if (!same(k, values[j], f[k])) {
        const name = LGSR_COLUMNS[k];
        return bad(name, `${subject} ${name} ${shown(values[j])} ${where}, not ${shown(f[k])}`.replace(' ,', ','));
      }
    }
    return undefined;
  }

  private newBasketProblem(f: string[]): Rejection | undefined {
    const week = f[C.SHOP_WEEK];
    const date = f[C.SHOP_DATE];
    if (parseShopWeek(week) < 0) return bad('SHOP_WEEK', `SHOP_WEEK ${shown(week)} is not a fiscal week YYYYWW`);
    const weekday = dateWeekday(date);
    if (weekday < 0) return bad('SHOP_DATE', `SHOP_DATE ${shown(date)} is not a valid date yyyymmdd`);
    const wd = f[C.SHOP_WEEKDAY];
    if (!/^[1-7]$/.test(wd)) return bad('SHOP_WEEKDAY', `SHOP_WEEKDAY ${shown(wd)} is not 1 (Sunday) … 7 (Saturday)`);
    if (Number(wd) !== weekday)
      return bad('SHOP_WEEKDAY', `SHOP_WEEKDAY ${wd} contradicts SHOP_DATE ${date}, a ${WEEKDAYS[weekday - 1]} (${weekday})`);
    const range = this.dims.weeks.get(week);
    if (range !== undefined && (date < range.from || date > range.to))
      return bad('SHOP_DATE', `SHOP_DATE ${date} is outside week ${week} (${range.from}..${range.to} per time.csv)`);
    if (parseHour(f[C.SHOP_HOUR]) < 0) return bad('SHOP_HOUR', `SHOP_HOUR ${shown(f[C.SHOP_HOUR])} is not an hour 00..23`);
    if (!BASKET_SIZE_SET.has(f[C.BASKET_SIZE])) return bad('BASKET_SIZE', `BASKET_SIZE ${shown(f[C.BASKET_SIZE])} is not S, M or L`);
    if (!PRICE_SET.has(f[C.BASKET_PRICE_SENSITIVITY]))
      return bad('BASKET_PRICE_SENSITIVITY', `BASKET_PRICE_SENSITIVITY ${shown(f[C.BASKET_PRICE_SENSITIVITY])} is not one of LA, MM, UM, XX`);
    if (!BASKET_TYPE_SET.has(f[C.BASKET_TYPE]))
      return bad('BASKET_TYPE', `BASKET_TYPE ${shown(f[C.BASKET_TYPE])} is not one of ${[...BASKET_TYPE_SET].join(', ')}`);
    if (!MISSION_SET.has(f[C.BASKET_DOMINANT_MISSION]))
      return bad('BASKET_DOMINANT_MISSION', `BASKET_DOMINANT_MISSION ${shown(f[C.BASKET_DOMINANT_MISSION])} is not one of ${[...MISSION_SET].join(', ')}`);
    return undefined;
  }
}
