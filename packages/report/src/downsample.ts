import { expectPositiveInteger } from './errors.js';

/**
 * Deterministic stratified down-sampling: keeps at most `max` items, each group in
 * proportion to its size (every group keeps at least one item when there are fewer
 * groups than places; largest remainders get the spare places), taking evenly spaced items
 * within a group so its spread is preserved. Order of the kept items follows the input.
 *
 * @example
 * const kept = downsample(points, 5000, (p) => p.segment);
 */
export function downsample<T>(items: readonly T[], max: number, groupOf: (item: T) => number): T[] {
  expectPositiveInteger(max, 'max');
  if (items.length <= max) return [...items];
  const groups = new Map<number, number[]>();
  items.forEach((item, i) => {
    const g = groupOf(item);
    let list = groups.get(g);
    if (!list) groups.set(g, (list = []));
    list.push(i);
  });
  const entries = [...groups.entries()].sort((a, b) => a[0] - b[0]);
  const exact = entries.map(([, list]) => (list.length * max) / items.length);
  // At least one item per group, then trim the largest quotas if that overshot.
  const quota = exact.map((q) => Math.max(1, Math.floor(q)));
  let total = quota.reduce((a, b) => a + b, 0);
  while (total > max) {
    let largest = 0;
    for (let i = 1; i < quota.length; i++) if (quota[i] > quota[largest]) largest = i;
    quota[largest] -= 1;
    total -= 1;
  }
  // Spare places go to the largest remainders; ties by group order.
  const order = entries.map((_, i) => i).sort((a, b) => exact[b] - quota[b] - (exact[a] - quota[a]) || a - b);
  for (const i of order) {
    if (total === max) break;
    if (quota[i] < entries[i][1].length) {
      quota[i] += 1;
      total += 1;
    }
  }
  const keep = new Uint8Array(items.length);
  entries.forEach(([, list], gi) => {
    const q = quota[gi];
    for (let j = 0; j < q; j++) keep[list[Math.floor((j * list.length) / q)]] = 1;
  });
  return items.filter((_, i) => keep[i] === 1);
}
