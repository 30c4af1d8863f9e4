/**
 * Local system fonts only: no web font is ever fetched. Unquoted family names are valid CSS.
 */
export const FONT_STACK = '-apple-system, BlinkMacSystemFont, Segoe UI, Helvetica Neue, Arial, Liberation Sans, Roboto, sans-serif';

/**
 * Chart text is laid out on the server with Helvetica/Arial metrics (see text-metrics.ts),
 * so charts use fonts with exactly those widths: Helvetica (macOS), Arial (Windows),
 * Liberation Sans or Arimo (Linux, metric-compatible with Arial).
 */
export const CHART_FONT_STACK = 'Helvetica, Arial, Liberation Sans, Arimo, sans-serif';
