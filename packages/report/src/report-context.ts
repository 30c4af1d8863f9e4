import type { TopLevelSpec } from 'vega-lite';
import { segmentColor } from './palette.js';
import { ChartRenderer } from './render-chart.js';
import type { ChartOptions } from './render-chart.js';
import type { ReportData } from './report-data.js';

/** Display names and colours shared by every section, built once per report. */
export interface ReportContext {
  /** `T3 · Baby care`, or `T3` when the topic has no label. */
  topicName(topic: number): string;
  /** The product's human label, or its code. */
  productName(code: string): string;
  /** Whether the product has a human label (then its code is worth showing too). */
  hasProductLabel(code: string): boolean;
  /** `S2 · Young families`, or `S2` when the segment has no label. */
  segmentName(segment: number): string;
  /** The segment's colour: fixed by its position in the segment list. */
  segmentColor(segment: number): string;
  /** Segment ids in display order (the listed segments, then any others seen in the data, ascending). */
  readonly segmentOrder: readonly number[];
  /** Renders a chart of this report to inline SVG (ids numbered per report). */
  chart(spec: TopLevelSpec, label: string, options?: ChartOptions): Promise<string>;
}

function collectSegments(data: ReportData): number[] {
  const listed = (data.segments?.segments ?? []).map((s) => s.segment);
  const seen = new Set(listed);
  const extra = new Set<number>();
  for (const p of data.customerMap?.points ?? []) if (!seen.has(p.segment)) extra.add(p.segment);
  for (const e of data.recommendations?.examples ?? []) {
    if (e.segment !== undefined && !seen.has(e.segment)) extra.add(e.segment);
  }
  return [...listed, ...[...extra].sort((a, b) => a - b)];
}

/**
 * Builds the naming and colour context of a validated report.
 *
 * @example
 * const ctx = reportContext({ header: { title: 'x' }, topics: [{ topic: 3, label: 'Baby care', terms: [] }] });
 * ctx.topicName(3); // 'T3 · Baby care'
 */
export function reportContext(data: ReportData): ReportContext {
  const topicLabels = new Map<number, string>();
  for (const t of data.topics ?? []) if (t.label) topicLabels.set(t.topic, t.label);
  const productLabels = new Map<string, string>(Object.entries(data.productLabels ?? {}));
  const segmentLabels = new Map<number, string>();
  for (const s of data.segments?.segments ?? []) if (s.label) segmentLabels.set(s.segment, s.label);
  const segmentOrder = collectSegments(data);
  const segmentIndex = new Map(segmentOrder.map((s, i) => [s, i]));
  const charts = new ChartRenderer();
  return {
    topicName: (t) => (topicLabels.has(t) ? `T${t} · ${topicLabels.get(t)}` : `T${t}`),
    productName: (code) => productLabels.get(code) ?? code,
    hasProductLabel: (code) => productLabels.has(code),
    segmentName: (s) => (segmentLabels.has(s) ? `S${s} · ${segmentLabels.get(s)}` : `S${s}`),
    segmentColor: (s) => segmentColor(segmentIndex.get(s) ?? segmentOrder.length),
    segmentOrder,
    chart: (spec, label, options) => charts.render(spec, label, options),
  };
}
