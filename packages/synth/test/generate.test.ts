import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseShopDate, shopWeekday } from '../src/fiscal-calendar.js';
import { generateLgsr } from '../src/generate.js';
import type { GenerateOptions, GenerateProgress, GenerateResult } from '../src/generate.js';
import { lgsrHeader } from '../src/lgsr-format.js';
import { readTruth } from '../src/truth.js';
import type { LgsrTruth } from '../src/truth.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
const realDir = resolve(repoRoot, '../shared/data/lgsr-5k');

/** Field formats, written from the domains in shared/data/README.md. */
const FIELD: Record<(typeof lgsrHeader)[number], RegExp> = {
  SHOP_WEEK: /^20\d{2}(0[1-9]|[1-4]\d|5[0-3])$/,
  SHOP_DATE: /^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/,
  SHOP_WEEKDAY: /^[1-7]$/,
  SHOP_HOUR: /^(0[89]|1\d|2[0-2])$/,
  QUANTITY: /^[1-9]\d*$/,
  SPEND: /^(0|[1-9]\d*)(\.\d{1,2})?$/,
  PROD_CODE: /^PRD09\d{5}$/,
  PROD_CODE_10: /^CL00\d{3}$/,
  PROD_CODE_20: /^DEP00\d{3}$/,
  PROD_CODE_30: /^G000\d{2}$/,
  PROD_CODE_40: /^D0000\d$/,
  CUST_CODE: /^(CUST0000\d{6})?$/,
  CUST_PRICE_SENSITIVITY: /^(LA|MM|UM|XX)?$/,
  CUST_LIFESTAGE: /^(YA|OA|YF|OF|PE|OT)?$/,
  BASKET_ID: /^\d{15}$/,
  BASKET_SIZE: /^[SML]$/,
  BASKET_PRICE_SENSITIVITY: /^(LA|MM|UM|XX)$/,
  BASKET_TYPE: /^(Small Shop|Top Up|Full Shop|XX)$/,
  BASKET_DOMINANT_MISSION: /^(Fresh|Grocery|Mixed|Nonfood|XX)$/,
  STORE_CODE: /^STORE\d{5}$/,
  STORE_FORMAT: /^(SS|MS|LS|XLS)$/,
  STORE_REGION: /^[ENSW]0[1-3]$/,
};
const col = Object.fromEntries(lgsrHeader.map((c, i) => [c, i])) as Record<(typeof lgsrHeader)[number], number>;

const options: Omit<GenerateOptions, 'outDir'> = { customers: 150, weeks: 4, classes: 60, topics: 5, segments: 3, seed: 42 };
let dir: string;
let result: GenerateResult;
let rows: string[][];
let texts: Map<string, string>;
let progress: GenerateProgress[];
let truth: LgsrTruth;
const temps: string[] = [];

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'atm-synth-'));
  temps.push(d);
  return d;
}

function readRows(files: string[]): { rows: string[][]; texts: Map<string, string> } {
  const out: string[][] = [];
  const texts = new Map<string, string>();
  for (const f of files.filter((f) => f.endsWith('.csv.gz'))) {
    const text = gunzipSync(readFileSync(f)).toString('utf8');
    texts.set(f, text);
    const lines = text.split('\n');
    expect(lines.pop()).toBe(''); // ends with LF
    expect(lines[0]).toBe(lgsrHeader.join(','));
    for (const line of lines.slice(1)) out.push(line.split(','));
  }
  return { rows: out, texts };
}

