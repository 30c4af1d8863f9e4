import type { TopLevelSpec } from 'vega-lite';
import { downsample } from '../downsample.js';
import { formatInteger, formatPercent } from '../format.js';
import { figure, howToRead, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { ReportData } from '../report-data.js';

/** Coordinates are rounded to this many decimals: invisible at chart scale, and it keeps the SVG small. */
const COORD_DIGITS = 4;

function round(v: number): number {
  const f = 10 ** COORD_DIGITS;
  return Math.round(v * f) / f;
}

/**
 * The 2-D customer map: PCA coordinates coloured by segment, down-sampled deterministically.
 *
 * @example
 * const section = await customerMapSection(data, reportContext(data)); // undefined without data.customerMap
 */
export async function customerMapSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const m = data.customerMap;
  if (!m || m.points.length === 0) return undefined;
  const max = m.maxPoints ?? 5000;
  const shown = downsample(m.points, max, (p) => p.segment);
  const present = new Set(shown.map((p) => p.segment));
  const order = ctx.segmentOrder.filter((s) => present.has(s));
  const axisTitle = (label: string | undefined, fallback: string, i: number): string => {
    const base = label ?? fallback;
    return m.explainedVariance ? `${base} (${formatPercent(m.explainedVariance[i])} of variance)` : base;
  };
  const spec = {
    width: 620,
    height: 420,
    data: { values: shown.map((p) => ({ x: round(p.x), y: round(p.y), s: ctx.segmentName(p.segment) })) },
    // Vega draws a circle of radius √size / 2: size 16 gives exactly 2 px, which keeps each point's SVG path short.
    mark: { type: 'circle', size: 16, opacity: 0.6, strokeWidth: 0, aria: false },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: axisTitle(m.xLabel, 'PC1', 0), scale: { zero: false } },
      y: { field: 'y', type: 'quantitative', title: axisTitle(m.yLabel, 'PC2', 1), scale: { zero: false } },
      color: {
        field: 's',
        type: 'nominal',
        title: 'Segment',
        scale: { domain: order.map((s) => ctx.segmentName(s)), range: order.map((s) => ctx.segmentColor(s)) },
        legend: { symbolOpacity: 1 },
      },
    },
  } as TopLevelSpec;
  const caption =
    shown.length < m.points.length
      ? `Showing ${formatInteger(shown.length)} of ${formatInteger(m.points.length)} customers, sampled evenly within each segment.`
      : `${formatInteger(shown.length)} customers.`;
  return {
    id: 'customer-map',
    title: 'Customer map',
    html:
      howToRead(
        'Each dot is a customer, placed by the first two principal components of their topic mix and coloured by segment. Customers close together buy alike. Overlap between colours is expected: the map flattens many dimensions into two, and segments are separated in the full space.',
      ) + figure(await ctx.chart(spec, 'Customer map by segment', { precision: 1 }), caption),
  };
}
