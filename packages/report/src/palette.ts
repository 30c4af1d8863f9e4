/** The report's colours: one place, so charts, tables and CSS agree. */

/** Ink and chrome. */
export const INK = '#1d2733';
export const MUTED = '#5b6776';
export const GRID = '#e6eaef';
export const AXIS = '#9aa5b1';

/** The single-series colour (bars, lines) and the highlight for chosen / best values. */
export const PRIMARY = '#2f5d8a';
export const HIGHLIGHT = '#d9480f';
/** De-emphasised bars next to a highlighted one. */
export const SUBDUED = '#a9bccf';

/**
 * Categorical palette for segments (Tableau 10 reordered for contrast between
 * neighbours); segment i gets colour i mod 10, everywhere in the report.
 */
export const SEGMENT_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

/** Vega sequential scheme for shares and non-negative affinities; diverging one for signed measures. */
export const SEQUENTIAL_SCHEME = 'blues';
export const DIVERGING_SCHEME = 'redblue';

/**
 * The colour of the segment at position `index` of the segment list.
 *
 * @example
 * segmentColor(0); // '#4e79a7'
 */
export function segmentColor(index: number): string {
  return SEGMENT_PALETTE[((index % SEGMENT_PALETTE.length) + SEGMENT_PALETTE.length) % SEGMENT_PALETTE.length];
}
