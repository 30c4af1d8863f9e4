import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportToFile } from '../src/report-to-file.js';
import { fullFixture, QUOTES, SCRIPT } from './fixture.js';
import { repoRoot } from './repo-root.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the page did while it loaded: every request, console error and uncaught error. */
interface PageLog {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function openReport(browser: BrowserContext, file: string, width: number): Promise<{ log: PageLog; page: Page }> {
  const log: PageLog = { requests: [], errors: [], dialogs: [] };
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { log, page };
}

describe('the report in headless Chromium', () => {
  let dir = '';
  let launched: BrowserContext | undefined;

  /** The browser, or a failure (never a skip) telling how to install it. */
  function browserOrFail(): BrowserContext {
    if (!launched) {
      throw new Error(`${CHROMIUM} is missing: install Debian's chromium with \`apt-get install -y chromium\` (CI installs it)`);
    }
    return launched;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'atm-report-browser-'));
    if (!existsSync(CHROMIUM)) return;
    // A fresh profile: Playwright passes it to Chromium as --user-data-dir.
    launched = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      offline: true,
    });
  });

  afterAll(async () => {
    await launched?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads with no network request and no console error, and renders every chart', async () => {
    const browser = browserOrFail();
    const file = join(dir, 'report.html');
    await reportToFile(fullFixture(), file);
    const { log, page } = await openReport(browser, file, 1280);
    // The only request is the document itself.
    expect(log.requests).toEqual([pathToFileURL(file).href]);
    expect(log.errors).toEqual([]);
    const state = await page.evaluate(() => ({
      scripts: document.scripts.length,
      svgs: document.querySelectorAll('svg').length,
      unsized: [...document.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width < 50).length,
      overflowX: document.documentElement.scrollWidth > window.innerWidth,
      resources: performance.getEntriesByType('resource').length,
    }));
    expect(state).toEqual({ scripts: 0, svgs: 33, unsized: 0, overflowX: false, resources: 0 });

    const artifacts = join(repoRoot(), 'artifacts');
    await mkdir(artifacts, { recursive: true });
    const shot = join(artifacts, 'report-screenshot.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(50_000);
    await page.close();
  });

  it('fits a phone-width viewport without horizontal page scrolling', async () => {
    const browser = browserOrFail();
    const file = join(dir, 'report-narrow.html');
    await reportToFile(fullFixture({ customers: 600 }), file);
    const { log, page } = await openReport(browser, file, 390);
    expect(log.errors).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('shows hostile strings as text and runs nothing', async () => {
    const browser = browserOrFail();
    const file = join(dir, 'report-hostile.html');
    await reportToFile(fullFixture({ hostile: true, customers: 600 }), file);
    const { log, page } = await openReport(browser, file, 1280);
    expect(log.requests).toEqual([pathToFileURL(file).href]);
    expect(log.errors).toEqual([]);
    expect(log.dialogs).toEqual([]);
    const dom = await page.evaluate(() => ({
      title: document.title,
      scripts: document.scripts.length,
      h1: document.querySelector('h1')?.textContent,
      cells: [...document.querySelectorAll('td, th')].map((c) => c.textContent ?? ''),
      svgText: [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? ''),
      svgLabels: [...document.querySelectorAll('svg [aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''),
    }));
    expect(dom.scripts).toBe(0);
    expect(dom.title).toBe(`Report ${SCRIPT} ${QUOTES}`);
    expect(dom.h1).toBe(`Report ${SCRIPT} ${QUOTES}`);
    for (const s of [SCRIPT, QUOTES]) {
      expect(dom.cells.some((c) => c.includes(s)), s).toBe(true);
      expect(dom.svgText.some((t) => t.includes(s)), s).toBe(true);
      expect(dom.svgLabels.some((t) => t.includes(s)), s).toBe(true);
    }
    await page.close();
  });
});
