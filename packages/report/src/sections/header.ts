import { escapeHtml } from '../html.js';
import { factsTable } from '../html-parts.js';
import type { ReportHeader } from '../report-data.js';

/** Id of the parameters block, for the table of contents. */
export const RUN_ID = 'run';

/**
 * The page header: title, subtitle, run meta line, and the parameters and data summary tables.
 *
 * @example
 * headerHtml({ title: 'Run 42', parameters: { K: 20 } });
 */
export function headerHtml(header: ReportHeader): { html: string; hasFacts: boolean } {
  const meta = [
    header.generatedAt ? `Generated ${escapeHtml(header.generatedAt)}` : '',
    header.runId ? `Run <span class="code">${escapeHtml(header.runId)}</span>` : '',
  ].filter((s) => s !== '');
  const facts = factsTable('Run parameters', header.parameters) + factsTable('Data summary', header.dataSummary);
  const html = `<header class="report-header">
<div class="eyebrow">ATM Segmenter · author-topic model report</div>
<h1>${escapeHtml(header.title)}</h1>
${header.subtitle ? `<p class="subtitle">${escapeHtml(header.subtitle)}</p>` : ''}
${meta.length > 0 ? `<p class="meta">${meta.join(' · ')}</p>` : ''}
${facts ? `<div class="run" id="${RUN_ID}">${facts}</div>` : ''}
</header>`;
  return { html, hasFacts: facts !== '' };
}
