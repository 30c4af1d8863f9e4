import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/render-report.js';
import type { ReportData } from '../src/report-data.js';
import { fullFixture } from './fixture.js';
import { count, SECTION_IDS, sectionHtml, sectionIds } from './html-helpers.js';

/** Open and close tags of the elements the renderer writes balance out. */
function expectBalanced(html: string): void {
  for (const tag of ['section', 'figure', 'table', 'div', 'svg', 'nav', 'header', 'ol']) {
    const opened = html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0;
    expect(opened, tag).toBe(count(html, `</${tag}>`));
  }
}

describe('optional sections', () => {
  it('renders a header-only report with nothing else', async () => {
    const html = await renderReport({ header: { title: 'Just a title' } });
    expect(html).toContain('<h1>Just a title</h1>');
    expect(sectionIds(html)).toEqual([]);
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('class="run"');
    expectBalanced(html);
  });

  it('leaves out one missing section and keeps numbering and contents consistent', async () => {
    const full = fullFixture({ customers: 600 });
    const { customerMap: _omitted, ...rest } = full;
    const [withMap, withoutMap] = await Promise.all([renderReport(full), renderReport(rest)]);
    expect(sectionIds(withMap)).toEqual(SECTION_IDS);
    expect(sectionIds(withoutMap)).toEqual(SECTION_IDS.filter((id) => id !== 'customer-map'));
    expect(withoutMap).not.toContain('customer-map');
    expect(withoutMap).not.toContain('Customer map');
    expect(count(withoutMap, '<svg ')).toBe(count(withMap, '<svg ') - 1);
    const numbers = [...withoutMap.matchAll(/<h2 id="[a-z-]+-h"><span class="n">(\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(count(withoutMap, '<li><a href="#')).toBe(SECTION_IDS.length); // 11 sections + the run parameters
    expectBalanced(withoutMap);
  });

  it('treats empty lists like absent sections', async () => {
    const html = await renderReport({
      header: { title: 'Empty lists', parameters: [], dataSummary: {} },
      topics: [],
      convergence: { logLikelihood: [] },
      topicKSelection: { rows: [] },
      customerKSelection: { rows: [] },
      segments: { segments: [] },
      customerMap: { points: [] },
      missions: { shares: [] },
      recommendations: { examples: [], methods: [] },
      bundles: [],
      layout: { categories: [], affinity: [] },
    });
    expect(sectionIds(html)).toEqual([]);
    expect(html).not.toContain('<nav');
    expectBalanced(html);
  });

  it('renders sections that carry only part of their data', async () => {
    const full = fullFixture({ customers: 300 });
    const data: ReportData = {
      header: { title: 'Partial', dataSummary: { Customers: 300 } },
      topics: full.topics!.map(({ prevalence: _p, ...t }) => t),
      convergence: { logLikelihood: full.convergence!.logLikelihood },
      evaluation: { heldOutPerplexity: 201.5 },
      topicKSelection: { rows: full.topicKSelection!.rows.map((r) => ({ k: r.k, perplexity: r.perplexity })) },
      customerKSelection: { rows: full.customerKSelection!.rows.map((r) => ({ k: r.k, silhouette: r.silhouette })) },
      segments: { segments: full.segments!.segments },
      recommendations: { methods: full.recommendations!.methods },
      layout: { categories: ['A', 'B', 'C'], affinity: [[0, 2, 1], [2, 0, 3], [1, 3, 0]] },
    };
    const html = await renderReport(data);
    expect(sectionIds(html)).toEqual(['top-products', 'convergence', 'evaluation', 'topic-k', 'customer-k', 'segments', 'recommendations', 'layout']);
    const section = (id: string): string => sectionHtml(html, id);
    expect(count(section('convergence'), '<svg ')).toBe(1);
    expect(count(section('evaluation'), '<svg ')).toBe(0);
    expect(section('evaluation')).toContain('<div class="metric-value">201.5</div>');
    expect(count(section('topic-k'), '<svg ')).toBe(1);
    expect(count(section('customer-k'), '<svg ')).toBe(1);
    expect(count(section('segments'), '<svg ')).toBe(1);
    expect(section('segments')).not.toContain('Segment profiles');
    expect(section('recommendations')).not.toContain('Examples');
    // Adjacencies derived from the matrix, strongest first; no empty "Why" column.
    expect(section('layout')).toMatch(/<td>B<\/td><td>C<\/td><td class="num">3<\/td><\/tr>\n<tr><td class="num narrow">2<\/td><td>A<\/td><td>B<\/td>/);
    expect(section('layout')).not.toContain('>Why<');
    expectBalanced(html);
  });
});
