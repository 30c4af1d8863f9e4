import type { HybridWeights } from './recommender-scorer.js';
import { mix } from './recommender-scorer.js';
import type { RankingTally } from './ranking-metrics.js';

/**
 * Every weight triple on the simplex with steps of `1 / steps`, history weight outermost:
 * (0, 0, 1), (0, 1/steps, 1 − 1/steps), …, (1, 0, 0); `(steps + 1)(steps + 2) / 2` triples.
 *
 * @example
 * simplexGrid(2).length; // 6
 */
export function simplexGrid(steps: number): HybridWeights[] {
  const grid: HybridWeights[] = [];
  for (let i = 0; i <= steps; i++)
    for (let j = 0; j <= steps - i; j++) grid.push({ history: i / steps, model: j / steps, cooccurrence: (steps - i - j) / steps });
  return grid;
}

/**
 * Ranks the hidden item under every weight triple of a grid at once. The terms that could outrank
 * `hidden` under some non-negative weights are those beating it on at least one component (or tying
 * on one with a lower id); they are gathered once, then each triple only re-mixes that short list and
 * stops counting at `limit`. The mixture is the same expression as {@link mixScores}, so ranks equal
 * a full ranking of the mixed scores, except for mixtures that round to an exact tie although every
 * component is lower (a term that is lower everywhere is taken never to outrank).
 */
export class GridRanker {
  private readonly h: Float64Array;
  private readonly m: Float64Array;
  private readonly c: Float64Array;
  private readonly id: Int32Array;

  constructor(numTerms: number) {
    this.h = new Float64Array(numTerms);
    this.m = new Float64Array(numTerms);
    this.c = new Float64Array(numTerms);
    this.id = new Int32Array(numTerms);
  }

  addRanks(
    history: Float64Array,
    model: Float64Array,
    cooc: Float64Array,
    hidden: number,
    excluded: Uint8Array,
    grid: readonly HybridWeights[],
    tallies: readonly RankingTally[],
    limit: number,
  ): void {
    const { h: fh, m: fm, c: fc, id } = this;
    const hh = history[hidden];
    const hm = model[hidden];
    const hc = cooc[hidden];
    let f = 0;
    for (let w = 0; w < history.length; w++) {
      if (w === hidden || excluded[w] !== 0) continue;
      const a = history[w];
      const b = model[w];
      const c = cooc[w];
      if (a > hh || b > hm || c > hc || (w < hidden && (a === hh || b === hm || c === hc))) {
        fh[f] = a;
        fm[f] = b;
        fc[f] = c;
        id[f++] = w;
      }
    }
    for (let g = 0; g < grid.length; g++) {
      const { history: x, model: y, cooccurrence: z } = grid[g];
      const target = mix(x, y, z, hh, hm, hc);
      let rank = 0;
      for (let i = 0; i < f; i++) {
        const s = mix(x, y, z, fh[i], fm[i], fc[i]);
        if ((s > target || (s === target && id[i] < hidden)) && ++rank >= limit) break;
      }
      tallies[g].add(rank);
    }
  }
}
