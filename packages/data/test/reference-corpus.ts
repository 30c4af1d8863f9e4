import type { CorpusOptions } from '../src/index.js';
import type { Fixture } from './fixture.js';

/** The corpus options, with the level as an index into a line's hierarchy path. */
export type RefOptions = Omit<CorpusOptions, 'level' | 'preset' | 'heldOut'> & { level?: 0 | 1 | 2 | 3 | 4 };

/** The documented cleaning, written the slow obvious way: documents as { id, author, counts by term }. */
export function referenceDocs(f: Fixture, o: RefOptions) {
  const level = o.level ?? 1;
  const weight = o.weight ?? 'lines';
  const inRange = f.lines.filter((l) => (o.fromWeek === undefined || l.week >= o.fromWeek) && (o.toWeek === undefined || l.week <= o.toWeek));
  const byBasket = new Map<string, { customer: string | null; counts: Map<string, number> }>();
  for (const l of inRange) {
    const term = l.path[level];
    const b = byBasket.get(l.basket) ?? { customer: l.customer, counts: new Map<string, number>() };
    byBasket.set(l.basket, b);
    const add = weight === 'lines' ? 1 : weight === 'quantity' ? l.quantity : 0;
    b.counts.set(term, weight === 'presence' ? 1 : (b.counts.get(term) ?? 0) + add);
  }
  const totals = new Map<string, number>();
  for (const b of byBasket.values()) for (const [t, w] of b.counts) totals.set(t, (totals.get(t) ?? 0) + w);
  const max = Math.max(...totals.values());
  const kept = new Set(
    [...totals].filter(([, t]) =>
      (o.minTermTotal === undefined || t >= o.minTermTotal) && (o.maxTermTotal === undefined || t <= o.maxTermTotal) &&
      (o.termShareAbove === undefined || t > o.termShareAbove * max) && (o.termShareBelow === undefined || t < o.termShareBelow * max),
    ).map(([term]) => term),
  );
  let docs: { id: string; author: string; counts: [string, number][] }[] = [];
  for (const [id, b] of [...byBasket].sort((x, y) => (BigInt(x[0]) < BigInt(y[0]) ? -1 : 1))) {
    const counts = [...b.counts].filter(([t]) => kept.has(t)).sort((x, y) => (x[0] < y[0] ? -1 : 1));
    const n = counts.reduce((s, [, w]) => s + w, 0);
    if (n === 0 || n < (o.minItems ?? 1)) continue;
    if (b.customer === null && (o.anonymous ?? 'drop') === 'drop') continue;
    docs.push({ id, author: b.customer ?? '(anonymous)', counts });
  }
  const per = new Map<string, number>();
  for (const d of docs) per.set(d.author, (per.get(d.author) ?? 0) + 1);
  docs = docs.filter((d) => (per.get(d.author) ?? 0) >= (o.minBasketsPerCustomer ?? 1));
  return docs;
}
