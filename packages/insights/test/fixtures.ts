import {
  AuthorTopicModel,
  Corpus,
  Rng,
  rowCumulativeWeights,
  sampleFromCdf,
  samplePlantedMixtures,
  samplePlantedTopics,
  samplePoisson,
  type DocumentInput,
} from '@atm/core';

export interface MissionCorpusOptions {
  numAuthors: number;
  numTerms: number;
  numTopics: number;
  /** Baskets per customer (exactly). */
  docsPerAuthor: number;
  /** Mean basket length (1 + Poisson). */
  docLength: number;
  /** Personal favourite terms per customer (uniform over the vocabulary). */
  favourites?: number;
  /** Probability that a token is one of the customer's favourites (a re-buy) instead of a mission term. */
  rebuy?: number;
  /** `basket`: one topic per basket (a shopping mission); `token`: a topic per token, as the author-topic model assumes. Default `basket`. */
  topicPer?: 'basket' | 'token';
  /** Dirichlet concentration of customers' mixtures over missions (total). */
  concentration?: number;
  seed?: number;
}

export interface MissionCorpus {
  /** Per customer, baskets in time order. */
  byAuthor: DocumentInput[][];
  /** The planted mission (topic) of every basket, in the order of `byAuthor.flat()`. */
  missions: number[];
  /** `t0 … t(V-1)`: the vocabulary in the planted φ's order. */
  terms: string[];
  phi: Float64Array;
  theta: Float64Array;
}

/**
 * Baskets with one mission each: a customer picks a topic from their mixture, fills the basket from
 * that topic's terms, and replaces each token by one of their favourite terms with probability `rebuy`.
 */
export function sampleMissionCorpus(o: MissionCorpusOptions): MissionCorpus {
  const seed = o.seed ?? 1;
  const K = o.numTopics;
  const V = o.numTerms;
  const phi = samplePlantedTopics(Rng.forStream(seed, 1, 0), { numTopics: K, numTerms: V });
  const { theta } = samplePlantedMixtures(Rng.forStream(seed, 1, 1), {
    numAuthors: o.numAuthors,
    numTopics: K,
    numSegments: 0,
    concentration: o.concentration ?? 0.5 * K,
  });
  const phiCdf = rowCumulativeWeights(phi, V);
  const thetaCdf = rowCumulativeWeights(theta, K);
  const rng = Rng.forStream(seed, 1, 2);
  const F = o.favourites ?? 0;
  const rebuy = o.rebuy ?? 0;
  const byAuthor: DocumentInput[][] = [];
  const missions: number[] = [];
  let id = 0;
  for (let a = 0; a < o.numAuthors; a++) {
    const favourites = Array.from({ length: F }, () => rng.below(V));
    const docs: DocumentInput[] = [];
    for (let i = 0; i < o.docsPerAuthor; i++) {
      const k = sampleFromCdf(rng, thetaCdf, a * K, a * K + K);
      const length = 1 + samplePoisson(rng, o.docLength - 1);
      const terms: string[] = [];
      for (let n = 0; n < length; n++) {
        const t = o.topicPer === 'token' ? sampleFromCdf(rng, thetaCdf, a * K, a * K + K) : k;
        const w = F > 0 && rng.uniform() < rebuy ? favourites[rng.below(F)] : sampleFromCdf(rng, phiCdf, t * V, t * V + V);
        terms.push(`t${w}`);
      }
      missions.push(k);
      docs.push({ id: `d${id++}`, authors: [`a${a}`], terms });
    }
    byAuthor.push(docs);
  }
  return { byAuthor, missions, terms: Array.from({ length: V }, (_, w) => `t${w}`), phi, theta };
}

export interface TimeSplits {
  train: Corpus;
  validation: Corpus;
  test: Corpus;
}

/** Each customer's last `testDocs` baskets are the test, the `validationDocs` before them the validation, the rest training. */
export function splitByTime(byAuthor: readonly DocumentInput[][], validationDocs: number, testDocs: number): TimeSplits {
  const train: DocumentInput[] = [];
  const validation: DocumentInput[] = [];
  const test: DocumentInput[] = [];
  for (const docs of byAuthor) {
    const n = docs.length;
    train.push(...docs.slice(0, n - validationDocs - testDocs));
    validation.push(...docs.slice(n - validationDocs - testDocs, n - testDocs));
    test.push(...docs.slice(n - testDocs));
  }
  const trainCorpus = Corpus.fromDocuments(train);
  const fixed = { terms: trainCorpus.terms, authorIds: trainCorpus.authorIds, unknown: 'skip' as const };
  return { train: trainCorpus, validation: Corpus.fromDocuments(validation, fixed), test: Corpus.fromDocuments(test, fixed) };
}

/** A model trained on the TypeScript backend. */
export async function trainModel(corpus: Corpus, numTopics: number, iterations = 100, seed = 1): Promise<AuthorTopicModel> {
  const model = new AuthorTopicModel({ numTopics, backend: 'ts', seed, alpha: 0.1 });
  await model.fit(corpus, { iterations, evalEvery: iterations });
  return model;
}
