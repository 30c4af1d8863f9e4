/**
 * Ranking metrics for one hidden item per query. With a single relevant item, Recall@k is the hit
 * rate (1 when the item is in the top k) and NDCG@k is `1 / log2(rank + 2)` for a 0-based rank < k
 * (the ideal DCG is 1), else 0.
 */

/**
 * 0-based rank of entry `hidden` among the eligible entries, in the order of {@link topK}: the
 * number of eligible entries with a higher score, or an equal score and a lower index. Counting
 * stops at `limit`, so the result is `min(rank, limit)`.
 *
 * @example
 * rankOf(new Float64Array([0.3, 0.5, 0.3]), 2); // 2: index 1 scores higher, index 0 ties and comes first
 */
export function rankOf(scores: ArrayLike<number>, hidden: number, excluded?: ArrayLike<number>, limit = Infinity): number {
  const s = scores[hidden];
  let rank = 0;
  for (let w = 0; w < scores.length; w++) {
    if (w === hidden || (excluded !== undefined && excluded[w] !== 0)) continue;
    const v = scores[w];
    if (v > s || (v === s && w < hidden)) if (++rank >= limit) return limit;
  }
  return rank;
}

/**
 * Recall@k of one query: 1 when the hidden item's 0-based rank is below k.
 *
 * @example
 * recallAtK(3, 10); // 1
 */
export function recallAtK(rank: number, k: number): number {
  return rank < k ? 1 : 0;
}

/**
 * NDCG@k of one query with one relevant item: `1 / log2(rank + 2)` for a 0-based rank below k, else 0.
 *
 * @example
 * ndcgAtK(0, 10); // 1
 * ndcgAtK(1, 10); // 1 / log2(3) ≈ 0.6309
 */
export function ndcgAtK(rank: number, k: number): number {
  return rank < k ? 1 / Math.log2(rank + 2) : 0;
}

/**
 * Running means of Recall@k and NDCG@k (and the same at the fixed cutoff 10) over queries.
 *
 * @example
 * const tally = new RankingTally(10);
 * tally.add(0); tally.add(12);
 * tally.recall; // 0.5
 */
export class RankingTally {
  readonly k: number;
  count = 0;
  private hits = 0;
  private gain = 0;
  private hits10 = 0;
  private gain10 = 0;

  constructor(k: number) {
    this.k = k;
  }

  /** The deepest rank that matters: ranks at or beyond it count as misses at both cutoffs. */
  get limit(): number {
    return Math.max(this.k, 10);
  }

  add(rank: number): void {
    this.count++;
    this.hits += recallAtK(rank, this.k);
    this.gain += ndcgAtK(rank, this.k);
    this.hits10 += recallAtK(rank, 10);
    this.gain10 += ndcgAtK(rank, 10);
  }

  get recall(): number {
    return this.count ? this.hits / this.count : 0;
  }
  get ndcg(): number {
    return this.count ? this.gain / this.count : 0;
  }
  get recallAt10(): number {
    return this.count ? this.hits10 / this.count : 0;
  }
  get ndcgAt10(): number {
    return this.count ? this.gain10 / this.count : 0;
  }
}
