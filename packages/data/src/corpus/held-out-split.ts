import { streamKey } from '@atm/core';
import type { HeldOutSplit } from './corpus-options.js';

/** What the split needs to know about one document. */
export interface SplitDocument {
  basketId: string;
  author: string;
  week: number;
}

/**
 * The seeded 32-bit hash of a basket id (a decimal integer below 2^53) that orders a customer's
 * baskets for the fraction split. Pure integer arithmetic: the same on every platform.
 *
 * @example
 * basketHash('994100100398294', 7); // a number in 0..2^32-1
 */
export function basketHash(basketId: string, seed: number): number {
  const n = Number(basketId);
  const hi = Math.floor(n / 4294967296);
  return streamKey(seed, hi >>> 0, (n - hi * 4294967296) >>> 0);
}

/**
 * Decide which documents are held out. `fraction`: per author, the `floor(fraction × n)` documents
 * with the smallest {@link basketHash} (ties by id), so every author keeps at least one training
 * document when `fraction < 1`. `week`: every document after `afterWeek`.
 *
 * @example
 * const held = heldOutMask(docs, { by: 'fraction', fraction: 0.2, seed: 1 }); // Uint8Array, 1 = held out
 */
export function heldOutMask(docs: readonly SplitDocument[], split: HeldOutSplit): Uint8Array {
  const mask = new Uint8Array(docs.length);
  if (split.by === 'week') {
    docs.forEach((d, i) => {
      if (d.week > split.afterWeek) mask[i] = 1;
    });
    return mask;
  }
  const seed = split.seed ?? 0;
  const byAuthor = new Map<string, number[]>();
  docs.forEach((d, i) => {
    let list = byAuthor.get(d.author);
    if (!list) byAuthor.set(d.author, (list = []));
    list.push(i);
  });
  const hashes = docs.map((d) => basketHash(d.basketId, seed));
  for (const list of byAuthor.values()) {
    const k = Math.floor(split.fraction * list.length);
    if (k === 0) continue;
    list.sort((a, b) => hashes[a] - hashes[b] || compareIds(docs[a].basketId, docs[b].basketId));
    for (let j = 0; j < k; j++) mask[list[j]] = 1;
  }
  return mask;
}

/**
 * Numeric order of decimal id strings without leading zeros.
 *
 * @example
 * compareIds('99', '100'); // < 0
 */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