beforeAll(async () => {
  dir = tempDir();
  progress = [];
  result = await generateLgsr({ ...options, outDir: dir, onProgress: (p) => progress.push(p) });
  ({ rows, texts } = readRows(result.files));
  truth = await readTruth(dir);
});

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('generateLgsr: files and format', () => {
  it('writes the weekly files, time.csv and truth.json, and reports counts', () => {
    expect(readdirSync(dir).sort()).toEqual([
      'time.csv', 'transactions_200607.csv.gz', 'transactions_200608.csv.gz',
      'transactions_200609.csv.gz', 'transactions_200610.csv.gz', 'truth.json',
    ]);
    expect(result.weeks).toEqual([200607, 200608, 200609, 200610]);
    expect(result.rows).toBe(rows.length);
    expect(result.baskets).toBe(new Set(rows.map((r) => r[col.BASKET_ID])).size);
    expect(result.anonymousRows).toBe(rows.filter((r) => r[col.CUST_CODE] === '').length);
    expect(result.activeCustomers).toBe(new Set(rows.map((r) => r[col.CUST_CODE]).filter(Boolean)).size);
    expect(result.customers).toBe(150);
    expect(result.truthPath).toBe(join(dir, 'truth.json'));
    expect(progress.map((p) => p.week)).toEqual(result.weeks);
    expect(progress.at(-1)).toEqual({ week: 200610, rows: result.rows, weeksDone: 4, weeks: 4 });
  });

  it('has the header of the real files', () => {
    const real = gunzipSync(readFileSync(resolve(realDir, 'transactions_200607.csv.gz'))).toString('utf8');
    expect(real.slice(0, real.indexOf('\n'))).toBe(lgsrHeader.join(','));
  });

  it('writes 22 fields on every row, LF only, no quoting', () => {
    expect(rows.length).toBeGreaterThan(3000);
    for (const r of rows) expect(r.length).toBe(22);
    for (const text of texts.values()) {
      expect(text.includes('\r')).toBe(false);
      expect(text.includes('"')).toBe(false);
    }
  });

  it('matches the README domain of every field', () => {
    for (const r of rows)
      for (const c of lgsrHeader) if (!FIELD[c].test(r[col[c]])) throw new Error(`${c} = ${JSON.stringify(r[col[c]])} in ${r.join(',')}`);
    // SPEND is not fixed to 2 dp; quantities have a tail; every hour band appears.
    const spends = rows.map((r) => r[col.SPEND]);
    expect(spends.some((s) => /^\d+$/.test(s))).toBe(true);
    expect(spends.some((s) => /^\d+\.\d$/.test(s))).toBe(true);
    expect(spends.some((s) => /^\d+\.\d\d$/.test(s))).toBe(true);
    const quantities = rows.map((r) => Number(r[col.QUANTITY]));
    expect(quantities.filter((q) => q === 1).length / quantities.length).toBeGreaterThan(0.6);
    expect(Math.max(...quantities)).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r[col.SHOP_HOUR])).size).toBeGreaterThanOrEqual(14);
  });

  it('writes time.csv in the real file’s format', () => {
    const text = readFileSync(join(dir, 'time.csv'), 'utf8');
    const real = readFileSync(resolve(realDir, 'time.csv'), 'utf8');
    expect(text).toBe(real.split('\n').slice(0, 5).join('\n') + '\n'); // header + 200607..200610
  });

  it('keeps each row’s week and date consistent with the real calendar, and the weekday with the date (1 = Sunday)', () => {
    const real = new Map(
      readFileSync(resolve(realDir, 'time.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => {
        const [w, from, to] = l.split(',');
        return [w, [from, to]] as const;
      }),
    );
    const weekdays = new Set<string>();
    for (const r of rows) {
      const [from, to] = real.get(r[col.SHOP_WEEK])!;
      const date = r[col.SHOP_DATE];
      expect(date >= from && date <= to).toBe(true);
      const jsDay = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6))).getUTCDay();
      expect(Number(r[col.SHOP_WEEKDAY])).toBe(jsDay + 1);
      expect(shopWeekday(parseShopDate(date))).toBe(jsDay + 1);
      weekdays.add(r[col.SHOP_WEEKDAY]);
    }
    expect(weekdays.size).toBe(7);
  });

  it('orders rows like the real files: by store, then product', () => {
    for (const text of texts.values()) {
      const keys = text.trimEnd().split('\n').slice(1).map((l) => {
        const f = l.split(',');
        return `${f[col.STORE_CODE]} ${f[col.PROD_CODE]}`;
      });
      for (let i = 1; i < keys.length; i++) if (keys[i] < keys[i - 1]) throw new Error(`row ${i}: ${keys[i]} after ${keys[i - 1]}`);
    }
  });
});

