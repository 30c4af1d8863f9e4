import type { BackendChoice } from '@atm/core';
import { availableParallelism } from 'node:os';
import { UsageError } from './errors.js';
import type { CorpusChoice } from './pipeline/corpora.js';
import type { TrainChoice } from './pipeline/train.js';

export const LEVELS = ['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'] as const;
export const BACKENDS = ['auto', 'native', 'ts'] as const;

/** Flags shared by `train` and `run` that choose the corpus and the model. */
export interface ModelFlags {
  preset?: 'seed';
  level?: CorpusChoice['level'];
  topics: number;
  iterations: number | 'auto';
  backend: BackendChoice;
  threads?: number;
  seed: number;
  optimize: boolean;
  samples: number;
}

export function iterationsFlag(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new UsageError(`--iterations expects a positive integer or "auto", got ${JSON.stringify(value)}`);
  return n;
}

export function corpusChoice(flags: Pick<ModelFlags, 'preset' | 'level'>): CorpusChoice {
  return { ...(flags.preset ? { preset: flags.preset } : {}), ...(flags.level ? { level: flags.level } : {}) };
}

export function trainChoice(flags: ModelFlags): TrainChoice {
  return {
    topics: flags.topics,
    iterations: flags.iterations,
    backend: flags.backend,
    threads: flags.threads ?? (flags.backend === 'ts' ? 1 : availableParallelism()),
    seed: flags.seed,
    optimize: flags.optimize,
    posteriorSamples: flags.samples,
  };
}
