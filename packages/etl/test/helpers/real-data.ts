import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (packages/etl/test/helpers → four levels up). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The shared real data, beside the repository. */
export const LGSR_DIR = process.env.LGSR_DIR || resolve(REPO_ROOT, '../shared/data/lgsr-5k');

if (!existsSync(join(LGSR_DIR, 'time.csv'))) throw new Error(`The shared LGSR data is missing: ${LGSR_DIR}`);

/** A few real weekly files (a slice; the full set is for the benchmark). */
export const REAL_SLICE = ['200607', '200608', '200609'].map((w) => join(LGSR_DIR, `transactions_${w}.csv.gz`));
export const TIME_CSV = join(LGSR_DIR, 'time.csv');

/** Run a shell pipeline (zcat | awk …) — the independent reference the tests compare against. */
export function sh(script: string): string {
  return execFileSync('bash', ['-o', 'pipefail', '-c', script], { encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
}

/** Quote paths for a shell command line. */
export const quote = (paths: readonly string[]): string => paths.map((p) => `'${p.replace(/'/g, `'\\''`)}'`).join(' ');
