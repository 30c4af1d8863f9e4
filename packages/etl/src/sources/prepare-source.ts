import { detectHeader } from '../lgsr/columns.js';
import { lineBatches } from '../text/line-batches.js';
import { openText, storedChecksum } from '../text/open-text.js';
import type { Refusal } from './discover-sources.js';
import { describeReadError } from './read-error.js';
import type { Source } from './source.js';

/** A source whose header was recognized, with its checksum. */
export interface PreparedSource {
  source: Source;
  kind: 'transactions' | 'time';
  /** Source position of each canonical column, or null when the columns are in canonical order. */
  order: number[] | null;
  checksum: string;
}

/**
 * Read a source's first line and checksum: a recognized LGSR or time.csv header gives a
 * {@link PreparedSource}; an empty, binary, undecodable or foreign file gives a {@link Refusal}.
 *
 * @example
 * const prepared = await prepareSource(source);
 * if ('reason' in prepared) console.error(prepared.reason);
 */
export async function prepareSource(source: Source): Promise<PreparedSource | Refusal> {
  let header: string | undefined;
  try {
    const { text } = await openText(source);
    try {
      for await (const batch of lineBatches(text, 1)) {
        header = batch.lines[0];
        break;
      }
    } finally {
      text.destroy();
    }
  } catch (error) {
    return { path: source.path, reason: describeReadError(source, error) };
  }
  if (header === undefined) return { path: source.path, reason: 'the file is empty' };
  const kind = detectHeader(header);
  if (kind.kind === 'unknown') return { path: source.path, reason: kind.reason };
  return { source, kind: kind.kind, order: kind.order, checksum: await storedChecksum(source) };
}
