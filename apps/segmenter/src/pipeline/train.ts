import { AuthorTopicModel, coherence, heldOutLikelihood, topIndices, type BackendChoice } from '@atm/core';
import { termHierarchy, type AtmDatabase, type CorpusStats } from '@atm/data';
import type { Reporter } from '../progress.js';
import { buildCorpora, type Corpora, type CorpusChoice, type Split } from './corpora.js';

export interface TrainChoice {
  topics: number;
  iterations: number | 'auto';
  backend: BackendChoice;
  threads: number;
  seed: number;
  /** Learn an asymmetric α and β during training (Minka fixed point). */
  optimize: boolean;
  /** States averaged for the final estimates. */
  posteriorSamples: number;
}

export interface Evaluation {
  heldOutPerplexity: number;
  heldOutPerToken: number;
  heldOutTokens: number;
  heldOutBaskets: number;
  umass: number;
  npmi: number;
}

/** What the CLI stores in a model file besides the model itself. */
export interface ModelInfo {
  database: string;
  corpus: CorpusChoice;
  split: Split;
  level: string;
  stats: CorpusStats;
  weeks?: Corpora['weeks'];
  /** Per term (aligned with the model's terms): its codes at levels prod_code_10 … prod_code_40 (null below the term's level). */
  hierarchy: (string | null)[][];
  train: TrainChoice & { backendUsed: string; sampler: string; sweeps: number; seconds: number };
  evaluation: Evaluation;
  trainedAt: string;
}

export const HIERARCHY_LEVELS = ['prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'] as const;

/** Held-out perplexity and mean per-topic coherence (top 10 terms, document window). */
export function evaluateModel(model: AuthorTopicModel, corpora: Pick<Corpora, 'train' | 'test'>): Evaluation {
  const held = heldOutLikelihood(model.estimates(), corpora.test);
  const V = model.corpus.numTerms;
  const phi = model.topicTermMatrix();
  const top = Array.from({ length: model.numTopics }, (_, k) => topIndices(phi, Math.min(10, V), k * V, V));
  const c = coherence(top, corpora.train);
  return { heldOutPerplexity: held.perplexity, heldOutPerToken: held.perToken, heldOutTokens: held.tokens, heldOutBaskets: corpora.test.numDocs, umass: c.umass, npmi: c.npmi };
}

/**
 * Builds the corpora, trains the model with progress, evaluates it and records everything the
 * other commands need in the model's metadata. Saving is the caller's.
 */
export async function trainFromDatabase(
  db: AtmDatabase,
  corpus: CorpusChoice,
  split: Split,
  choice: TrainChoice,
  reporter: Reporter,
): Promise<{ model: AuthorTopicModel; corpora: Corpora; info: ModelInfo }> {
  reporter.info(`building the corpus (${corpus.preset ? `preset ${corpus.preset}` : `level ${corpus.level ?? 'prod_code_10'}`})`);
  const corpora = await buildCorpora(db, corpus, split);
  const { train } = corpora;
  reporter.info(
    `corpus: ${train.numDocs} baskets, ${train.numAuthors} customers, ${train.numTerms} terms, ${train.numTokens} tokens; held out ${corpora.validation.numDocs} validation + ${corpora.test.numDocs} test baskets`,
  );
  const model = new AuthorTopicModel({
    numTopics: choice.topics,
    seed: choice.seed,
    backend: choice.backend,
    threads: choice.threads,
    ...(choice.optimize ? { optimizeInterval: 10, burnIn: 50 } : {}),
  });
  const maxIterations = choice.iterations === 'auto' ? 1000 : choice.iterations;
  const task = reporter.task('training', maxIterations);
  await model.fit(train, {
    iterations: choice.iterations,
    heldOut: corpora.validation,
    evalEvery: 10,
    posteriorSamples: choice.posteriorSamples,
    sampleLag: 5,
    onProgress: (p) => {
      const ll = p.logLikelihood !== undefined ? ` LL ${p.logLikelihood.toFixed(0)}` : '';
      const ppl = p.heldOutPerplexity !== undefined ? ` held-out perplexity ${p.heldOutPerplexity.toFixed(2)}` : '';
      task.update(p.iteration, `${(p.tokensPerSecond / 1e6).toFixed(1)}M tok/s${ll}${ppl}`);
    },
  });
  const seconds = model.trace.at(-1)?.seconds ?? 0;
  task.done(`${model.sweepsDone} sweeps in ${seconds.toFixed(1)}s on the ${model.backendName} backend (${model.sampler})`);
  const evaluation = evaluateModel(model, corpora);
  const level = corpora.level;
  const codes = new Map((await termHierarchy(db, level)).map((h) => [h.term, HIERARCHY_LEVELS.map((l) => h[l])]));
  const info: ModelInfo = {
    database: db.url,
    corpus,
    split,
    level,
    stats: corpora.stats,
    weeks: corpora.weeks,
    hierarchy: train.terms.map((t) => codes.get(t) ?? HIERARCHY_LEVELS.map(() => null)),
    train: { ...choice, backendUsed: model.backendName ?? '', sampler: model.sampler, sweeps: model.sweepsDone, seconds },
    evaluation,
    trainedAt: new Date().toISOString(),
  };
  model.metadata = info as unknown as Record<string, unknown>;
  return { model, corpora, info };
}

/** The CLI metadata of a loaded model, checked to be there. */
export function modelInfo(model: AuthorTopicModel, path: string): ModelInfo {
  const m = model.metadata as unknown as ModelInfo;
  if (!m || !Array.isArray(m.hierarchy) || !m.split) throw new Error(`${path} was not written by segmenter train (its metadata is missing)`);
  return m;
}
