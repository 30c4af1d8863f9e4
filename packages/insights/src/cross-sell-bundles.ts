import type { AuthorTopicModel, Corpus } from '@atm/core';
import { basketItems } from './basket-items.js';
import { CoOccurrence } from './co-occurrence.js';
import { checkOptions, expectCorpus, expectInteger, expectModel, expectModelTerms, expectNumber, invalid } from './errors.js';
import { topK } from './top-k.js';

export interface CrossSellOptions {
  /** Top terms of each topic whose pairs are candidates. Default 15 (at most the vocabulary). */
  topTerms?: number;
  /** Least share of baskets holding every item of a bundle. Default 0.001. */
  minSupport?: number;
  /** Keep bundles whose lift exceeds this. Default 1. */
  minLift?: number;
  /** Also return triples whose three pairs are all kept. Default true. */
  triples?: boolean;
  /** Row order, descending. Default 'lift' (then support). */
  sortBy?: 'lift' | 'support' | 'confidence' | 'topicScore';
  /** At most this many rows after sorting. Default all. */
  limit?: number;
}

/** Items bought together more often than by chance, and the topic that ties them together. */
export interface Bundle {
  /** The antecedent item(s) first, the consequent last: the rule with the highest confidence. */
  items: string[];
  /** The topic maximizing the product of the items' φ. */
  topic: number;
  /** Share of baskets holding every item. */
  support: number;
  /** Baskets holding every item. */
  count: number;
  /** P(last item | the others) over the baskets. */
  confidence: number;
  /** P(all) / Π P(item): above 1 when bought together more often than independently. */
  lift: number;
  /** Π φ_k,item for `topic`. */
  topicScore: number;
}

const SORT_KEYS = ['lift', 'support', 'confidence', 'topicScore'] as const;

/**
 * Cross-sell bundles that a topic explains: candidate pairs are the pairs among each topic's top
 * terms; they are counted in the baskets (restricted to candidate items, one sparse co-occurrence
 * pass); a pair is kept when its support reaches `minSupport` and its lift exceeds `minLift`.
 * Triples are the sets whose three pairs were all kept (Apriori's join), counted in a second pass
 * over the same restricted baskets and kept by the same rules. Each bundle is attributed to the
 * topic maximizing Π φ_k,item, and oriented as its most confident rule.
 *
 * @example
 * crossSellBundles(model, baskets, { topTerms: 20, minSupport: 0.002 }).slice(0, 10);
 * // [{ items: ['CL00123', 'CL00456'], topic: 4, support: 0.004, confidence: 0.31, lift: 5.2, topicScore: 0.0012, count: 812 }, …]
 */