describe('generateLgsr: entity invariants', () => {
  /** Asserts that `key` determines `value` on every row (a functional dependency). */
  function functional(key: (r: string[]) => string, value: (r: string[]) => string, what: string): Map<string, string> {
    const seen = new Map<string, string>();
    for (const r of rows) {
      const k = key(r);
      if (k === '') continue;
      const v = value(r);
      const before = seen.get(k);
      if (before !== undefined && before !== v) throw new Error(`${what}: ${k} has ${before} and ${v}`);
      seen.set(k, v);
    }
    return seen;
  }

  it('nests the product hierarchy strictly', () => {
    const products = functional((r) => r[col.PROD_CODE], (r) => r[col.PROD_CODE_10], 'product -> class');
    functional((r) => r[col.PROD_CODE_10], (r) => r[col.PROD_CODE_20], 'class -> level 20');
    functional((r) => r[col.PROD_CODE_20], (r) => r[col.PROD_CODE_30], 'level 20 -> level 30');
    const l30 = functional((r) => r[col.PROD_CODE_30], (r) => r[col.PROD_CODE_40], 'level 30 -> department');
    expect(products.size).toBeGreaterThan(300);
    expect(new Set(l30.values()).size).toBeGreaterThan(1);
    // The truth has the same hierarchy.
    for (const r of rows) {
      expect(truth.hierarchy.products[r[col.PROD_CODE]].class).toBe(r[col.PROD_CODE_10]);
      expect(truth.hierarchy.classes[r[col.PROD_CODE_10]]).toBe(r[col.PROD_CODE_20]);
      expect(truth.hierarchy.level20[r[col.PROD_CODE_20]]).toBe(r[col.PROD_CODE_30]);
      expect(truth.hierarchy.level30[r[col.PROD_CODE_30]]).toBe(r[col.PROD_CODE_40]);
    }
  });

  it('gives each store one format and region, and each customer one (price sensitivity, life stage) pair', () => {
    functional((r) => r[col.STORE_CODE], (r) => `${r[col.STORE_FORMAT]} ${r[col.STORE_REGION]}`, 'store');
    const customers = functional(
      (r) => r[col.CUST_CODE],
      (r) => `${r[col.CUST_PRICE_SENSITIVITY]},${r[col.CUST_LIFESTAGE]}`,
      'customer',
    );
    const pairs = [...customers.values()];
    expect(pairs.every((p) => /^(LA|MM|UM|XX),/.test(p))).toBe(true);
    expect(pairs.filter((p) => p.endsWith(',')).length).toBeGreaterThan(0); // some known customers lack a life stage
    for (const [code, pair] of customers) {
      const t = truth.customers[code];
      expect(`${t.priceSensitivity},${t.lifeStage}`).toBe(pair);
    }
    // Anonymous rows have all three customer fields empty.
    for (const r of rows)
      if (r[col.CUST_CODE] === '') expect(r[col.CUST_PRICE_SENSITIVITY] + r[col.CUST_LIFESTAGE]).toBe('');
  });

  it('keeps baskets consistent: one store, date, hour, customer and attributes; no repeated product', () => {
    const basketFields = [
      'SHOP_WEEK', 'SHOP_DATE', 'SHOP_WEEKDAY', 'SHOP_HOUR', 'CUST_CODE', 'BASKET_SIZE',
      'BASKET_PRICE_SENSITIVITY', 'BASKET_TYPE', 'BASKET_DOMINANT_MISSION', 'STORE_CODE',
    ] as const;
    functional((r) => r[col.BASKET_ID], (r) => basketFields.map((f) => r[col[f]]).join(','), 'basket');
    const products = new Set<string>();
    const count = new Map<string, number>();
    for (const r of rows) {
      const key = `${r[col.BASKET_ID]} ${r[col.PROD_CODE]}`;
      if (products.has(key)) throw new Error(`product repeated in basket: ${key}`);
      products.add(key);
      count.set(r[col.BASKET_ID], (count.get(r[col.BASKET_ID]) ?? 0) + 1);
    }
    // BASKET_SIZE follows the item count (S <= 3 < M <= 9 < L); BASKET_TYPE follows the size unless XX.
    const type = { S: 'Small Shop', M: 'Top Up', L: 'Full Shop' } as const;
    for (const r of rows) {
      const n = count.get(r[col.BASKET_ID])!;
      const size = r[col.BASKET_SIZE] as 'S' | 'M' | 'L';
      expect(size).toBe(n <= 3 ? 'S' : n <= 9 ? 'M' : 'L');
      if (r[col.BASKET_TYPE] !== 'XX') expect(r[col.BASKET_TYPE]).toBe(type[size]);
      else expect(r[col.BASKET_DOMINANT_MISSION]).toBe('XX');
    }
    expect(new Set(rows.map((r) => r[col.BASKET_SIZE])).size).toBe(3);
    expect(new Set(rows.map((r) => r[col.BASKET_DOMINANT_MISSION])).size).toBeGreaterThanOrEqual(3);
  });

  it('makes about the requested share of rows anonymous', () => {
    const share = rows.filter((r) => r[col.CUST_CODE] === '').length / rows.length;
    expect(Math.abs(share - 0.2)).toBeLessThan(0.01);
  });
});

