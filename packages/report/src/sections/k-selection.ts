import { kCurveSpec } from '../charts/k-curve.js';
import { figure, howToRead, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { ReportData } from '../report-data.js';

/** One metric curve of a k-selection panel. */
interface Curve {
  title: string;
  better: 'higher' | 'lower';
  format: string;
  points: Array<{ k: number; value: number }>;
}

/** What differs between the two k-selection sections. */
interface KPanel {
  id: string;
  title: string;
  how: string;
  kTitle: string;
  chosenK: number | undefined;
  curves: readonly Curve[];
}

/** A k-selection section: one small line chart per metric that has values, or undefined when none has. */
async function kSection(ctx: ReportContext, panel: KPanel): Promise<Section | undefined> {
  const figures = await Promise.all(
    panel.curves
      .filter((c) => c.points.length > 0)
      .map(async (c) => {
        const spec = kCurveSpec(c.points, {
          kTitle: panel.kTitle,
          valueTitle: c.title,
          chosenK: panel.chosenK,
          format: c.format,
          width: 380,
          height: 180,
        });
        return figure(await ctx.chart(spec, `${c.title} by ${panel.kTitle}`), `${c.title}: ${c.better} is better.`, 'multiple');
      }),
  );
  if (figures.length === 0) return undefined;
  return { id: panel.id, title: panel.title, html: howToRead(panel.how) + `<div class="multiples two">${figures.join('\n')}</div>` };
}

function curve<R extends { k: number }>(rows: readonly R[], key: keyof R, c: Omit<Curve, 'points'>): Curve {
  const points = rows.filter((r) => r[key] !== undefined).map((r) => ({ k: r.k, value: r[key] as number }));
  return { ...c, points };
}

/**
 * Choice of the number of topics: perplexity, coherence and stability against K, chosen K marked.
 *
 * @example
 * const section = await topicKSection(data, ctx); // undefined without data.topicKSelection
 */
export async function topicKSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const s = data.topicKSelection;
  if (!s) return undefined;
  return kSection(ctx, {
    id: 'topic-k',
    title: 'Choosing the number of topics',
    how: 'Each panel shows one criterion for every number of topics tried; the dashed line marks the K used in this report. Perplexity usually keeps falling as K grows, so the choice balances it against coherence and stability, which drop once topics start splitting into near-duplicates.',
    kTitle: 'Topics (K)',
    chosenK: s.chosenK,
    curves: [
      curve(s.rows, 'perplexity', { title: 'Held-out perplexity', better: 'lower', format: ',.0f' }),
      curve(s.rows, 'umass', { title: 'UMass coherence', better: 'higher', format: '.2f' }),
      curve(s.rows, 'npmi', { title: 'NPMI coherence', better: 'higher', format: '.3f' }),
      curve(s.rows, 'stability', { title: 'Stability across seeds', better: 'higher', format: '.2f' }),
    ],
  });
}

/**
 * Choice of the number of customer segments: silhouette (and inertia) against k, chosen k marked.
 *
 * @example
 * const section = await customerKSection(data, ctx); // undefined without data.customerKSelection
 */
export async function customerKSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const s = data.customerKSelection;
  if (!s) return undefined;
  return kSection(ctx, {
    id: 'customer-k',
    title: 'Choosing the number of segments',
    how: 'The silhouette compares how close each customer is to their own segment versus the nearest other one: values near 1 mean well-separated segments, near 0 overlapping ones. The inertia curve always falls; look for the elbow where extra segments stop paying off.',
    kTitle: 'Segments (k)',
    chosenK: s.chosenK,
    curves: [
      curve(s.rows, 'silhouette', { title: 'Mean silhouette', better: 'higher', format: '.2f' }),
      curve(s.rows, 'inertia', { title: 'Inertia (within-cluster SS)', better: 'lower', format: '~s' }),
    ],
  });
}
