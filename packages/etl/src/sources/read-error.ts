import { NotTextError } from '../text/line-batches.js';
import type { Source } from './source.js';

/**
 * Why reading a source failed, in words a user can act on.
 *
 * @example
 * describeReadError(gzSource, new Error('unexpected end of file')); // 'truncated or corrupt gzip data (unexpected end of file)'
 */
export function describeReadError(source: Source, error: unknown): string {
  const message = (error as Error)?.message ?? String(error);
  if (error instanceof NotTextError) return message;
  if (source.encoding === 'gzip') return `truncated or corrupt gzip data (${message})`;
  if (source.expected) return `corrupt zip entry (${message})`;
  return `unreadable (${message})`;
}
