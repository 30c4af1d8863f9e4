import { formatFixed, formatPercent } from '../format.js';
import { escapeHtml } from '../html.js';
import { howToRead, productChips, table, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { ReportData } from '../report-data.js';

/** A lift value with a small bar, scaled to the largest lift in the table. */
function liftHtml(lift: number, max: number): string {
  const width = max > 0 ? Math.round((Math.min(lift, max) / max) * 100) : 0;
  return `<span class="databar"><span style="width:${width}%"></span></span>${escapeHtml(formatFixed(lift, 2))}`;
}

/**
 * Cross-sell bundles: items, the topic that explains them, support, confidence and lift.
 *
 * @example
 * const section = bundlesSection(data, reportContext(data)); // undefined without data.bundles
 */
export function bundlesSection(data: ReportData, ctx: ReportContext): Section | undefined {
  const bundles = data.bundles;
  if (!bundles || bundles.length === 0) return undefined;
  const maxLift = Math.max(...bundles.map((b) => b.lift));
  const rows = bundles.map((b, i) => [
    String(i + 1),
    productChips(ctx, b.items),
    b.topic !== undefined ? escapeHtml(ctx.topicName(b.topic)) : '<span class="na">—</span>',
    escapeHtml(formatPercent(b.support, 2)),
    escapeHtml(formatPercent(b.confidence, 1)),
    liftHtml(b.lift, maxLift),
  ]);
  return {
    id: 'bundles',
    title: 'Cross-sell bundles',
    html:
      howToRead(
        'Products that are bought together more often than chance, each explained by the topic that links them. Support is the share of baskets containing the whole bundle; confidence the share of baskets with the first items that also contain the last; lift how many times more often they co-occur than if bought independently (1 = no association).',
      ) +
      table(
        [
          { label: '#', numeric: true, narrow: true },
          { label: 'Bundle' },
          { label: 'Explaining topic' },
          { label: 'Support', numeric: true, description: 'Share of baskets containing every item' },
          { label: 'Confidence', numeric: true, description: 'P(last item | the other items)' },
          { label: 'Lift', numeric: true, description: 'Observed / expected co-occurrence' },
        ],
        rows,
      ),
  };
}
