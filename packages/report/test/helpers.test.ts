import { describe, expect, it } from 'vitest';
import { downsample } from '../src/downsample.js';
import { formatFixed, formatInteger, formatNumber, formatPercent } from '../src/format.js';
import { OfflineLoadError } from '../src/offline-loader.js';
import { renderChart } from '../src/render-chart.js';
import { estimateTextWidth } from '../src/text-metrics.js';
import { strongestPairs } from '../src/sections/layout.js';
import { crossTabShares } from '../src/sections/missions.js';

describe('downsample', () => {
  const items = Array.from({ length: 10_000 }, (_, i) => ({ i, g: i < 9_900 ? i % 3 : 7 }));

  it('keeps everything when under the limit', () => {
    expect(downsample(items.slice(0, 10), 10, (x) => x.g)).toEqual(items.slice(0, 10));
  });

  it('keeps exactly max items, in input order, each group in proportion', () => {
    const kept = downsample(items, 1000, (x) => x.g);
    expect(kept).toHaveLength(1000);
    expect(kept.map((x) => x.i)).toEqual([...kept.map((x) => x.i)].sort((a, b) => a - b));
    const per = new Map<number, number>();
    for (const x of kept) per.set(x.g, (per.get(x.g) ?? 0) + 1);
    expect(per.get(7)).toBe(10); // 100 of 10,000 → 10 of 1,000
    for (const g of [0, 1, 2]) expect(per.get(g)).toBeGreaterThanOrEqual(329);
  });

  it('is deterministic and keeps every small group', () => {
    const skewed = [...Array.from({ length: 5000 }, () => ({ g: 0 })), { g: 1 }, { g: 2 }];
    const a = downsample(skewed, 100, (x) => x.g);
    expect(a).toEqual(downsample(skewed, 100, (x) => x.g));
    expect(a).toHaveLength(100);
    expect(a.filter((x) => x.g !== 0)).toHaveLength(2);
  });

  it('validates max', () => {
    expect(() => downsample(items, 0, (x) => x.g)).toThrow('Expected a positive integer for max but received 0');
  });
});

describe('number formatting', () => {
  it('formats with a fixed locale and sensible precision', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatFixed(1234.5678, 2)).toBe('1,234.57');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0.00123, 2)).toBe('0.12%');
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatNumber(0.05)).toBe('0.05');
    expect(formatNumber(9.487)).toBe('9.487');
    expect(formatNumber(-1234.567)).toBe('-1,234.6');
    expect(formatNumber(0.0000123)).toBe('1.23e-5');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});

describe('chart rendering', () => {
  it('refuses to load data from a URL, without trying the network', async () => {
    const realFetch = globalThis.fetch;
    const fetched: unknown[] = [];
    globalThis.fetch = ((...args: unknown[]) => {
      fetched.push(args[0]);
      return Promise.reject(new Error('network used'));
    }) as typeof fetch;
    try {
      const spec = { data: { url: 'https://example.com/data.json' }, mark: 'bar' as const };
      await expect(renderChart(spec, 'remote', 'c')).rejects.toBeInstanceOf(OfflineLoadError);
      const file = { data: { url: '/etc/passwd', format: { type: 'csv' as const } }, mark: 'bar' as const };
      await expect(renderChart(file, 'file', 'c')).rejects.toBeInstanceOf(OfflineLoadError);
      expect(fetched).toEqual([]);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('lays text out with Arial metrics, so ordinary labels are not cut short', async () => {
    expect(estimateTextWidth('Whole milk', 11, false)).toBeGreaterThan(45);
    expect(estimateTextWidth('Whole milk', 11, false)).toBeLessThan(60);
    expect(estimateTextWidth('Whole milk', 11, true)).toBeGreaterThan(estimateTextWidth('Whole milk', 11, false));
    const label = 'T8 · Household cleaning and laundry';
    const svg = await renderChart(
      { data: { values: [{ k: label, v: 1 }] }, mark: 'bar', encoding: { y: { field: 'k', type: 'nominal' }, x: { field: 'v', type: 'quantitative' } } },
      'label',
      'c',
    );
    expect(svg).toContain(`>${label}</text>`);
  });

  it('numbers SVG ids per chart and rewrites their references', async () => {
    const spec = {
      data: { values: [{ a: 'x', b: 'y', v: 1 }, { a: 'x', b: 'z', v: 2 }] },
      mark: 'rect' as const,
      encoding: { x: { field: 'a', type: 'nominal' as const }, y: { field: 'b', type: 'nominal' as const }, color: { field: 'v', type: 'quantitative' as const } },
    };
    const [one, two] = [await renderChart(spec, 'x', 'first'), await renderChart(spec, 'x', 'second')];
    expect(one).toContain('id="first-1"');
    expect(one).toContain('url(#first-1)');
    expect(two.replaceAll('second-', 'first-')).toBe(one);
  });
});

describe('derived tables', () => {
  it('finds the strongest off-diagonal pairs', () => {
    const layout = { categories: ['a', 'b', 'c'], affinity: [[9, 2, 1], [2, 9, 3], [1, 3, 9]] };
    expect(strongestPairs(layout, 2)).toEqual([
      { a: 'b', b: 'c', score: 3 },
      { a: 'a', b: 'b', score: 2 },
    ]);
  });

  it('normalises a mission cross-tab per category, in the given category order', () => {
    const tab = {
      dimension: 'Weekday',
      categories: ['Tue', 'Mon'],
      cells: [
        { category: 'Mon', topic: 0, baskets: 30 },
        { category: 'Mon', topic: 1, baskets: 10 },
        { category: 'Tue', topic: 1, baskets: 5 },
        { category: 'Sun', topic: 0, baskets: 2 },
        { category: 'Sun', topic: 9, baskets: 2 }, // a mission not listed still counts in the total
      ],
    };
    expect(crossTabShares(tab, [0, 1])).toEqual({
      categories: ['Tue', 'Mon', 'Sun'],
      shares: [
        [0, 0.75, 0.5],
        [1, 0.25, 0],
      ],
    });
  });
});
