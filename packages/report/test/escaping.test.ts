import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/html.js';
import { renderReport } from '../src/render-report.js';
import { fullFixture, QUOTES, SCRIPT } from './fixture.js';

const SCRIPT_ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';
const QUOTES_ESCAPED = '&quot;quotes&quot;&amp;amp';
/** Vega escapes &, < and > in SVG text content; a raw quote is harmless there. */
const QUOTES_IN_SVG_TEXT = '"quotes"&amp;amp';

/** A start tag whose attributes are all well-formed and double-quoted, with nothing unescaped inside. */
const WELL_FORMED_TAG = /^<[a-zA-Z][\w:-]*(\s+[\w:-]+(="[^"<>]*")?)*\s*\/?>$/;

describe('escaping data in the report', () => {
  let html = '';
  beforeAll(async () => {
    html = await renderReport(fullFixture({ hostile: true, customers: 400 }));
  });

  it('never lets a raw string from the data through', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(SCRIPT);
    // `"quotes"&amp` unescaped would be followed by something other than `;amp;`.
    expect(html).not.toMatch(/"quotes"&amp(?!;amp)/);
    expect(html).not.toContain('"quotes"&amp<');
  });

  it('keeps every tag well-formed, so no value broke out of its attribute', () => {
    const tags = html.match(/<[a-zA-Z][^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(1000);
    const broken = tags.filter((t) => !WELL_FORMED_TAG.test(t));
    expect(broken).toEqual([]);
  });

  it('shows the escaped text in the title, headings, tables, SVG text and SVG labels', () => {
    expect(html).toContain(`<title>Report ${SCRIPT_ESCAPED} ${QUOTES_ESCAPED}</title>`);
    expect(html).toContain(`<h1>Report ${SCRIPT_ESCAPED} ${QUOTES_ESCAPED}</h1>`);
    // Parameter values, product codes, labels and customer ids in HTML.
    expect(html).toContain(`<td class="num">${SCRIPT_ESCAPED}</td>`); // parameter value
    expect(html).toContain(`<td class="num">${QUOTES_ESCAPED}</td>`);
    expect(html).toContain(`<span class="code">${SCRIPT_ESCAPED}</span>`); // product code
    expect(html).toContain(`<span class="code">${QUOTES_ESCAPED}</span>`);
    expect(html).toContain(`<span class="customer">${SCRIPT_ESCAPED}</span>`); // customer id
    expect(html).toContain(`<span class="customer">${QUOTES_ESCAPED}</span>`);
    expect(html).toContain(`<strong>T0 · ${SCRIPT_ESCAPED}</strong>`); // topic label
    expect(html).toContain(`S1 · ${QUOTES_ESCAPED}`); // segment label
    // Inside SVG: text content and aria-label attributes written by vega.
    expect(html).toMatch(new RegExp(`<text[^>]*>[^<]*${escapeRegExp(SCRIPT_ESCAPED)}[^<]*</text>`));
    expect(html).toMatch(new RegExp(`<text[^>]*>[^<]*${escapeRegExp(QUOTES_IN_SVG_TEXT)}[^<]*</text>`));
    expect(html).toMatch(new RegExp(`aria-label="[^"]*${escapeRegExp(SCRIPT_ESCAPED)}`));
    expect(html).toMatch(new RegExp(`aria-label="[^"]*${escapeRegExp(QUOTES_ESCAPED)}`));
  });

  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`${SCRIPT} ${QUOTES} 'x'`)).toBe(`${SCRIPT_ESCAPED} ${QUOTES_ESCAPED} &#39;x&#39;`);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
