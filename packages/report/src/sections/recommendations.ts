import type { TopLevelSpec } from 'vega-lite';
import { formatFixed, formatPercent } from '../format.js';
import { escapeHtml } from '../html.js';
import { figure, howToRead, productChips, productHtml, segmentHtml, subheading, table, type Section } from '../html-parts.js';
import { HIGHLIGHT, SUBDUED } from '../palette.js';
import type { ReportContext } from '../report-context.js';
import type { MethodScore, RecommendationExample, ReportData } from '../report-data.js';

function exampleHtml(ctx: ReportContext, ex: RecommendationExample): string {
  const held = new Set(ex.heldOut ?? []);
  const segment = ex.segment !== undefined ? `<span class="muted">${segmentHtml(ctx, ex.segment)}</span>` : '';
  const rows = ex.recommended.map((r, i) => {
    const hit = held.has(r.item);
    return `<tr${hit ? ' class="hit"' : ''}><td class="num rank">${i + 1}</td><td>${productHtml(ctx, r.item)}${hit ? ' <span class="badge">bought</span>' : ''}</td><td class="num">${escapeHtml(formatFixed(r.score, 3))}</td></tr>`;
  });
  const heldOut = ex.heldOut && ex.heldOut.length > 0 ? `<div class="label">Held out</div>${productChips(ctx, ex.heldOut)}` : '';
  return `<article class="example"><header><span class="customer">${escapeHtml(ex.customer)}</span>${segment}</header>
<div class="label">In basket</div>${productChips(ctx, ex.basket)}${heldOut}
<div class="label">Recommended</div><table class="ranked"><thead><tr><th class="num">#</th><th>Product</th><th class="num">Score</th></tr></thead><tbody>${rows.join('')}</tbody></table></article>`;
}

function metricBars(methods: readonly MethodScore[], key: 'recall' | 'ndcg', title: string): object {
  const best = Math.max(...methods.map((m) => m[key]));
  return {
    width: 280,
    height: { step: 22 },
    title,
    data: { values: methods.map((m) => ({ method: m.method, value: m[key], color: m[key] === best ? HIGHLIGHT : SUBDUED })) },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'method', type: 'nominal', sort: null, title: null },
          x: { field: 'value', type: 'quantitative', title: null, axis: { format: '.0%', tickCount: 4 }, scale: { domain: [0, best * 1.25], nice: false } },
          color: { field: 'color', type: 'nominal', scale: null, legend: null },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, aria: false },
        encoding: {
          y: { field: 'method', type: 'nominal', sort: null },
          x: { field: 'value', type: 'quantitative' },
          text: { field: 'value', type: 'quantitative', format: '.1%' },
        },
      },
    ],
  };
}

async function methodsHtml(ctx: ReportContext, methods: readonly MethodScore[], cutoff: number): Promise<string> {
  const recallTitle = `Recall@${cutoff}`;
  const ndcgTitle = `NDCG@${cutoff}`;
  const spec = { hconcat: [metricBars(methods, 'recall', recallTitle), metricBars(methods, 'ndcg', ndcgTitle)], spacing: 40 } as TopLevelSpec;
  const bestRecall = Math.max(...methods.map((m) => m.recall));
  const bestNdcg = Math.max(...methods.map((m) => m.ndcg));
  const cell = (v: number, best: number): string =>
    v === best ? `<strong class="best">${escapeHtml(formatPercent(v))}</strong>` : escapeHtml(formatPercent(v));
  const rows = methods.map((m) => [
    escapeHtml(m.method),
    cell(m.recall, bestRecall),
    cell(m.ndcg, bestNdcg),
    m.note ? escapeHtml(m.note) : '',
  ]);
  const classes = methods.map((m) => (m.recall === bestRecall || m.ndcg === bestNdcg ? 'best-row' : ''));
  return (
    subheading('Method comparison') +
    figure(await ctx.chart(spec, `${recallTitle} and ${ndcgTitle} per method`), 'Best value of each metric in orange.') +
    table(
      [
        { label: 'Method' },
        { label: recallTitle, numeric: true, description: `Share of held-out items found in the top ${cutoff}` },
        { label: ndcgTitle, numeric: true, description: `Rank-discounted gain of the top ${cutoff}, 1 = ideal order` },
        { label: 'Note' },
      ],
      rows,
      classes,
    )
  );
}

/**
 * Recommendations: worked examples and the offline comparison of methods.
 *
 * @example
 * const section = await recommendationsSection(data, reportContext(data)); // undefined without data.recommendations
 */
export async function recommendationsSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const r = data.recommendations;
  const examples = r?.examples ?? [];
  const methods = r?.methods ?? [];
  if (examples.length === 0 && methods.length === 0) return undefined;
  const cutoff = r?.cutoff ?? 10;
  let html = howToRead(
    `Recommendations complete a partial basket from the customer’s topic mix. In the evaluation some items of each test basket are hidden; Recall@${cutoff} is the share of hidden items that appear in the top ${cutoff}, NDCG@${cutoff} also rewards ranking them high. In the examples, recommended items the customer actually bought are marked.`,
  );
  if (methods.length > 0) html += await methodsHtml(ctx, methods, cutoff);
  if (examples.length > 0) {
    html += subheading('Examples') + `<div class="examples">${examples.map((ex) => exampleHtml(ctx, ex)).join('\n')}</div>`;
  }
  return { id: 'recommendations', title: 'Recommendations', html };
}
