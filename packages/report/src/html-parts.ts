import { escapeHtml } from './html.js';
import { formatNumber } from './format.js';
import type { ReportContext } from './report-context.js';
import type { ReportFact, ReportFacts, ReportScalar } from './report-data.js';

/** One rendered section of the report. */
export interface Section {
  /** Fragment id (`[a-z0-9-]` only). */
  id: string;
  /** Heading and table-of-contents entry (plain text; escaped when written). */
  title: string;
  /** The section body (already escaped HTML). */
  html: string;
}

/** A chart with its caption. `caption` is plain text. */
export function figure(svg: string, caption?: string, className = 'chart'): string {
  const cap = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>` : '';
  return `<figure class="${className}">${svg}${cap}</figure>`;
}

/** A "how to read" note under a section heading. `text` is plain text. */
export function howToRead(text: string): string {
  return `<p class="how"><span class="how-label">How to read</span> ${escapeHtml(text)}</p>`;
}

/** A sub-heading inside a section. */
export function subheading(text: string): string {
  return `<h3>${escapeHtml(text)}</h3>`;
}

/** A table column: `numeric` columns are right-aligned with tabular figures. */
export interface Column {
  label: string;
  numeric?: boolean;
  /** Shrink to the content (rank columns). */
  narrow?: boolean;
  /** Tooltip on the heading (plain text). */
  description?: string;
}

function cellClass(c: Column | undefined): string {
  const classes = [c?.numeric ? 'num' : '', c?.narrow ? 'narrow' : ''].filter((x) => x !== '');
  return classes.length > 0 ? ` class="${classes.join(' ')}"` : '';
}

/**
 * A table from escaped cell HTML. `rowClasses[i]` (a fixed class name) marks rows such as the best method.
 */
export function table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, rowClasses?: readonly string[]): string {
  const head = columns
    .map((c) => {
      const title = c.description ? ` title="${escapeHtml(c.description)}"` : '';
      return `<th scope="col"${cellClass(c)}${title}>${escapeHtml(c.label)}</th>`;
    })
    .join('');
  const body = rows
    .map((cells, i) => {
      const cls = rowClasses?.[i] ? ` class="${rowClasses[i]}"` : '';
      return `<tr${cls}>${cells.map((cell, j) => `<td${cellClass(columns[j])}>${cell}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A scalar as escaped HTML: numbers formatted, booleans as yes/no, null as an em dash. */
export function scalarHtml(value: ReportScalar | undefined): string {
  if (value === null || value === undefined) return '<span class="na">—</span>';
  if (typeof value === 'number') return escapeHtml(formatNumber(value));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return escapeHtml(value);
}

function factList(facts: ReportFacts): ReportFact[] {
  if (Array.isArray(facts)) return facts as ReportFact[];
  return Object.entries(facts).map(([label, value]) => ({ label, value }));
}

/** A key/value table, or '' when there are no facts. */
export function factsTable(title: string, facts: ReportFacts | undefined): string {
  if (facts === undefined) return '';
  const list = factList(facts);
  if (list.length === 0) return '';
  const rows = list
    .map((f) => {
      const hint = f.hint ? ` <span class="hint">${escapeHtml(f.hint)}</span>` : '';
      return `<tr><th scope="row">${escapeHtml(f.label)}</th><td class="num">${scalarHtml(f.value)}${hint}</td></tr>`;
    })
    .join('\n');
  return `<div class="facts"><h3>${escapeHtml(title)}</h3><table class="kv"><tbody>\n${rows}\n</tbody></table></div>`;
}

/** A product as escaped HTML: its label with the code in small print, or just the code. */
export function productHtml(ctx: ReportContext, code: string): string {
  if (!ctx.hasProductLabel(code)) return `<span class="code">${escapeHtml(code)}</span>`;
  return `${escapeHtml(ctx.productName(code))} <span class="code">${escapeHtml(code)}</span>`;
}

/** Products as chips. */
export function productChips(ctx: ReportContext, codes: readonly string[]): string {
  return `<span class="chips">${codes.map((c) => `<span class="chip">${productHtml(ctx, c)}</span>`).join('')}</span>`;
}

/** A segment name with its colour swatch. */
export function segmentHtml(ctx: ReportContext, segment: number): string {
  return `<span class="swatch" style="background:${ctx.segmentColor(segment)}"></span>${escapeHtml(ctx.segmentName(segment))}`;
}

/** A figure card: a key number with its label and hint. */
export function metricCard(label: string, value: string, hint: string): string {
  return `<div class="metric"><div class="metric-label">${escapeHtml(label)}</div><div class="metric-value">${escapeHtml(value)}</div><div class="metric-hint">${escapeHtml(hint)}</div></div>`;
}
