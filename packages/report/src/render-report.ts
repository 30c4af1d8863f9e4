import { escapeHtml } from './html.js';
import type { Section } from './html-parts.js';
import { reportContext } from './report-context.js';
import type { ReportData } from './report-data.js';
import { bundlesSection } from './sections/bundles.js';
import { convergenceSection } from './sections/convergence.js';
import { customerMapSection } from './sections/customer-map.js';
import { evaluationSection } from './sections/evaluation.js';
import { RUN_ID, headerHtml } from './sections/header.js';
import { customerKSection, topicKSection } from './sections/k-selection.js';
import { layoutSection } from './sections/layout.js';
import { missionsSection } from './sections/missions.js';
import { recommendationsSection } from './sections/recommendations.js';
import { segmentsSection } from './sections/segments.js';
import { prevalenceSection, topTermsSection } from './sections/top-terms.js';
import { REPORT_CSS } from './styles.js';
import { validateReportData } from './validate-report-data.js';

/**
 * Renders a report as ONE self-contained HTML document: inline CSS, every chart an
 * inline SVG rendered on the server (Vega-Lite → vega, headless), no scripts and no
 * external resources, so it opens offline and reads without JavaScript. Absent
 * sections are left out. All text from `data` is escaped. Throws a `TypeError` or
 * `RangeError` naming the field when `data` is malformed.
 *
 * @example
 * const html = await renderReport({
 *   header: { title: 'LGSR 5k — K = 20', parameters: { K: 20, alpha: 0.1 } },
 *   topics: [{ topic: 0, label: 'Baby care', prevalence: 0.07, terms: [{ term: 'DIAPERS', probability: 0.21 }] }],
 * });
 */
export async function renderReport(data: ReportData): Promise<string> {
  validateReportData(data);
  const ctx = reportContext(data);
  const header = headerHtml(data.header);
  const built = [
    await topTermsSection(data, ctx),
    await prevalenceSection(data, ctx),
    await convergenceSection(data, ctx),
    await evaluationSection(data, ctx),
    await topicKSection(data, ctx),
    await customerKSection(data, ctx),
    await segmentsSection(data, ctx),
    await customerMapSection(data, ctx),
    await missionsSection(data, ctx),
    await recommendationsSection(data, ctx),
    bundlesSection(data, ctx),
    await layoutSection(data, ctx),
  ];
  const sections = built.filter((s): s is Section => s !== undefined);
  const toc = [
    ...(header.hasFacts ? [`<li><a href="#${RUN_ID}">Run parameters and data summary</a></li>`] : []),
    ...sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`),
  ];
  const body = sections
    .map(
      (s, i) =>
        `<section class="report-section" id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h"><span class="n">${i + 1}</span>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="@atm/report">
<title>${escapeHtml(data.header.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<div class="page">
${header.html}
${toc.length > 0 ? `<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>${toc.join('')}</ol></nav>` : ''}
<main>
${body}
</main>
<footer class="report-footer">ATM Segmenter report · self-contained: charts are static SVG rendered at build time, no scripts, no external resources.</footer>
</div>
</body>
</html>
`;
}
