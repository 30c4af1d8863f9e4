import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adjustedRandIndex } from '@atm/cluster';
import { readTruth } from '@atm/synth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXPORT_HEADERS, SEGMENTS_HEADER, main, type RunSummary } from '../src/index.js';
import { recommendCommand } from '../src/commands/recommend.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'segmenter-e2e-'));
const data = join(dir, 'data');
const db = join(dir, 'test.db');
const model = join(dir, 'model.atm');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process (fast) and returns its exit code. */
async function cli(...argv: string[]): Promise<number> {
  return main([...argv, '--quiet'].filter((a, i, all) => a !== '--quiet' || all.indexOf('--quiet') === i));
}

/** Runs the built CLI as a child process, as a user would. */
function spawnCli(...argv: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, '--quiet', ...argv], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function header(path: string): string {
  return readFileSync(path, 'utf8').split('\n', 1)[0];
}

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}

describe('segmenter end to end on a tiny synthetic dataset', () => {
  beforeAll(async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await cli('generate', '--out', data, '--customers', '150', '--weeks', '12', '--seed', '5')).toBe(0);
    expect(await cli('ingest', data, '--db', db)).toBe(0);
  });

  it('train saves a model that reports held-out perplexity', async () => {
    expect(await cli('train', '--db', db, '--model', model, '--topics', '8', '--iterations', '80', '--seed', '2')).toBe(0);
    expect(existsSync(model)).toBe(true);
  });

  it('export writes the four CSVs with their exact headers', async () => {
    const out = join(dir, 'export');
    expect(await cli('export', '--model', model, '--out', out)).toBe(0);
    expect(header(join(out, 'phi.csv'))).toBe('topic,product_code,prob');
    expect(header(join(out, 'theta.csv'))).toBe('customer_code,topic,prob');
    expect(header(join(out, 'basket_topics.csv'))).toBe('basket_id,topic,prob');
    expect(header(join(out, 'topics.csv'))).toBe(EXPORT_HEADERS.topics.join(','));
    const phi = csvRows(join(out, 'phi.csv'));
    const topic0 = phi.filter((r) => r[0] === '0').reduce((s, r) => s + Number(r[2]), 0);
    expect(topic0).toBeCloseTo(1, 9);
    const theta = csvRows(join(out, 'theta.csv'));
    expect(new Set(theta.map((r) => r[0])).size * 8).toBe(theta.length);
    for (const r of csvRows(join(out, 'basket_topics.csv')).slice(0, 50)) expect(r[0]).toMatch(/^\d{15}$/);
  });

  it('segment recovers the planted segments (ARI ≥ 0.8) and writes customer_code,segment', async () => {
    const out = join(dir, 'segments.csv');
    const truth = await readTruth(data);
    expect(await cli('segment', '--model', model, '--db', db, '--k', String(truth.segments.length), '--out', out)).toBe(0);
    expect(header(out)).toBe(SEGMENTS_HEADER.join(','));
    const rows = csvRows(out);
    const ari = adjustedRandIndex(rows.map(([c]) => truth.customers[c].segment), rows.map(([, s]) => Number(s)));
    expect(ari).toBeGreaterThanOrEqual(0.8);
    expect(header(join(dir, 'segment_profiles.csv'))).toMatch(/^segment,customers,share,baskets,spendPerBasket,totalSpend,lifeStage/);
    expect(await cli('segment', '--model', model, '--db', db, '--k-range', '2..6', '--out', join(dir, 'segments-range.csv'))).toBe(0);
    expect(await cli('segment', '--model', model, '--db', db, '--method', 'dbscan', '--out', join(dir, 'segments-dbscan.csv'))).toBe(0);
  });

  it('recommend returns products not already in the basket', () => {
    const customer = csvRows(join(dir, 'segments.csv'))[0][0];
    const basket = csvRows(join(dir, 'export', 'topics.csv')).slice(0, 2).map((r) => r[2]);
    const recs = recommendCommand({ model, customer, basket, top: 5 });
    expect(recs).toHaveLength(5);
    for (const r of recs) expect(basket).not.toContain(r.term);
    expect(recs[0].score).toBeGreaterThanOrEqual(recs[4].score);
  });

  it('select-k scores each K and picks one', async () => {
    const out = join(dir, 'select-k.csv');
    expect(await cli('select-k', '--db', db, '--topics-range', '4..8', '--step', '4', '--iterations', '40', '--out', out)).toBe(0);
    const rows = csvRows(out);
    expect(rows.map((r) => Number(r[0]))).toEqual([4, 8]);
    expect(rows.filter((r) => r[8] === '1')).toHaveLength(1);
  });

  it('report writes one offline HTML file, with the select-k curves when given', async () => {
    const out = join(dir, 'report.html');
    expect(await cli('report', '--model', model, '--db', db, '--out', out, '--select-k', join(dir, 'select-k.csv'))).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script\b/);
    expect(html).toMatch(/number of topics/i);
  });

  it('run does the whole pipeline; the model beats popularity at recommending', async () => {
    const out = join(dir, 'run');
    expect(await cli('run', '--data', data, '--out', out, '--topics', '8', '--iterations', '60', '--k-range', '2..8')).toBe(0);
    for (const f of ['model.atm', 'phi.csv', 'theta.csv', 'basket_topics.csv', 'topics.csv', 'segments.csv', 'segment_profiles.csv', 'recommendations.csv', 'bundles.csv', 'report.html', 'summary.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as RunSummary;
    const recall = Object.fromEntries(summary.recommendations.map((r) => [r.method, r.recallAt10]));
    expect(recall.model).toBeGreaterThan(recall.popularity);
    expect(recall.hybrid).toBeGreaterThanOrEqual(Math.max(recall.popularity, recall.cooccurrence, recall.history));
    expect(summary.evaluation.heldOutPerplexity).toBeGreaterThan(1);
  });
});

describe('bad input gives a one-line error and exit code 2', () => {
  it.each([
    ['an unknown command', ['frobnicate']],
    ['an unknown flag', ['train', '--model', 'm.atm', '--topiks', '5']],
    ['a bad number', ['train', '--model', 'm.atm', '--topics', '0']],
    ['a bad range', ['segment', '--model', 'm.atm', '--k-range', '5..2', '--out', 's.csv']],
    ['a missing required flag', ['export', '--out', 'x']],
    ['a missing input file', ['ingest', 'no-such-dir/transactions_200607.csv.gz', '--db', 'x.db']],
    ['a missing model file', ['export', '--model', 'missing.atm', '--out', 'x']],
    ['a model file that is not a model', ['recommend', '--model', CLI, '--customer', 'C', '--basket', 'A,B']],
  ])('%s', (_name, argv) => {
    const r = spawnCli(...argv);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^segmenter: /);
  });

  it('--help exits 0 and lists every subcommand', () => {
    const r = spawnCli('--help');
    expect(r.code).toBe(0);
    for (const c of ['generate', 'ingest', 'train', 'select-k', 'export', 'segment', 'recommend', 'report', 'run']) expect(r.stdout).toContain(c);
  });
});
