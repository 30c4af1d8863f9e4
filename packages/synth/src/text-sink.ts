/** Writing text to a stream with backpressure, failing fast when the stream (or its pipeline) fails. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export class TextSink {
  private readonly stream: Writable;
  private readonly done: Promise<void>;
  private readonly failure: Promise<unknown>;

  /**
   * @param stream Where text is written.
   * @param done Settles when everything written has reached its destination (e.g. a `pipeline` promise).
   * @example
   * const gzip = createGzip();
   * const sink = new TextSink(gzip, pipeline(gzip, createWriteStream(path)));
   * await sink.write('a,b\n');
   * await sink.end();
   */
  constructor(stream: Writable, done: Promise<void>) {
    this.stream = stream;
    this.done = done;
    this.failure = done.then(
      () => undefined,
      (e: unknown) => e ?? new Error('The output stream failed'),
    );
  }

  /** Write text; waits for 'drain' when the stream's buffer is full. */
  async write(text: string): Promise<void> {
    if (this.stream.write(text)) return;
    const error = await Promise.race([once(this.stream, 'drain').then(() => undefined, (e: unknown) => e), this.failure]);
    if (error) throw error;
  }

  /** Write the last text, end the stream and wait until everything is flushed. */
  async end(text = ''): Promise<void> {
    this.stream.end(text);
    await this.done;
  }
}
