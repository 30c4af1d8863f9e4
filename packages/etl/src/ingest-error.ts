import type { IngestResult } from './ingest-types.js';
import type { Refusal } from './sources/discover-sources.js';

/**
 * An ingest that stopped. `refused` lists files that are not LGSR at all (found before anything was
 * loaded, or — for a truncated or corrupt file — while loading it, in which case its transaction was
 * rolled back); `completed` lists the files committed before the failure.
 *
 * @example
 * try { await ingest(['bad.csv'], db); } catch (e) { if (e instanceof IngestError) console.log(e.refused[0].reason); }
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    message: string,
    readonly refused: Refusal[],
    readonly completed: IngestResult[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /**
   * The error for refused files, each named with its reason.
   *
   * @example
   * IngestError.refusal([{ path: '/x/a.csv', reason: 'the file is empty' }], []).message;
   */
  static refusal(refused: Refusal[], completed: IngestResult[], cause?: unknown): IngestError {
    const message =
      refused.length === 1
        ? `Refused ${refused[0].path}: ${refused[0].reason}. Nothing of it was stored.`
        : `Refused ${refused.length} files (nothing of them was stored): ${refused.map((r) => `${r.path}: ${r.reason}`).join('; ')}`;
    return new IngestError(message, refused, completed, { cause });
  }
}
