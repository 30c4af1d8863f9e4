import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../src/render-report.js';
import { reportToFile } from '../src/report-to-file.js';
import { fullFixture } from './fixture.js';
import { count, SECTION_IDS, sectionHtml } from './html-helpers.js';

/** The namespace URIs that SVG/XHTML markup carries; they are identifiers, never fetched. */
const NAMESPACES = new Set(['http://www.w3.org/2000/svg', 'http://www.w3.org/1999/xlink', 'http://www.w3.org/1999/xhtml']);

describe('renderReport with a full fixture', () => {
  let html = '';
  beforeAll(async () => {
    html = await renderReport(fullFixture());
  });

  it('is one HTML document with a header, contents and every section', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain('<h1>LGSR 5k — author-topic model, K = 12</h1>');
    expect(html).toContain('<nav class="toc"');
    for (const id of SECTION_IDS) {
      expect(html, id).toContain(`<section class="report-section" id="${id}"`);
      expect(html, id).toContain(`<li><a href="#${id}">`);
    }
  });

  it('draws every chart as an inline SVG', () => {
    const charts: Record<string, number> = {
      'top-products': 12, // one panel per topic
      'topic-prevalence': 1,
      convergence: 2, // log-likelihood and held-out perplexity
      evaluation: 2, // per-topic UMass and NPMI
      'topic-k': 4, // perplexity, UMass, NPMI, stability
      'customer-k': 2, // silhouette and inertia
      segments: 2, // sizes and segment × topic heatmap
      'customer-map': 1,
      missions: 5, // shares and 4 cross-tabs
      recommendations: 1, // Recall@10 and NDCG@10 side by side
      bundles: 0,
      layout: 1,
    };
    for (const [id, n] of Object.entries(charts)) expect(count(sectionHtml(html, id), '<svg '), id).toBe(n);
    expect(count(html, '<svg ')).toBe(Object.values(charts).reduce((a, b) => a + b, 0));
    expect(count(html, '<svg ')).toBe(count(html, '</svg>'));
    // Each SVG is named for screen readers.
    expect(count(html, '<svg role="img" aria-label="')).toBe(count(html, '<svg '));
  });

  it('references nothing outside the file', () => {
    const urls = html.match(/https?:\/\/[^\s"'<>)]*/gi) ?? [];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(NAMESPACES.has(url), url).toBe(true);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    const hrefs = [...html.matchAll(/\bhref\s*=\s*["']?([^"'\s>]*)/gi)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(10);
    for (const href of hrefs) expect(href.startsWith('#'), href).toBe(true);
    expect(html).not.toMatch(/@import/i);
    // Gradients are referenced as url(#id) inside the same SVG; nothing else may use url().
    expect(html).not.toMatch(/url\(\s*['"]?(?!#)/i);
    for (const m of html.matchAll(/url\(#([^)]+)\)/g)) expect(html, m[1]).toContain(`id="${m[1]}"`);
    expect(html).not.toMatch(/<(script|link|iframe|object|embed|img)\b/i);
  });

  it('down-samples the customer map to at most 5000 points', () => {
    const map = sectionHtml(html, 'customer-map');
    expect(map).toContain('Showing 5,000 of 8,000 customers');
    // One circle per customer drawn; legend symbols add one per segment.
    const symbols = count(map, '<circle ');
    expect(symbols).toBeGreaterThanOrEqual(5000);
    expect(symbols).toBeLessThanOrEqual(5000 + 6);
  });

  it('highlights the best method per metric and formats numbers', () => {
    const recs = sectionHtml(html, 'recommendations');
    expect(recs).toContain('<strong class="best">31.2%</strong>'); // best Recall@10 (ATM)
    expect(recs).toContain('<strong class="best">25.2%</strong>'); // best NDCG@10 (Item-kNN)
    expect(count(recs, 'class="best"')).toBe(2);
    expect(html).toContain('<td class="num">412,337</td>'); // grouped integer in the data summary
    expect(html).toContain('<td class="num">9.487</td>');
  });

  it('writes the same document to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'atm-report-'));
    try {
      const path = join(dir, 'nested', 'report.html');
      const bytes = await reportToFile(fullFixture(), path);
      const written = await readFile(path, 'utf8');
      expect(written).toBe(html);
      expect(bytes).toBe(Buffer.byteLength(html));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
