import { rankedBarsSpec } from '../charts/ranked-bars.js';
import { formatFixed } from '../format.js';
import { figure, howToRead, metricCard, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { ReportData, TopicCoherence } from '../report-data.js';

async function perTopicChart(
  ctx: ReportContext,
  rows: readonly TopicCoherence[],
  key: 'umass' | 'npmi',
  title: string,
): Promise<string> {
  const present = rows.filter((r) => r[key] !== undefined);
  if (present.length === 0) return '';
  const svg = await ctx.chart(
    rankedBarsSpec(
      present.map((r) => ({ label: ctx.topicName(r.topic), value: r[key]! })),
      { valueTitle: title, format: '.2f', width: 260, step: 16 },
    ),
    `${title} per topic`,
  );
  return figure(svg, undefined, 'multiple');
}

/**
 * Held-out perplexity and coherence figures, with per-topic coherence bars when given.
 *
 * @example
 * const section = await evaluationSection(data, reportContext(data)); // undefined without data.evaluation
 */
export async function evaluationSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const e = data.evaluation;
  if (!e) return undefined;
  const topN = e.coherenceTopN !== undefined ? ` over the top ${e.coherenceTopN} products` : '';
  const cards = [
    e.heldOutPerplexity !== undefined
      ? metricCard('Held-out perplexity', formatFixed(e.heldOutPerplexity, 1), 'Lower is better; compare only on the same held-out baskets.')
      : '',
    e.umass !== undefined ? metricCard('UMass coherence', formatFixed(e.umass, 3), `Mean${topN}; closer to 0 is better.`) : '',
    e.npmi !== undefined ? metricCard('NPMI coherence', formatFixed(e.npmi, 3), `Mean${topN}; from −1 to 1, higher is better.`) : '',
  ].join('');
  const perTopic = e.perTopic ?? [];
  const charts =
    (await perTopicChart(ctx, perTopic, 'umass', 'UMass coherence')) + (await perTopicChart(ctx, perTopic, 'npmi', 'NPMI coherence'));
  if (cards === '' && charts === '') return undefined;
  return {
    id: 'evaluation',
    title: 'Model quality',
    html:
      howToRead(
        'Perplexity measures how well the model predicts baskets it never saw. Coherence measures whether a topic’s top products are actually bought together: UMass uses co-occurrence in the training baskets, NPMI normalised pointwise mutual information. Topics with low coherence in the bars below deserve a second look before they are named.',
      ) +
      (cards ? `<div class="metrics">${cards}</div>` : '') +
      (charts ? `<div class="multiples two">${charts}</div>` : ''),
  };
}
