import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { expectNonEmptyString } from './errors.js';
import { renderReport } from './render-report.js';
import type { ReportData } from './report-data.js';

/**
 * Renders a report and writes it to `path` (UTF-8), creating missing folders.
 * Resolves to the number of bytes written.
 *
 * @example
 * const bytes = await reportToFile(data, 'out/report.html');
 */
export async function reportToFile(data: ReportData, path: string): Promise<number> {
  expectNonEmptyString(path, 'path');
  const html = await renderReport(data);
  await mkdir(dirname(path), { recursive: true });
  const bytes = Buffer.from(html, 'utf8');
  await writeFile(path, bytes);
  return bytes.byteLength;
}
