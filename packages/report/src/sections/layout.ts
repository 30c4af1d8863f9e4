import { heatmapSpec } from '../charts/heatmap.js';
import { formatNumber } from '../format.js';
import { escapeHtml } from '../html.js';
import { figure, howToRead, subheading, table, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { Adjacency, LayoutSection, ReportData } from '../report-data.js';

/**
 * The strongest off-diagonal pairs of a symmetric affinity matrix, strongest first.
 *
 * @example
 * strongestPairs({ categories: ['a', 'b', 'c'], affinity: [[0, 2, 1], [2, 0, 3], [1, 3, 0]] }, 1); // [{ a: 'b', b: 'c', score: 3 }]
 */
export function strongestPairs(layout: Pick<LayoutSection, 'categories' | 'affinity'>, top: number): Adjacency[] {
  const pairs: Adjacency[] = [];
  const n = layout.categories.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) pairs.push({ a: layout.categories[i], b: layout.categories[j], score: layout.affinity[i][j] });
  }
  pairs.sort((x, y) => y.score - x.score);
  return pairs.slice(0, top);
}

/**
 * Layout: category × category affinity heatmap and the strongest suggested adjacencies.
 *
 * @example
 * const section = await layoutSection(data, ctx); // undefined without data.layout
 */
export async function layoutSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const l = data.layout;
  if (!l || l.categories.length < 2) return undefined;
  const measure = l.measure ?? 'Affinity';
  const n = l.categories.length;
  const adjacencies = l.adjacencies ?? strongestPairs(l, l.topAdjacencies ?? 15);
  const heatmap = await ctx.chart(
    heatmapSpec({
      rows: l.categories,
      columns: l.categories,
      values: l.affinity,
      rowTitle: 'Category',
      columnTitle: 'Category',
      valueTitle: measure,
      format: '.2~f',
      cell: Math.max(12, Math.min(30, Math.floor(640 / n))),
      cellText: n <= 12,
      maskDiagonal: true,
    }),
    `${measure} between categories`,
  );
  const withNotes = adjacencies.some((a) => a.note);
  const columns = [
    { label: '#', numeric: true, narrow: true },
    { label: 'Category' },
    { label: 'Next to' },
    { label: measure, numeric: true },
    ...(withNotes ? [{ label: 'Why' }] : []),
  ];
  const rows = adjacencies.map((a, i) => [
    String(i + 1),
    escapeHtml(a.a),
    escapeHtml(a.b),
    escapeHtml(formatNumber(a.score)),
    ...(withNotes ? [a.note ? escapeHtml(a.note) : ''] : []),
  ]);
  return {
    id: 'layout',
    title: 'Layout affinities',
    html:
      howToRead(
        `${measure} between product categories, computed from how their topics overlap in customers’ baskets. Dark cells are categories shopped together: placing them near each other shortens trips and invites cross-purchases. The list gives the strongest pairs as suggested adjacencies.`,
      ) +
      figure(heatmap, undefined, 'chart wide') +
      (rows.length > 0
        ? subheading('Suggested adjacencies') + table(columns, rows)
        : ''),
  };
}
