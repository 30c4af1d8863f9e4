import type { Config } from 'vega-lite';
import { AXIS, GRID, INK, MUTED, PRIMARY, SEGMENT_PALETTE } from './palette.js';

/** The Vega-Lite config every report chart is compiled with. */
export const CHART_THEME: Config = {
  // Short generic family in the SVG; the page's CSS sets the real (local) font stack on chart text.
  font: 'sans-serif',
  background: '#ffffff',
  padding: 6,
  view: { stroke: null },
  axis: {
    labelColor: MUTED,
    titleColor: INK,
    gridColor: GRID,
    domainColor: AXIS,
    tickColor: AXIS,
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 600,
    titlePadding: 8,
    labelLimit: 200,
  },
  axisBand: { tickSize: 0, domain: false },
  legend: { labelFontSize: 11, titleFontSize: 11, titleColor: INK, labelColor: MUTED, labelLimit: 180 },
  title: { fontSize: 13, fontWeight: 600, anchor: 'start', color: INK, offset: 10 },
  header: { labelFontSize: 12, labelColor: INK, titleFontSize: 12 },
  mark: { color: PRIMARY },
  bar: { color: PRIMARY },
  line: { color: PRIMARY, strokeWidth: 2 },
  point: { color: PRIMARY, filled: true },
  range: { category: [...SEGMENT_PALETTE] },
};
