import { LGSR_COLUMNS, TIME_COLUMNS } from '@atm/lgsr';
import type { LgsrColumn } from '@atm/lgsr';

export { LGSR_COLUMNS, TIME_COLUMNS };
export type { LgsrColumn };

/** Column positions in canonical order, for readable field access (`f[C.QUANTITY]`). */
export const C = Object.fromEntries(LGSR_COLUMNS.map((name, i) => [name, i])) as { readonly [K in LgsrColumn]: number };

/** What a header line says about a file. */
export type HeaderKind =
  | { kind: 'transactions'; /** Source position of each canonical column, or null when already canonical. */ order: number[] | null }
  | { kind: 'time'; order: number[] | null }
  | { kind: 'unknown'; reason: string };

function match(names: string[], expected: readonly string[]): { order: number[] | null } | { reason: string } {
  const upper = names.map((n) => n.trim().toUpperCase());
  const want = expected.map((n) => n.toUpperCase());
  const missing = want.filter((n) => !upper.includes(n));
  const unknown = upper.filter((n) => !want.includes(n));
  const repeated = upper.filter((n, i) => upper.indexOf(n) !== i);
  const problems: string[] = [];
  if (missing.length) problems.push(`missing ${missing.join(', ')}`);
  if (unknown.length) problems.push(`unknown ${unknown.map((n) => JSON.stringify(n)).join(', ')}`);
  if (repeated.length) problems.push(`repeated ${repeated.join(', ')}`);
  if (problems.length) return { reason: problems.join('; ') };
  const order = want.map((n) => upper.indexOf(n));
  return { order: order.every((p, i) => p === i) ? null : order };
}

/**
 * Classify a header line (BOM and CR already removed): LGSR transactions, time.csv, or neither (with
 * the reason). Column names match case-insensitively and in any order.
 *
 * @example
 * detectHeader('shop_week,date_from,date_to'); // { kind: 'time', order: null }
 * detectHeader('a,b').kind; // 'unknown'
 */
export function detectHeader(line: string): HeaderKind {
  const names = line.split(',');
  const time = match(names, TIME_COLUMNS);
  if ('order' in time) return { kind: 'time', order: time.order };
  const tx = match(names, LGSR_COLUMNS);
  if ('order' in tx) return { kind: 'transactions', order: tx.order };
  const shown = line.length > 80 ? `${line.slice(0, 80)}…` : line;
  return {
    kind: 'unknown',
    reason: `the header is neither the LGSR transactions header nor time.csv's (${tx.reason}); it reads ${JSON.stringify(shown)}`,
  };
}
