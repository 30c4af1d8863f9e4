import type { TopLevelSpec } from 'vega-lite';
import { INK } from '../palette.js';

/** One bar of a ranked horizontal bar chart. */
export interface RankedBar {
  /** Category label on the y axis (escaped by vega). */
  label: string;
  /** Bar length. */
  value: number;
  /** Bar colour; defaults to the theme's primary colour. */
  color?: string;
}

/** Options of {@link rankedBarsSpec}. */
export interface RankedBarsOptions {
  /** Title of the value axis. */
  valueTitle: string;
  /** d3 format of the value axis and labels, e.g. `.1%`. */
  format: string;
  /** Plot width in pixels. */
  width: number;
  /** Print the value at the end of each bar (only for non-negative values). */
  valueLabels?: boolean;
  /** Upper end of the value axis (to share it between small multiples); defaults to the largest value. */
  max?: number;
  /** Pixels per bar. */
  step?: number;
}

/**
 * Makes labels unique by appending zero-width spaces, so two bars with the same
 * text stay two bars (a nominal scale would merge them) and still read the same.
 */
function distinct(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = seen.get(l) ?? 0;
    seen.set(l, n + 1);
    return l + '\u200b'.repeat(n);
  });
}

/**
 * A horizontal bar chart in the given order (first bar on top).
 *
 * @example
 * rankedBarsSpec([{ label: 'Milk', value: 0.12 }], { valueTitle: 'P(term | topic)', format: '.1%', width: 240 });
 */
export function rankedBarsSpec(bars: readonly RankedBar[], options: RankedBarsOptions): TopLevelSpec {
  const labels = distinct(bars.map((b) => b.label));
  const values = bars.map((b, i) => ({ label: labels[i], value: b.value, color: b.color ?? null }));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const top = Math.max(options.max ?? 0, ...bars.map((b) => b.value));
  const labelled = options.valueLabels === true && min >= 0;
  const x = {
    field: 'value',
    type: 'quantitative' as const,
    title: options.valueTitle,
    axis: { format: options.format, tickCount: 4 },
    scale: { domain: [min, labelled ? top * 1.22 : top], nice: !labelled },
  };
  const y = { field: 'label', type: 'nominal' as const, sort: null, title: null };
  const bar = {
    mark: { type: 'bar' as const },
    encoding: {
      x,
      y,
      ...(bars.some((b) => b.color) ? { color: { field: 'color', type: 'nominal' as const, scale: null, legend: null } } : {}),
    },
  };
  const text = {
    mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 10, color: INK, aria: false },
    encoding: { x, y, text: { field: 'value', type: 'quantitative' as const, format: options.format } },
  };
  return {
    width: options.width,
    height: { step: options.step ?? 18 },
    data: { values },
    layer: labelled ? [bar, text] : [bar],
  } as TopLevelSpec;
}