describe('generateLgsr: planted model and truth', () => {
  it('round-trips the truth file', () => {
    expect(truth.format).toBe('atm-synth-truth');
    expect(truth.options).toEqual({
      seed: 42, customers: 150, weeks: 4, startWeek: 200607, topics: 5, segments: 3,
      anonymousShare: 0.2, classes: 60, productsPerClass: 20, stores: 19,
    });
    expect(truth.summary).toMatchObject({ weeks: result.weeks, rows: result.rows, anonymousRows: result.anonymousRows });
    expect(Object.keys(truth.customers)).toHaveLength(150);
    expect(truth.topics).toHaveLength(5);
    expect(truth.segments).toHaveLength(3);
    for (const t of truth.topics) {
      expect(Object.keys(t.classes)).toHaveLength(60);
      expect(Object.values(t.classes).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(t.coreClasses).toHaveLength(12);
    }
    for (const c of Object.values(truth.customers)) {
      expect(c.mixture).toHaveLength(5);
      expect(c.mixture.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(c.segment).toBeGreaterThanOrEqual(0);
      expect(c.segment).toBeLessThan(3);
      expect(truth.stores[c.homeStore]).toBeDefined();
    }
    for (const s of truth.segments) expect(s.prototype.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const perClass = new Map<string, number>();
    for (const p of Object.values(truth.hierarchy.products)) perClass.set(p.class, (perClass.get(p.class) ?? 0) + p.share);
    for (const total of perClass.values()) expect(total).toBeCloseTo(1, 12);
  });

  it('plants the customers’ mixtures in their baskets (class blocks of the topics)', () => {
    // Observed share of each customer segment's rows in each topic's core block vs the model's expectation.
    const block = new Map<string, number>();
    truth.topics.forEach((t) => t.coreClasses.forEach((c) => block.set(c, t.id)));
    const K = truth.topics.length;
    const blockProb = truth.topics.map((t) => Array.from({ length: K }, (_, b) => truth.topics[b].coreClasses.reduce((a, c) => a + t.classes[c], 0)));
    const S = truth.segments.length;
    const observed = Array.from({ length: S }, () => new Float64Array(K + 1));
    const expected = Array.from({ length: S }, () => new Float64Array(K + 1));
    for (const r of rows) {
      const c = truth.customers[r[col.CUST_CODE]];
      if (!c) continue;
      const b = block.get(r[col.PROD_CODE_10]) ?? K;
      observed[c.segment][b]++;
      for (let k = 0; k < K; k++) for (let j = 0; j < K; j++) expected[c.segment][j] += c.mixture[k] * blockProb[k][j];
    }
    for (let s = 0; s < S; s++) {
      const n = observed[s].reduce((a, b) => a + b, 0);
      const m = expected[s].reduce((a, b) => a + b, 0);
      let tv = 0;
      for (let j = 0; j < K; j++) tv += Math.abs(observed[s][j] / n - expected[s][j] / m) / 2;
      expect(n).toBeGreaterThan(500);
      expect(tv).toBeLessThan(0.05);
    }
  });

  it('reports a missing or foreign truth file clearly', async () => {
    const empty = tempDir();
    await expect(readTruth(empty)).rejects.toThrow(`Cannot read the ground truth ${join(empty, 'truth.json')}`);
  });
});

describe('generateLgsr: determinism and validation', () => {
  it('writes identical bytes for the same seed and different ones for another seed', async () => {
    const again = await generateLgsr({ ...options, outDir: tempDir() });
    for (let i = 0; i < result.files.length; i++) expect(readFileSync(again.files[i]).equals(readFileSync(result.files[i]))).toBe(true);
    const other = await generateLgsr({ ...options, seed: 43, weeks: 1, outDir: tempDir() });
    expect(readFileSync(other.files[0]).equals(readFileSync(result.files[0]))).toBe(false);
  });

  it('rejects, without an unhandled error, when a weekly file cannot be written', async () => {
    const out = tempDir();
    mkdirSync(join(out, 'transactions_200608.csv.gz')); // a directory where week 2's file should go
    await expect(generateLgsr({ ...options, outDir: out })).rejects.toThrow(/EISDIR/);
  });

  it.each([
    [{ customers: 0 }, 'Expected an integer in 1..400000 for options.customers but received 0'],
    [{ weeks: 1.5 }, 'Expected an integer in 1..520 for options.weeks but received 1.5'],
    [{ startWeek: 200653 }, 'Expected a fiscal week YYYYWW for options.startWeek but received 200653'],
    [{ classes: 1000 }, 'Expected an integer in 1..999 for options.classes but received 1000'],
    [{ topics: 200 }, 'Expected an integer in 1..120 for options.topics but received 200'],
    [{ anonymousShare: 1 }, 'Expected a number in 0..0.9 for options.anonymousShare but received 1'],
    [{ productsPerClass: 1000 }, 'for options.productsPerClass but received 1000'],
    [{ gzipLevel: 0 }, 'Expected an integer in 1..9 for options.gzipLevel but received 0'],
    [{ outDir: '' }, 'Expected a non-empty directory path for options.outDir but received ""'],
    [{ customer: 5 }, 'Unknown option "customer" for generateLgsr'],
  ])('rejects %o', async (patch, message) => {
    await expect(generateLgsr({ outDir: join(tmpdir(), 'never-written'), ...(patch as object) } as GenerateOptions)).rejects.toThrow(message);
  });
});
