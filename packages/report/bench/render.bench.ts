/**
 * Render time and size of the full test fixture report (12 topics, 33 charts, 8,000
 * customers drawn as 5,000 map points). Run: `pnpm --filter @atm/report bench`.
 */
import { bench, describe } from 'vitest';
import { renderReport } from '../src/render-report.js';
import { fullFixture } from '../test/fixture.js';

const data = fullFixture();
const html = await renderReport(data);
const charts = html.split('<svg ').length - 1;
console.log(`full fixture report: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB, ${charts} inline SVG charts`);

describe('renderReport', () => {
  bench('full fixture', async () => {
    await renderReport(data);
  }, { iterations: 5, time: 0, warmupIterations: 1 });

  bench('header and topics only', async () => {
    await renderReport({ header: data.header, productLabels: data.productLabels, topics: data.topics });
  }, { iterations: 5, time: 0, warmupIterations: 1 });
});
