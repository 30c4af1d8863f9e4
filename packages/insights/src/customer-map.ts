import { hellinger, pca } from '@atm/cluster';
import type { AuthorTopicModel } from '@atm/core';
import { checkOptions, expectArrayLike, expectModel } from './errors.js';

export interface CustomerMapOptions<S> {
  /** A segment label per customer (same order as `model.corpus.authorIds`), passed through. */
  segments?: ArrayLike<S>;
}

/** Customers placed on a plane: the first two principal components of their Hellinger-mapped topic mixtures. */
export interface CustomerMap<S> {
  customerIds: readonly string[];
  x: Float64Array;
  y: Float64Array;
  /** The labels given in `segments`, unchanged. */
  segments?: ArrayLike<S>;
  /** Share of the total variance along x and along y. */
  explainedVarianceRatio: [number, number];
  /** The two axes as unit vectors over sqrt(θ_k), 2 x K row-major: which topics pull customers which way. */
  axes: Float64Array;
}

/**
 * A 2-D map of customers: PCA (@atm/cluster) of `sqrt(θ_u)`, where Euclidean distance is Hellinger
 * distance between topic mixtures. Segment labels are passed through for colouring.
 *
 * @example
 * const map = customerMap(model, { segments: kmeans(hellinger(theta), { k: 8 }).labels });
 * // plot (map.x[i], map.y[i]) coloured by map.segments[i]
 */
export function customerMap<S = number>(model: AuthorTopicModel, options?: CustomerMapOptions<S>): CustomerMap<S> {
  expectModel(model);
  const opts = checkOptions(options, ['segments'], 'customerMap options');
  const corpus = model.corpus;
  const A = corpus.numAuthors;
  const K = model.numTopics;
  const segments = opts.segments === undefined ? undefined : expectArrayLike<S>(opts.segments, 'options.segments', A);
  const theta = model.authorTopicMatrix();
  const components = Math.min(2, K);
  const { scores, components: axes, explainedVarianceRatio: ratio } = pca(hellinger({ data: theta, n: A, d: K }), { components });
  const x = new Float64Array(A);
  const y = new Float64Array(A);
  for (let a = 0; a < A; a++) {
    x[a] = scores.data[a * components];
    if (components === 2) y[a] = scores.data[a * components + 1];
  }
  const twoAxes = new Float64Array(2 * K);
  twoAxes.set(axes.data);
  return { customerIds: corpus.authorIds, x, y, ...(segments ? { segments } : {}), explainedVarianceRatio: [ratio[0], ratio[1] ?? 0], axes: twoAxes };
}
