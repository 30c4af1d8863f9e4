import type { TopLevelSpec } from 'vega-lite';
import { MUTED } from '../palette.js';
import type { SweepValue } from '../report-data.js';

/** Options of {@link sweepLineSpec}. */
export interface SweepLineOptions {
  /** Title of the y axis. */
  valueTitle: string;
  /** Sweeps up to this one are shaded as burn-in. */
  burnIn?: number;
  /** d3 format of the y axis. */
  format?: string;
  width: number;
  height: number;
}

/**
 * A per-sweep trace (log-likelihood, perplexity) as a line, with the burn-in shaded.
 *
 * @example
 * sweepLineSpec([{ sweep: 1, value: -1e6 }, { sweep: 2, value: -9e5 }], { valueTitle: 'Log-likelihood', width: 700, height: 220 });
 */
export function sweepLineSpec(trace: readonly SweepValue[], o: SweepLineOptions): TopLevelSpec {
  const values = [...trace].sort((a, b) => a.sweep - b.sweep);
  const first = values.length > 0 ? values[0].sweep : 0;
  const last = values.length > 0 ? values[values.length - 1].sweep : 1;
  const x = {
    field: 'sweep',
    type: 'quantitative' as const,
    title: 'Sweep',
    scale: { domain: [first, last], nice: false },
    axis: { tickCount: 8, format: 'd' },
  };
  const layer: object[] = [];
  if (o.burnIn !== undefined && o.burnIn > first) {
    const end = Math.min(o.burnIn, last);
    layer.push(
      {
        data: { values: [{ from: first, to: end }] },
        mark: { type: 'rect', color: '#eef1f5' },
        encoding: { x: { ...x, field: 'from' }, x2: { field: 'to' } },
      },
      {
        data: { values: [{ from: first }] },
        mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, y: 4, fontSize: 10, color: MUTED },
        encoding: { x: { ...x, field: 'from' }, text: { value: 'burn-in' } },
      },
    );
  }
  layer.push({
    data: { values },
    mark: { type: 'line', interpolate: 'monotone' },
    encoding: {
      x,
      y: { field: 'value', type: 'quantitative', title: o.valueTitle, scale: { zero: false }, axis: { format: o.format ?? '~s', tickCount: 5 } },
    },
  });
  return { width: o.width, height: o.height, layer } as TopLevelSpec;
}
