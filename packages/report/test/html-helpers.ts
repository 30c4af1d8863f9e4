/** Every section id of a full report, in page order. */
export const SECTION_IDS = [
  'top-products',
  'topic-prevalence',
  'convergence',
  'evaluation',
  'topic-k',
  'customer-k',
  'segments',
  'customer-map',
  'missions',
  'recommendations',
  'bundles',
  'layout',
] as const;

/** How often `needle` occurs in `html`. */
export function count(html: string, needle: string): number {
  return html.split(needle).length - 1;
}

/** The HTML of one `<section id=…>`, or '' when the report has no such section. */
export function sectionHtml(html: string, id: string): string {
  const start = html.indexOf(`<section class="report-section" id="${id}"`);
  if (start < 0) return '';
  return html.slice(start, html.indexOf('</section>', start));
}

/** The ids of the report's sections, in page order. */
export function sectionIds(html: string): string[] {
  return [...html.matchAll(/<section class="report-section" id="([a-z-]+)"/g)].map((m) => m[1]);
}
