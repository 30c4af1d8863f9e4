import { AuthorTopicModel } from '@atm/core';
import { HybridRecommender, recommend, type HybridRecommenderOptions } from '@atm/insights';
import { UsageError } from '../errors.js';
import { modelInfo } from '../pipeline/train.js';

export interface RecommendFlags {
  model: string;
  customer: string;
  basket: string[];
  top: number;
}

/**
 * `segmenter recommend`: the top-N products not yet in the basket. Uses the tuned hybrid
 * (history + model + co-occurrence) when `segmenter run` stored its weights in the model, else the
 * model's predictive distribution for the customer given the basket.
 */
export function recommendCommand(flags: RecommendFlags): { term: string; score: number }[] {
  const model = AuthorTopicModel.load(flags.model);
  const info = modelInfo(model, flags.model);
  const unknown = flags.basket.filter((t) => model.corpus.termIndex(t) === undefined);
  if (unknown.length === flags.basket.length && flags.basket.length > 0)
    throw new UsageError(`None of the basket's products are in the model's vocabulary (${info.level}): ${unknown.join(', ')}`);
  const known = model.corpus.authorIndex(flags.customer) !== undefined;
  if (!known) process.stderr.write(`note: customer ${flags.customer} is not in the model; recommending for a new customer\n`);
  const tuned = (model.metadata as { recommender?: Pick<HybridRecommenderOptions, 'mu' | 'weights' | 'priorStrength'> }).recommender;
  const options = { customer: flags.customer, basket: flags.basket, topN: flags.top };
  return tuned ? new HybridRecommender(model, tuned).recommend(options) : recommend(model, options);
}
