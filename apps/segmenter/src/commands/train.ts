import { openDatabase } from '@atm/data';
import type { Reporter } from '../progress.js';
import { corpusChoice, trainChoice, type ModelFlags } from '../options.js';
import { trainFromDatabase, type ModelInfo } from '../pipeline/train.js';

export interface TrainFlags extends ModelFlags {
  db: string;
  model: string;
  holdout: number;
}

/** `segmenter train`: corpus from the database, model trained with progress, saved with its evaluation. */
export async function trainCommand(flags: TrainFlags, reporter: Reporter): Promise<ModelInfo> {
  const db = await openDatabase(flags.db);
  try {
    const { model, info } = await trainFromDatabase(db, corpusChoice(flags), { kind: 'fraction', fraction: flags.holdout, seed: flags.seed }, trainChoice(flags), reporter);
    model.save(flags.model);
    const e = info.evaluation;
    reporter.info(`saved ${flags.model}`);
    console.log(`held-out perplexity ${e.heldOutPerplexity.toFixed(3)} (${e.heldOutTokens} tokens in ${e.heldOutBaskets} baskets), coherence UMass ${e.umass.toFixed(3)}, NPMI ${e.npmi.toFixed(3)}`);
    return info;
  } finally {
    await db.close();
  }
}
