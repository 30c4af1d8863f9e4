import { View, Warn, parse } from 'vega';
import type { LoggerInterface } from 'vega';
import { compile } from 'vega-lite';
import type { Config, TopLevelSpec } from 'vega-lite';
import { CHART_THEME } from './chart-theme.js';
import { isRecord } from './errors.js';
import { escapeHtml } from './html.js';
import { offlineLoader } from './offline-loader.js';
import { installTextMetrics } from './text-metrics.js';

/** The theme with a chart's own config on top, merged one level deep (so `axis: { grid: false }` keeps the theme's axis colours). */
function mergeConfig(theme: Config, own: Config | undefined): Config {
  if (!own) return theme;
  const merged: Record<string, unknown> = { ...theme };
  for (const [key, value] of Object.entries(own)) {
    const base = merged[key];
    merged[key] = isRecord(base) && isRecord(value) ? { ...base, ...value } : value;
  }
  return merged as Config;
}

/** Geometry attributes whose numbers are rounded; text and labels are never touched. */
const GEOMETRY = /\s(d|transform|x|y|x1|x2|y1|y2|width|height|cx|cy|r)="([^"]*)"/g;
const DECIMAL = /-?\d*\.\d+(?:e[-+]?\d+)?/g;

/** Rounds coordinates to `digits` decimals of a pixel: invisible, and it halves the size of dense charts. */
function roundGeometry(svg: string, digits: number): string {
  const f = 10 ** digits;
  return svg.replace(GEOMETRY, (_, name: string, value: string) => {
    const rounded = value.replace(DECIMAL, (n) => String(Math.round(Number(n) * f) / f || 0));
    return ` ${name}="${rounded}"`;
  });
}

/** A vega circle symbol: a path translated to its centre, drawn as two arcs of radius r. */
const CIRCLE_PATH = /<path((?:\s[a-z-]+="[^"]*")*?) transform="translate\(([^,)]+),([^)]+)\)" d="M([\d.]+),0A\4,\4,0,1,1,-\4,0A\4,\4,0,1,1,\4,0"/g;

/** Writes circle symbols as `<circle>` elements: the same drawing in half the bytes (it matters for scatter plots). */
function compactCircles(svg: string): string {
  return svg.replace(CIRCLE_PATH, (_, attrs: string, cx: string, cy: string, r: string) => `<circle${attrs} cx="${cx}" cy="${cy}" r="${r}"`);
}

/**
 * Vega numbers gradient and clip ids with a process-wide counter; rename them
 * `<prefix>-<n>` in order of appearance, so ids are unique within a report and the
 * same on every render.
 */
function renameIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `${prefix}-${ids.size + 1}`);
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, head: string, id: string) => `${head}${ids.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole))
    .replace(/href="#([^"]+)"/g, (whole, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : whole));
}

/**
 * A vega logger that keeps errors (to be thrown by the caller) and drops chatter.
 * Vega reports a failed load as a warning carrying the loader's Error: that counts as an error too.
 */
function collectingLogger(errors: unknown[]): LoggerInterface {
  let level = Warn;
  const logger: LoggerInterface = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: readonly unknown[]) {
      errors.push(args.find((a) => a instanceof Error) ?? args.join(' '));
      return logger;
    },
    warn(...args: readonly unknown[]) {
      const error = args.find((a) => a instanceof Error);
      if (error !== undefined) errors.push(error);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  } as LoggerInterface;
  return logger;
}

/** Options of {@link renderChart}. */
export interface ChartOptions {
  /** Decimals kept in coordinates (default 2; 1 is plenty for thousands of scatter points). */
  precision?: number;
}

/**
 * Compiles a Vega-Lite specification (with inline `values` only) and renders it
 * headless to a standalone SVG string. Text from the data is escaped by vega's SVG
 * renderer; `label` becomes the SVG's accessible name; internal ids start with `idPrefix`.
 *
 * @example
 * const svg = await renderChart(
 *   { data: { values: [{ k: 'a', n: 3 }] }, mark: 'bar', encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'k', type: 'nominal' } } },
 *   'Counts per key',
 *   'chart1',
 * );
 */
export async function renderChart(
  spec: TopLevelSpec,
  label: string,
  idPrefix: string,
  options: ChartOptions = {},
): Promise<string> {
  installTextMetrics();
  const { spec: vegaSpec } = compile({ ...spec, config: mergeConfig(CHART_THEME, spec.config) } as TopLevelSpec);
  // Vega logs failed loads and dataflow errors instead of throwing: collect them and fail the chart.
  const errors: unknown[] = [];
  const logger = collectingLogger(errors);
  const view = new View(parse(vegaSpec), { renderer: 'none', loader: offlineLoader(), logger, logLevel: Warn });
  try {
    const raw = await view.toSVG();
    if (errors.length > 0) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
    const svg = renameIds(compactCircles(roundGeometry(raw, options.precision ?? 2)), idPrefix);
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" `);
  } finally {
    view.finalize();
  }
}

/** Renders the charts of one report, numbering them so their SVG ids never collide. */
export class ChartRenderer {
  private count = 0;

  /**
   * @example
   * const charts = new ChartRenderer();
   * const svg = await charts.render(spec, 'Topic prevalence');
   */
  render(spec: TopLevelSpec, label: string, options?: ChartOptions): Promise<string> {
    this.count += 1;
    return renderChart(spec, label, `chart${this.count}`, options);
  }
}
