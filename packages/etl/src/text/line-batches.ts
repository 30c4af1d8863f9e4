import type { Readable } from 'node:stream';

/**
 * Content that is not line-oriented text: the whole file is refused.
 *
 * @example
 * throw new NotTextError('binary content: a NUL byte at offset 4');
 */
export class NotTextError extends Error {
  override readonly name = 'NotTextError';
}

/** A run of consecutive lines; `first` is the 1-based line number of `lines[0]`. */
export interface LineBatch {
  first: number;
  lines: string[];
}

/** Longest line accepted before the content is taken for binary (1 MiB). */
export const MAX_LINE = 1 << 20;

/**
 * Split a byte stream into batches of lines: one byte per char (latin1; LGSR is ASCII, and rejected
 * lines are re-decoded as UTF-8 when stored), a UTF-8 BOM dropped, CRLF or LF endings, the final
 * line with or without a newline. A NUL byte or an over-long line throws {@link NotTextError}.
 *
 * @example
 * for await (const { first, lines } of lineBatches(stream, 16384)) console.log(first, lines.length);
 */
export async function* lineBatches(stream: AsyncIterable<Buffer> | Readable, size: number): AsyncGenerator<LineBatch> {
  let rest = '';
  let offset = 0;
  let line = 1;
  let started = false;
  let batch: string[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw new NotTextError(`binary content: a NUL byte at offset ${offset + nul}`);
    offset += chunk.length;
    let text = rest + chunk.toString('latin1');
    if (!started) {
      if (text.length < 3 && 'ï»¿'.startsWith(text)) {
        rest = text;
        continue;
      }
      started = true;
      if (text.startsWith('ï»¿')) text = text.slice(3);
    }
    const parts = text.split('\n');
    rest = parts.pop() as string;
    if (rest.length > MAX_LINE) throw new NotTextError(`no line break within ${MAX_LINE} bytes near offset ${offset}: not a CSV text file`);
    for (const p of parts) {
      batch.push(p.charCodeAt(p.length - 1) === 13 ? p.slice(0, -1) : p);
      if (batch.length === size) {
        yield { first: line, lines: batch };
        line += batch.length;
        batch = [];
      }
    }
  }
  if (!started && rest.startsWith('ï»¿')) rest = rest.slice(3);
  if (rest !== '') batch.push(rest.charCodeAt(rest.length - 1) === 13 ? rest.slice(0, -1) : rest);
  if (batch.length) yield { first: line, lines: batch };
}
