import { availableParallelism } from 'node:os';
import { Corpus } from './corpus.js';
import { invalid, isPositiveInteger } from './errors.js';
import { coherence, heldOutLikelihood, topIndices } from './evaluation.js';
import { matchTopics } from './matching.js';
import { AuthorTopicModel, type FitOptions, type ModelOptions } from './model.js';

export interface SelectKOptions {
  /** Candidate numbers of topics, e.g. [5, 10, 15, …, 40]. */
  topics: readonly number[];
  /** Held-out documents (same vocabularies as the training corpus) for perplexity. */
  heldOut: Corpus;
  /** Two seeds per K: the first model is scored, both give the stability. Default [1, 2]. */
  seeds?: readonly [number, number];
  /** Model options other than numTopics and seed. */
  model?: Omit<ModelOptions, 'numTopics' | 'seed'>;
  /** Fit options (iterations default 'auto'). */
  fit?: Omit<FitOptions, 'heldOut' | 'signal' | 'onProgress'>;
  /** Terms per topic for coherence. Default 10. */
  topN?: number;
  /** Models trained at once; native fits run on their own threads. Default: available cores. */
  concurrency?: number;
  /** Stability below this excludes a K from the choice (unless every K is below). Default 0.8. */
  minStability?: number;
  /** The choice is the smallest K whose perplexity is within this fraction of the best. Default 0.01. */
  perplexitySlack?: number;
  onModel?: (r: { k: number; seed: number; seconds: number; sweeps: number }) => void;
  signal?: AbortSignal;
}

export interface SelectKRow {
  k: number;
  perplexity: number;
  heldOutPerToken: number;
  /** Mean UMass and NPMI per topic (never summed over topics, which always favours the smallest K). */
  umass: number;
  npmi: number;
  /** Mean cosine of one-to-one matched topics between the two seeds' models. */
  stability: number;
  sweeps: number;
  seconds: number;
}

export interface SelectKResult {
  rows: SelectKRow[];
  chosen: number;
  rule: string;
  models: Map<number, AuthorTopicModel>;
}

/**
 * Trains one model per K and seed (in parallel), scores each K on held-out perplexity, coherence and
 * stability across seeds, and picks K by a documented rule: among the K whose stability is at least
 * `minStability`, the smallest whose held-out perplexity is within `perplexitySlack` of the best.
 *
 * @example
 * const { rows, chosen } = await selectK(train, { topics: [5, 10, 20, 40], heldOut });
 */
export async function selectK(train: Corpus, options: SelectKOptions): Promise<SelectKResult> {
  const ks = [...options.topics];
  if (ks.length === 0 || !ks.every(isPositiveInteger)) throw new RangeError(invalid('a non-empty list of positive integers', 'topics', options.topics));
  if (!(options.heldOut instanceof Corpus)) throw new TypeError(invalid('a Corpus', 'heldOut', options.heldOut));
  const seeds = options.seeds ?? [1, 2];
  const topN = options.topN ?? 10;
  const minStability = options.minStability ?? 0.8;
  const slack = options.perplexitySlack ?? 0.01;
  const concurrency = options.concurrency ?? availableParallelism();
  const jobs = ks.flatMap((k) => seeds.map((seed) => ({ k, seed })));
  const models = new Map<string, AuthorTopicModel>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length && !options.signal?.aborted) {
      const { k, seed } = jobs[next++];
      const m = new AuthorTopicModel({ ...options.model, numTopics: k, seed });
      await m.fit(train, { iterations: 'auto', ...options.fit, signal: options.signal });
      models.set(`${k}/${seed}`, m);
      options.onModel?.({ k, seed, seconds: m.trace.at(-1)?.seconds ?? 0, sweeps: m.sweepsDone });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
  if (options.signal?.aborted) throw new Error('selectK was aborted');
  const rows = ks.map((k): SelectKRow => {
    const a = models.get(`${k}/${seeds[0]}`)!;
    const b = models.get(`${k}/${seeds[1]}`)!;
    const held = heldOutLikelihood(a.estimates(), options.heldOut);
    const phi = a.topicTermMatrix();
    const V = train.numTerms;
    const top = Array.from({ length: k }, (_, t) => topIndices(phi, topN, t * V, V));
    const c = coherence(top, train);
    return {
      k,
      perplexity: held.perplexity,
      heldOutPerToken: held.perToken,
      umass: c.umass,
      npmi: c.npmi,
      stability: matchTopics(phi, b.topicTermMatrix(), k, V).meanCosine,
      sweeps: a.sweepsDone,
      seconds: a.trace.at(-1)?.seconds ?? 0,
    };
  });
  const stable = rows.filter((r) => r.stability >= minStability);
  const pool = stable.length > 0 ? stable : rows;
  const best = Math.min(...pool.map((r) => r.perplexity));
  const chosen = pool.filter((r) => r.perplexity <= best * (1 + slack)).sort((x, y) => x.k - y.k)[0].k;
  const rule = `smallest K with held-out perplexity within ${slack * 100}% of the best (${best.toFixed(2)})${stable.length > 0 ? `, among K with topic stability ≥ ${minStability}` : ' (no K reached the stability threshold, so all were considered)'}`;
  return { rows, chosen, rule, models: new Map(ks.map((k) => [k, models.get(`${k}/${seeds[0]}`)!])) };
}
