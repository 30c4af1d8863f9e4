import type { TopLevelSpec } from 'vega-lite';
import { DIVERGING_SCHEME, GRID, INK, SEQUENTIAL_SCHEME } from '../palette.js';

/** Options of {@link heatmapSpec}. */
export interface HeatmapOptions {
  /** Row labels, top to bottom (must be distinct). */
  rows: readonly string[];
  /** Column labels, left to right (must be distinct). */
  columns: readonly string[];
  /** `values[i][j]`: the value of row i, column j. */
  values: ReadonlyArray<ArrayLike<number>>;
  rowTitle: string;
  columnTitle: string;
  /** Legend title. */
  valueTitle: string;
  /** d3 format of the legend and the cell texts. */
  format: string;
  /** Cell size in pixels (default 26). */
  cell?: number;
  /** Print values in the cells (default: when there are at most 16 columns). */
  cellText?: boolean;
  /** Grey out the diagonal and leave it out of the colour scale (for a category × itself matrix). */
  maskDiagonal?: boolean;
}

/**
 * A heatmap with rows and columns in the given order. Non-negative values use a
 * sequential scheme; signed values a diverging one centred on zero.
 *
 * @example
 * heatmapSpec({ rows: ['S0'], columns: ['T0', 'T1'], values: [[0.7, 0.3]], rowTitle: 'Segment',
 *   columnTitle: 'Topic', valueTitle: 'Mean share', format: '.0%' });
 */
export function heatmapSpec(o: HeatmapOptions): TopLevelSpec {
  const cells: Array<{ row: string; col: string; value: number; masked: boolean }> = [];
  let min = Infinity;
  let max = -Infinity;
  o.rows.forEach((row, i) => {
    o.columns.forEach((col, j) => {
      const value = o.values[i][j];
      const masked = o.maskDiagonal === true && i === j;
      if (!masked) {
        min = Math.min(min, value);
        max = Math.max(max, value);
      }
      cells.push({ row, col, value, masked });
    });
  });
  const signed = min < 0;
  const cell = o.cell ?? 26;
  const cellText = o.cellText ?? o.columns.length <= 16;
  const extent = Math.max(Math.abs(min), Math.abs(max));
  const color = {
    // Masked cells are drawn in the grid colour and kept out of the scale's domain.
    condition: { test: 'datum.masked', value: GRID },
    field: 'value',
    type: 'quantitative' as const,
    title: o.valueTitle,
    legend: { format: o.format, gradientLength: Math.max(120, Math.min(260, cell * o.rows.length)) },
    scale: signed
      ? { scheme: DIVERGING_SCHEME, domain: [-extent, extent], reverse: true }
      : { scheme: SEQUENTIAL_SCHEME, domain: [0, max > 0 ? max : 1] },
  };
  // Dark cells get white text: beyond 55% of the range from the light end.
  const threshold = (signed ? extent : max) * 0.55;
  const test = signed ? `abs(datum.value) > ${threshold}` : `datum.value > ${threshold}`;
  const x = {
    field: 'col',
    type: 'nominal' as const,
    sort: null,
    title: o.columnTitle,
    axis: { orient: 'top' as const, labelAngle: o.columns.some((c) => c.length > 3) ? -40 : 0, labelLimit: 160 },
  };
  const y = { field: 'row', type: 'nominal' as const, sort: null, title: o.rowTitle };
  const layer: object[] = [{ mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 }, encoding: { x, y, color } }];
  if (cellText) {
    layer.push({
      mark: { type: 'text', fontSize: Math.min(10, cell * 0.38), aria: false },
      encoding: {
        x,
        y,
        text: { condition: { test: 'datum.masked', value: '' }, field: 'value', type: 'quantitative', format: o.format },
        color: { condition: { test, value: '#ffffff' }, value: INK },
      },
    });
  }
  return {
    width: { step: cell },
    height: { step: cell },
    data: { values: cells },
    layer,
    config: { axis: { grid: false, domain: false, ticks: false } },
  } as TopLevelSpec;
}
