import { rankedBarsSpec } from '../charts/ranked-bars.js';
import { formatPercent } from '../format.js';
import { escapeHtml } from '../html.js';
import { figure, howToRead, type Section } from '../html-parts.js';
import type { ReportContext } from '../report-context.js';
import type { ReportData, TopicTerm } from '../report-data.js';

/** Bar labels for a topic's terms: the human label, with the code added where labels repeat. */
function termLabels(ctx: ReportContext, terms: readonly TopicTerm[]): string[] {
  const names = terms.map((t) => t.label ?? ctx.productName(t.term));
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return names.map((n, i) => (counts.get(n)! > 1 && n !== terms[i].term ? `${n} (${terms[i].term})` : n));
}

/**
 * Top products per topic: one small horizontal bar chart per topic, sharing one
 * probability axis so bar lengths compare across topics.
 *
 * @example
 * const section = await topTermsSection(data, reportContext(data)); // undefined without data.topics
 */
export async function topTermsSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const topics = data.topics?.filter((t) => t.terms.length > 0);
  if (!topics || topics.length === 0) return undefined;
  const max = Math.max(...topics.flatMap((t) => t.terms.map((term) => term.probability)));
  const charts = await Promise.all(
    topics.map(async (t) => {
      const labels = termLabels(ctx, t.terms);
      const svg = await ctx.chart(
        rankedBarsSpec(
          t.terms.map((term, i) => ({ label: labels[i], value: term.probability })),
          { valueTitle: 'P(product | topic)', format: '.1~%', width: 190, max, valueLabels: true, step: 16 },
        ),
        `Top products of topic ${ctx.topicName(t.topic)}`,
      );
      const prevalence = t.prevalence !== undefined ? `<span class="muted">${escapeHtml(formatPercent(t.prevalence))} of mass</span>` : '';
      return `<figure class="multiple"><figcaption><strong>${escapeHtml(ctx.topicName(t.topic))}</strong>${prevalence}</figcaption>${svg}</figure>`;
    }),
  );
  return {
    id: 'top-products',
    title: 'Top products per topic',
    html:
      howToRead(
        'Each panel is one topic: a recurring shopping theme learned from baskets. Bars give the probability that a product class drawn from the topic is this one; all panels share one axis, so a long bar means a topic concentrated on few products.',
      ) + `<div class="multiples">${charts.join('\n')}</div>`,
  };
}

/**
 * Topic prevalence: share of the model's mass per topic, largest first.
 *
 * @example
 * const section = await prevalenceSection(data, reportContext(data)); // undefined unless topics carry prevalence
 */
export async function prevalenceSection(data: ReportData, ctx: ReportContext): Promise<Section | undefined> {
  const rows = (data.topics ?? []).filter((t) => t.prevalence !== undefined);
  if (rows.length === 0) return undefined;
  rows.sort((a, b) => b.prevalence! - a.prevalence! || a.topic - b.topic);
  const svg = await ctx.chart(
    rankedBarsSpec(
      rows.map((t) => ({ label: ctx.topicName(t.topic), value: t.prevalence! })),
      { valueTitle: 'Share of assignments', format: '.1~%', width: 520, valueLabels: true },
    ),
    'Topic prevalence',
  );
  return {
    id: 'topic-prevalence',
    title: 'Topic prevalence',
    html:
      howToRead(
        'How much of all purchasing each topic explains, largest first. Small topics can still matter: they often capture niche missions that drive targeted offers.',
      ) + figure(svg),
  };
}
