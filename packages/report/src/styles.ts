import { CHART_FONT_STACK, FONT_STACK } from './font.js';
import { AXIS, GRID, HIGHLIGHT, INK, MUTED, PRIMARY } from './palette.js';

/** The report's inline stylesheet: responsive on screen, paginated cleanly in print. No external resources. */
export const REPORT_CSS = `
:root {
  --ink: ${INK}; --muted: ${MUTED}; --grid: ${GRID}; --axis: ${AXIS};
  --primary: ${PRIMARY}; --highlight: ${HIGHLIGHT};
  --paper: #ffffff; --canvas: #f3f5f8; --tint: #f7f9fb; --border: #dde3ea;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--canvas); color: var(--ink);
  font: 14px/1.5 ${FONT_STACK};
  font-feature-settings: "kern";
}
.page { max-width: 1160px; margin: 0 auto; padding: 28px 24px 48px; }
a { color: var(--primary); text-decoration: none; }
a:hover { text-decoration: underline; }
h1, h2, h3 { line-height: 1.25; margin: 0; }

.report-header {
  background: var(--paper); border: 1px solid var(--border); border-top: 4px solid var(--primary);
  border-radius: 6px; padding: 24px 28px 20px; margin-bottom: 20px;
}
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 11px; font-weight: 600; color: var(--primary); }
.report-header h1 { font-size: 26px; font-weight: 700; margin: 6px 0 4px; overflow-wrap: anywhere; }
.subtitle { margin: 0 0 4px; color: var(--muted); font-size: 15px; overflow-wrap: anywhere; }
.meta { margin: 0; color: var(--muted); font-size: 12.5px; }
.run { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 8px 32px; margin-top: 18px; }
.facts h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 0 0 6px; }

table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 10px; border-bottom: 1px solid var(--grid); text-align: left; vertical-align: top; overflow-wrap: break-word; }
thead th {
  font-size: 11.5px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em;
  border-bottom: 1.5px solid var(--axis); white-space: nowrap; background: var(--paper);
}
th[title] { cursor: help; text-decoration: underline dotted var(--axis); text-underline-offset: 3px; }
.num { text-align: right; white-space: nowrap; }
.narrow { width: 1%; }
tbody tr:nth-child(even) { background: var(--tint); }
table.kv th { font-weight: 500; color: var(--muted); width: 45%; }
table.kv td { font-weight: 600; white-space: normal; }
table.kv tr:nth-child(even) { background: transparent; }
.table-wrap { overflow-x: auto; margin: 8px 0 4px; border: 1px solid var(--border); border-radius: 4px; }
.table-wrap table th:first-child, .table-wrap table td:first-child { padding-left: 12px; }
.hint { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
.na { color: var(--axis); }
.muted { color: var(--muted); font-weight: 400; }
.code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .86em; color: var(--muted); }
tr.best-row td:first-child { font-weight: 600; }
.best { color: var(--highlight); }
.best::after { content: " ▲"; font-size: 9px; vertical-align: 1px; }

nav.toc {
  background: var(--paper); border: 1px solid var(--border); border-radius: 6px; padding: 14px 28px 16px; margin-bottom: 20px;
}
nav.toc h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-bottom: 6px; }
nav.toc ol { margin: 0; padding-left: 22px; columns: 3 220px; column-gap: 32px; }
nav.toc li { padding: 2px 0; break-inside: avoid; }

section.report-section {
  background: var(--paper); border: 1px solid var(--border); border-radius: 6px; padding: 20px 28px 24px; margin-bottom: 20px;
}
section.report-section > h2 { font-size: 19px; font-weight: 650; margin-bottom: 8px; }
section.report-section > h2 .n { color: var(--axis); font-weight: 500; margin-right: 8px; }
section h3 { font-size: 14.5px; font-weight: 600; margin: 22px 0 6px; }
.how { margin: 0 0 12px; color: #3b4754; max-width: 880px; }
.how-label {
  display: inline-block; font-size: 10.5px; font-weight: 700; text-transform: uppercase; letter-spacing: .06em;
  color: var(--primary); background: #e8eff6; border-radius: 3px; padding: 1px 6px; margin-right: 4px; vertical-align: 1px;
}

figure { margin: 8px 0 4px; }
figure svg { display: block; max-width: 100%; height: auto; }
figure svg text { font-family: ${CHART_FONT_STACK}; }
figure.wide { overflow-x: auto; }
figure.wide svg { max-width: none; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
.multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 14px 20px; }
.multiples.two { grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); }
/* Grid items may shrink below their SVG's intrinsic width (the SVG then scales down). */
.multiples > *, .examples > *, .metrics > *, .run > * { min-width: 0; }
figure.multiple { margin: 0; padding: 10px 12px; border: 1px solid var(--grid); border-radius: 4px; break-inside: avoid; }
figure.multiple > figcaption:first-child { font-size: 13px; color: var(--ink); margin: 0 0 4px; display: flex; justify-content: space-between; gap: 8px; }
figure.multiple > figcaption:first-child .muted { font-size: 11.5px; white-space: nowrap; }

.metrics { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 4px 0 14px; }
.metric { border: 1px solid var(--border); border-left: 3px solid var(--primary); border-radius: 4px; padding: 10px 14px; }
.metric-label { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
.metric-value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 2px 0; }
.metric-hint { font-size: 12px; color: var(--muted); }

.chips { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.chip { display: inline-block; background: #eef2f6; border: 1px solid var(--border); border-radius: 10px; padding: 0 8px; font-size: 12.5px; overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.databar { display: inline-block; width: 56px; height: 8px; background: var(--grid); border-radius: 2px; margin-right: 8px; vertical-align: 0; overflow: hidden; }
.databar > span { display: block; height: 100%; background: var(--primary); }

.examples { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 14px; }
.example { border: 1px solid var(--border); border-radius: 4px; padding: 10px 14px 12px; break-inside: avoid; }
.example header { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; margin-bottom: 4px; }
.example .customer { font-weight: 650; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
.example .label { font-size: 11px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 8px 0 3px; font-weight: 600; }
table.ranked td, table.ranked th { padding: 3px 6px; }
table.ranked .rank { color: var(--muted); width: 28px; }
tr.hit td { background: #fff1e8; }
.badge { display: inline-block; font-size: 10px; font-weight: 700; text-transform: uppercase; color: #fff; background: var(--highlight); border-radius: 3px; padding: 0 5px; vertical-align: 1px; }

footer.report-footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }

@media (max-width: 640px) {
  .page { padding: 12px 8px 32px; }
  .report-header, section.report-section, nav.toc { padding: 14px 14px 16px; }
  .multiples, .multiples.two, .examples { grid-template-columns: 1fr; }
}

@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #fff; font-size: 11px; }
  .page { max-width: none; padding: 0; }
  .report-header, nav.toc, section.report-section { border: none; border-radius: 0; padding: 0; margin: 0 0 14px; }
  .report-header { border-top: 3px solid var(--primary); padding-top: 8px; }
  section.report-section { border-top: 1px solid var(--border); padding-top: 10px; }
  h2, h3 { break-after: avoid; }
  figure, .metric, .example, tr, .facts { break-inside: avoid; }
  figure.wide { overflow: visible; }
  figure.wide svg { max-width: 100%; }
  .table-wrap { overflow: visible; border: none; }
  tbody tr:nth-child(even) { background: transparent; }
  thead { display: table-header-group; }
  a { color: inherit; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
