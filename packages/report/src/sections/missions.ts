import { heatmapSpec } from '../charts/heatmap.js';
import { rankedBarsSpec } from '../charts/ranked-bars.js';
import { figure, howToRead, subheading, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { MissionCrossTab, ReportData } from '../report-data.js';

/** Column-normalised shares of a cross-tab: for each category, the share of its baskets per mission. */
export function crossTabShares(tab: MissionCrossTab, topics: readonly number[]): { categories: string[]; shares: number[][] } {
  const categories = [...(tab.categories ?? [])];
  const known = new Set(categories);
  for (const c of tab.cells) {
    if (!known.has(c.category)) {
      known.add(c.category);
      categories.push(c.category);
    }
  }
  const col = new Map(categories.map((c, j) => [c, j]));
  const row = new Map(topics.map((t, i) => [t, i]));
  const counts = topics.map(() => new Array<number>(categories.length).fill(0));
  const totals = new Array<number>(categories.length).fill(0);
  for (const c of tab.cells) {
    const i = row.get(c.topic);
    const j = col.get(c.category)!;
    if (i !== undefined) counts[i][j] += c.baskets;
    totals[j] += c.baskets;
  }
  return { categories, shares: counts.map((r) => r.map((n, j) => (totals[j] > 0 ? n / totals[j] : 0))) };
}

/**
 * Basket missions: overall shares of dominant topics, and their mix by weekday, hour, store format, …
 *
 * @example
 * const section = await missionsSection(data, reportContext(data)); // undefined without data.missions
 */
export async function missionsSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const m = data.missions;
  if (!m || m.shares.length === 0) return undefined;
  const shares = [...m.shares].sort((a, b) => b.share - a.share || a.topic - b.topic);
  let html =
    howToRead(
      'A basket’s mission is its dominant topic. The bars give the share of all baskets per mission. In the heatmaps each column is one category (a weekday, an hour, a store format, …) and sums to 100% across missions (including any not listed): compare a row across columns to see when and where a mission happens.',
    ) +
    subheading('Mission shares') +
    figure(
      await ctx.chart(
        rankedBarsSpec(
          shares.map((s) => ({ label: ctx.topicName(s.topic), value: s.share })),
          { valueTitle: 'Share of baskets', format: '.1~%', width: 520, valueLabels: true },
        ),
        'Mission shares',
      ),
    );
  const topics = shares.map((s) => s.topic);
  for (const tab of m.crossTabs ?? []) {
    if (tab.cells.length === 0) continue;
    const { categories, shares: matrix } = crossTabShares(tab, topics);
    html +=
      subheading(`Missions by ${tab.dimension.toLowerCase()}`) +
      figure(
        await ctx.chart(
          heatmapSpec({
            rows: topics.map((t) => ctx.topicName(t)),
            columns: categories,
            values: matrix,
            rowTitle: 'Mission',
            columnTitle: tab.dimension,
            valueTitle: `Share of ${tab.dimension.toLowerCase()}’s baskets`,
            format: '.0%',
            cell: categories.length > 16 ? 22 : 30,
          }),
          `Missions by ${tab.dimension}`,
        ),
        undefined,
        'chart wide',
      );
  }
  return { id: 'missions', title: 'Basket missions', html };
}
