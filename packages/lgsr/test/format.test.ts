import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASKET_MISSIONS, LGSR_COLUMNS, STORE_FORMATS, TIME_COLUMNS } from '../src/index.js';

const DATA = join(import.meta.dirname, '../../../../shared/data/lgsr-5k');

describe('the LGSR format', () => {
  it('has 22 distinct columns and mission Nonfood', () => {
    expect(LGSR_COLUMNS).toHaveLength(22);
    expect(new Set(LGSR_COLUMNS).size).toBe(22);
    expect(BASKET_MISSIONS).toContain('Nonfood');
    expect(STORE_FORMATS).toEqual(['SS', 'MS', 'LS', 'XLS']);
  });

  it.runIf(existsSync(DATA))('matches the headers of the shared real files', () => {
    const week = readdirSync(DATA).find((f) => f.endsWith('.csv.gz'));
    expect(week).toBeDefined();
    const text = gunzipSync(readFileSync(join(DATA, week as string))).toString('latin1');
    expect(text.slice(0, text.indexOf('\n')).replace(/\r$/, '').split(',')).toEqual([...LGSR_COLUMNS]);
    const time = readFileSync(join(DATA, 'time.csv'), 'latin1');
    expect(time.slice(0, time.indexOf('\n')).replace(/\r$/, '').split(',')).toEqual([...TIME_COLUMNS]);
  });
});
