import type { TopLevelSpec } from 'vega-lite';
import { HIGHLIGHT } from '../palette.js';

/** Options of {@link kCurveSpec}. */
export interface KCurveOptions {
  /** Title of the x axis, e.g. `Topics (K)`. */
  kTitle: string;
  /** Title of the y axis, e.g. `Held-out perplexity`. */
  valueTitle: string;
  /** The chosen k, marked with a rule and a highlighted point. */
  chosenK?: number;
  /** d3 format of the y axis. */
  format?: string;
  width: number;
  height: number;
}

/**
 * A metric against the number of topics or clusters, with the chosen value marked.
 *
 * @example
 * kCurveSpec([{ k: 2, value: 0.31 }, { k: 3, value: 0.42 }], { kTitle: 'k', valueTitle: 'Silhouette', chosenK: 3, width: 320, height: 180 });
 */
export function kCurveSpec(points: ReadonlyArray<{ k: number; value: number }>, o: KCurveOptions): TopLevelSpec {
  const values = [...points].sort((a, b) => a.k - b.k).map((p) => ({ ...p, chosen: p.k === o.chosenK }));
  const ks = values.map((p) => p.k);
  const x = {
    field: 'k',
    type: 'quantitative' as const,
    title: o.kTitle,
    scale: { domain: [Math.min(...ks), Math.max(...ks)], nice: false },
    axis: { values: ks.length <= 16 ? ks : undefined, format: 'd', grid: false },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: o.valueTitle,
    scale: { zero: false },
    axis: { format: o.format ?? '~s', tickCount: 5 },
  };
  const layer: object[] = [
    { mark: { type: 'line', point: { size: 30 } }, encoding: { x, y } },
  ];
  if (o.chosenK !== undefined && ks.includes(o.chosenK)) {
    layer.push(
      {
        data: { values: [{ k: o.chosenK }] },
        mark: { type: 'rule', color: HIGHLIGHT, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: { x },
      },
      {
        transform: [{ filter: 'datum.chosen' }],
        mark: { type: 'point', filled: true, size: 110, color: HIGHLIGHT, stroke: '#ffffff', strokeWidth: 1.5, opacity: 1 },
        encoding: { x, y },
      },
      {
        data: { values: [{ k: o.chosenK }] },
        mark: { type: 'text', color: HIGHLIGHT, fontWeight: 600, fontSize: 11, align: 'left', baseline: 'top', dx: 4, y: 0 },
        encoding: { x, text: { value: `chosen ${o.chosenK}` } },
      },
    );
  }
  return { width: o.width, height: o.height, data: { values }, layer } as TopLevelSpec;
}
