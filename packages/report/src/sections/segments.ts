import { heatmapSpec } from '../charts/heatmap.js';
import { rankedBarsSpec } from '../charts/ranked-bars.js';
import { formatFixed, formatInteger, formatNumber, formatPercent } from '../format.js';
import { escapeHtml } from '../html.js';
import { figure, howToRead, scalarHtml, segmentHtml, subheading, table, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { ProfileColumn, ProfileTable, ReportData, ReportScalar } from '../report-data.js';

function profileCell(ctx: ReportContext, column: ProfileColumn, value: ReportScalar | undefined): string {
  if (value === null || value === undefined || typeof value !== 'number') return scalarHtml(value);
  switch (column.format) {
    case 'text':
      return escapeHtml(String(value));
    case 'integer':
      return escapeHtml(formatInteger(value));
    case 'percent':
      return escapeHtml(formatPercent(value, column.digits ?? 1));
    case 'segment':
      return segmentHtml(ctx, value);
    case 'decimal':
      return escapeHtml(formatFixed(value, column.digits ?? 2));
    default:
      return escapeHtml(column.digits !== undefined ? formatFixed(value, column.digits) : formatNumber(value));
  }
}

function isNumericColumn(column: ProfileColumn, profile: ProfileTable): boolean {
  if (column.format === 'text' || column.format === 'segment') return false;
  if (column.format !== undefined) return true;
  return profile.rows.some((r) => typeof r[column.key] === 'number');
}

/** The segment profile table with caller-defined columns. */
export function profileTableHtml(ctx: ReportContext, profile: ProfileTable): string {
  const columns = profile.columns.map((c) => ({ label: c.label, description: c.description, numeric: isNumericColumn(c, profile) }));
  const rows = profile.rows.map((row) => profile.columns.map((c) => profileCell(ctx, c, row[c.key])));
  return table(columns, rows);
}

/**
 * Segments: sizes, mean topic share per segment (heatmap) and the profile table.
 *
 * @example
 * const section = await segmentsSection(data, reportContext(data)); // undefined without data.segments
 */
export async function segmentsSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const s = data.segments;
  if (!s || s.segments.length === 0) return undefined;
  const total = s.segments.reduce((sum, x) => sum + x.size, 0);
  let html = howToRead(
    'Customers are grouped by the mix of topics they buy from. The bars give each segment’s size; the heatmap shows, for the average customer of each segment (rows), the share of their purchasing explained by each topic (columns): a dark cell is what makes the segment distinct.',
  );
  html +=
    subheading('Segment sizes') +
    figure(
      await ctx.chart(
        rankedBarsSpec(
          s.segments.map((x) => ({ label: ctx.segmentName(x.segment), value: x.size, color: ctx.segmentColor(x.segment) })),
          { valueTitle: 'Customers', format: ',d', width: 520, valueLabels: true, step: 22 },
        ),
        'Segment sizes',
      ),
      `${formatInteger(total)} customers in ${s.segments.length} segments.`,
    );
  if (s.topicShares && s.topicShares.length > 0 && s.topicShares[0].length > 0) {
    const k = s.topicShares[0].length;
    const columns = Array.from({ length: k }, (_, t) => ctx.topicName(t));
    html +=
      subheading('Segment × topic') +
      figure(
        await ctx.chart(
          heatmapSpec({
            rows: s.segments.map((x) => ctx.segmentName(x.segment)),
            columns,
            values: s.topicShares,
            rowTitle: 'Segment',
            columnTitle: 'Topic',
            valueTitle: 'Mean topic share',
            format: '.0%',
            cell: k > 24 ? 18 : 30,
          }),
          'Mean topic share per segment',
        ),
        'Each row sums to 100% across all topics.',
        'chart wide',
      );
  }
  if (s.profile && s.profile.rows.length > 0) html += subheading('Segment profiles') + profileTableHtml(ctx, s.profile);
  return { id: 'segments', title: 'Customer segments', html };
}