export function crossSellBundles(model: AuthorTopicModel, corpus: Corpus, options?: CrossSellOptions): Bundle[] {
  expectModel(model);
  expectCorpus(corpus, 'corpus');
  expectModelTerms(corpus, model, 'corpus');
  const opts = checkOptions(options, ['topTerms', 'minSupport', 'minLift', 'triples', 'sortBy', 'limit'], 'crossSellBundles options');
  const K = model.numTopics;
  const V = corpus.numTerms;
  const T = expectInteger(opts.topTerms ?? Math.min(15, V), 'options.topTerms', 2, V);
  const minSupport = expectNumber(opts.minSupport ?? 0.001, 'options.minSupport', 0, 1);
  const minLift = expectNumber(opts.minLift ?? 1, 'options.minLift', 0);
  const triples = opts.triples ?? true;
  if (typeof triples !== 'boolean') throw new TypeError(invalid('a boolean', 'options.triples', triples));
  const sortBy = opts.sortBy ?? 'lift';
  if (!SORT_KEYS.includes(sortBy)) throw new RangeError(invalid(`one of ${SORT_KEYS.join(', ')}`, 'options.sortBy', sortBy));
  const limit = opts.limit === undefined ? Infinity : expectInteger(opts.limit, 'options.limit', 1);

  // Candidate items: the union of every topic's top terms, numbered densely (slots).
  const phi = model.topicTermMatrix();
  const slotOf = new Int32Array(V).fill(-1);
  const termOf: number[] = [];
  const topSlots: number[][] = [];
  for (let k = 0; k < K; k++) {
    const top = topK(phi.subarray(k * V, k * V + V), T);
    topSlots.push(Array.from(top, (w) => (slotOf[w] >= 0 ? slotOf[w] : ((slotOf[w] = termOf.length), termOf.push(w), slotOf[w]))));
  }
  const m = termOf.length;
  const candidate = new Uint8Array(m * m);
  for (const slots of topSlots) for (const a of slots) for (const b of slots) if (a !== b) candidate[a * m + b] = 1;

  const baskets = basketItems(corpus, slotOf, m);
  const cooc = CoOccurrence.fromBaskets(baskets);
  const D = corpus.numDocs;
  const n = cooc.basketCounts;
  const minCount = Math.max(1, minSupport * D);
  const bestTopic = (slots: number[]): { topic: number; score: number } => {
    let topic = 0;
    let score = -1;
    for (let k = 0; k < K; k++) {
      let s = 1;
      for (const x of slots) s *= phi[k * V + termOf[x]];
      if (s > score) {
        score = s;
        topic = k;
      }
    }
    return { topic, score };
  };
  const rows: Bundle[] = [];
  const row = (antecedent: number[], consequent: number, count: number, confidence: number, lift: number): void => {
    const slots = [...antecedent, consequent];
    const { topic, score } = bestTopic(slots);
    rows.push({ items: slots.map((x) => corpus.terms[termOf[x]]), topic, support: count / D, count, confidence, lift, topicScore: score });
  };

  const kept = new Uint8Array(m * m);
  for (let a = 0; a < m; a++)
    for (let j = cooc.offsets[a]; j < cooc.offsets[a + 1]; j++) {
      const b = cooc.partners[j];
      const nab = cooc.counts[j];
      if (b <= a || !candidate[a * m + b] || nab < minCount) continue;
      const lift = cooc.lift(a, b);
      if (!(lift > minLift)) continue;
      kept[a * m + b] = kept[b * m + a] = 1;
      // The rarer item is the better antecedent (its rule has the higher confidence); ties: lower term id.
      const [x, y] = n[a] < n[b] || (n[a] === n[b] && termOf[a] < termOf[b]) ? [a, b] : [b, a];
      row([x], y, nab, nab / n[x], lift);
    }

  if (triples) {
    const counts = countTriples(baskets.offsets, baskets.items, m, kept);
    for (const [key, nabc] of counts) {
      if (nabc < minCount) continue;
      const c = key % m;
      const b = ((key - c) / m) % m;
      const a = (key - c - b * m) / (m * m);
      const lift = (nabc * D * D) / (n[a] * n[b] * n[c]);
      if (!(lift > minLift)) continue;
      // The most confident rule {x, y} → z divides by the rarest pair.
      const rules: [number, number, number][] = [[a, b, c], [a, c, b], [b, c, a]];
      let best = rules[0];
      for (const r of rules) if (cooc.count(r[0], r[1]) < cooc.count(best[0], best[1])) best = r;
      row([best[0], best[1]], best[2], nabc, nabc / cooc.count(best[0], best[1]), lift);
    }
  }
  const key = (r: Bundle): string => r.items.join('\u0000');
  rows.sort((p, q) => q[sortBy] - p[sortBy] || q.support - p.support || (key(p) < key(q) ? -1 : key(p) > key(q) ? 1 : 0));
  return rows.length > limit ? rows.slice(0, limit) : rows;
}

/** Baskets holding each triple a < b < c of slots whose three pairs are all `kept`, keyed `(a·m + b)·m + c`. */
function countTriples(offsets: Uint32Array, items: Uint32Array, m: number, kept: Uint8Array): Map<number, number> {
  const counts = new Map<number, number>();
  const present: number[] = [];
  for (let d = 0; d + 1 < offsets.length; d++) {
    present.length = 0;
    for (let i = offsets[d]; i < offsets[d + 1]; i++) present.push(items[i]);
    if (present.length < 3) continue;
    present.sort((x, y) => x - y);
    for (let i = 0; i < present.length; i++) {
      const a = present[i];
      for (let j = i + 1; j < present.length; j++) {
        const b = present[j];
        if (!kept[a * m + b]) continue;
        for (let l = j + 1; l < present.length; l++) {
          const c = present[l];
          if (!kept[a * m + c] || !kept[b * m + c]) continue;
          const key = (a * m + b) * m + c;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return counts;
}
