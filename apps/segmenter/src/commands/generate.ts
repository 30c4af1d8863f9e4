import { generateLgsr, type GenerateResult } from '@atm/synth';
import type { Reporter } from '../progress.js';

export interface GenerateFlags {
  out: string;
  customers: number;
  weeks: number;
  seed: number;
  topics: number;
  segments: number;
}

/** `segmenter generate`: synthetic LGSR weekly files sampled from a known author-topic model, with truth.json. */
export async function generateCommand(flags: GenerateFlags, reporter: Reporter): Promise<GenerateResult> {
  const task = reporter.task('generating', flags.weeks);
  const result = await generateLgsr({
    outDir: flags.out,
    customers: flags.customers,
    weeks: flags.weeks,
    seed: flags.seed,
    topics: flags.topics,
    segments: flags.segments,
    onProgress: (p) => task.update(p.weeksDone, `${p.rows} rows`),
  });
  task.done(`${result.rows} rows, ${result.baskets} baskets, ${result.activeCustomers} customers in ${result.weeks.length} weekly files`);
  return result;
}
