import type { AuthorTopicModel, Corpus } from '@atm/core';
import { basketItems } from './basket-items.js';
import { CoOccurrence } from './co-occurrence.js';
import { checkOptions, expectArrayLike, expectCorpus, expectInteger, expectModel, expectModelTerms, expectNumber, invalid } from './errors.js';

export interface LayoutAffinityOptions {
  /** Category of each model term (same order as `model.corpus.terms`); null, undefined or '' leaves the term out. */
  categories: ArrayLike<string | null | undefined>;
  /** Weight of topic co-membership against co-purchase in the affinity. Default 0.5. */
  topicWeight?: number;
  /** How many adjacencies to suggest. Default 20. */
  top?: number;
}

/** One suggested adjacency: two categories and why they belong together. */
export interface Adjacency {
  a: string;
  b: string;
  affinity: number;
  topicSimilarity: number;
  lift: number;
}

/** C x C symmetric matrices (row-major) over `labels`. */
export interface LayoutAffinity {
  /** The categories, sorted. */
  labels: string[];
  /** Cosine between the categories' topic profiles p(k | c) ∝ p(k) Σ_{w ∈ c} φ_kw. */
  topicSimilarity: Float64Array;
  /** Co-purchase lift P(c, d) / (P(c) P(d)) over baskets (0 when a category never occurs). */
  lift: Float64Array;
  /** Co-purchase on [0, 1]: max(0, NPMI), NPMI = log lift / −log P(c, d). */
  copurchase: Float64Array;
  /** `topicWeight · topicSimilarity + (1 − topicWeight) · copurchase`; 1 on the diagonal. */
  affinity: Float64Array;
  /** The strongest pairs (c < d), by affinity descending. */
  pairs: Adjacency[];
}

/**
 * Affinity between categories (e.g. departments) for a floor plan, from two sources: topic
 * co-membership (the cosine between categories' topic profiles, from φ aggregated by category and
 * weighted by topic prevalence) and co-purchase (baskets holding both, as normalized PMI so it shares
 * the [0, 1] scale). The strongest pairs are the suggested adjacencies.
 *
 * @example
 * const categories = model.corpus.terms.map((t) => departmentOf.get(t));
 * const { labels, affinity, pairs } = layoutAffinity(model, baskets, { categories, top: 10 });
 */
export function layoutAffinity(model: AuthorTopicModel, corpus: Corpus, options: LayoutAffinityOptions): LayoutAffinity {
  expectModel(model);
  expectCorpus(corpus, 'corpus');
  expectModelTerms(corpus, model, 'corpus');
  if (options === null || typeof options !== 'object') throw new TypeError(invalid('an options object with categories', 'options', options));
  const opts = checkOptions(options, ['categories', 'topicWeight', 'top'], 'layoutAffinity options');
  const K = model.numTopics;
  const V = corpus.numTerms;
  const categories = expectArrayLike<string | null | undefined>(opts.categories, 'options.categories', V);
  const weight = expectNumber(opts.topicWeight ?? 0.5, 'options.topicWeight', 0, 1);
  const top = expectInteger(opts.top ?? 20, 'options.top', 0);

  const labelSet = new Set<string>();
  for (let w = 0; w < V; w++) {
    const c = categories[w];
    if (c !== null && c !== undefined && typeof c !== 'string') throw new TypeError(invalid('a string or null', `options.categories[${w}]`, c));
    if (c) labelSet.add(c);
  }
  const labels = [...labelSet].sort();
  const C = labels.length;
  if (C < 2) throw new RangeError(invalid('at least 2 categories', 'options.categories', `${C}`));
  const index = new Map(labels.map((l, i) => [l, i]));
  const categoryOf = Int32Array.from({ length: V }, (_, w) => (categories[w] ? index.get(categories[w]!)! : -1));

  // Topic profiles: P[c, k] = p(k) Σ_{w ∈ c} φ_kw, p(k) the topic's share of training tokens.
  const phi = model.topicTermMatrix();
  const nk = model.state.nk;
  let total = 0;
  for (let k = 0; k < K; k++) total += nk[k];
  const profile = new Float64Array(C * K);
  for (let k = 0; k < K; k++) {
    const pk = total > 0 ? nk[k] / total : 1 / K;
    for (let w = 0; w < V; w++) if (categoryOf[w] >= 0) profile[categoryOf[w] * K + k] += pk * phi[k * V + w];
  }
  const norm = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += profile[c * K + k] ** 2;
    norm[c] = Math.sqrt(s);
  }

  const cooc = CoOccurrence.fromBaskets(basketItems(corpus, categoryOf, C));
  const D = corpus.numDocs;
  const topicSimilarity = new Float64Array(C * C);
  const lift = new Float64Array(C * C);
  const copurchase = new Float64Array(C * C);
  const affinity = new Float64Array(C * C);
  const pairs: Adjacency[] = [];
  for (let c = 0; c < C; c++)
    for (let d = c; d < C; d++) {
      let dot = 0;
      for (let k = 0; k < K; k++) dot += profile[c * K + k] * profile[d * K + k];
      const cos = c === d ? 1 : norm[c] > 0 && norm[d] > 0 ? dot / (norm[c] * norm[d]) : 0;
      const l = cooc.lift(c, d);
      const pcd = cooc.count(c, d) / D;
      const npmi = c === d ? 1 : pcd === 0 ? -1 : pcd === 1 ? 1 : Math.log(l) / -Math.log(pcd);
      const co = Math.max(0, npmi);
      const aff = c === d ? 1 : weight * cos + (1 - weight) * co;
      for (const [i, j] of [[c, d], [d, c]]) {
        topicSimilarity[i * C + j] = cos;
        lift[i * C + j] = l;
        copurchase[i * C + j] = co;
        affinity[i * C + j] = aff;
      }
      if (c !== d) pairs.push({ a: labels[c], b: labels[d], affinity: aff, topicSimilarity: cos, lift: l });
    }
  pairs.sort((p, q) => q.affinity - p.affinity || q.lift - p.lift);
  return { labels, topicSimilarity, lift, copurchase, affinity, pairs: pairs.slice(0, top) };
}
