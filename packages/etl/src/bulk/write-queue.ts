/**
 * Writes queued ahead of their completion, as both bulk paths do: the caller reads and validates
 * the next batch while the database stores this one. The first failure is kept and rethrown by
 * the next {@link WriteQueue.add} or {@link WriteQueue.drain} (so it fails the file's commit);
 * later writes are then skipped.
 *
 * @example
 * const queue = new WriteQueue(3, { sequential: false });
 * await queue.add(() => worker.call('write', batch)); // returns while at most 2 are unfinished
 * await queue.drain(); // before commit: throws the first failure
 */
export class WriteQueue {
  private readonly inFlight: Promise<void>[] = [];
  private tail: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  /**
   * @param maxInFlight unfinished writes at most; `add` waits for the oldest beyond that.
   * @param options.sequential start each write only after the previous one finished (a connection
   *   that must not interleave them); otherwise start it at once (a receiver that keeps order).
   */
  constructor(
    private readonly maxInFlight: number,
    private readonly options: { sequential: boolean },
  ) {}

  /** True once a write failed and until the failure is taken by `drain` or dropped by `settle`. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Queue one write. Rethrows an earlier failure first. */
  async add(write: () => Promise<unknown>): Promise<void> {
    if (this.failure) await this.drain();
    const started = this.options.sequential ? this.tail.then(() => (this.failure ? undefined : write())) : write();
    const done = started.then(
      () => undefined,
      (e: Error) => {
        this.failure ??= e;
      },
    );
    this.tail = done;
    this.inFlight.push(done);
    if (this.inFlight.length >= this.maxInFlight) await this.inFlight.shift();
  }

  /** Wait for every queued write; rethrow the first failure. */
  async drain(): Promise<void> {
    await this.settleAll();
    if (this.failure) {
      const f = this.failure;
      this.failure = undefined;
      throw f;
    }
  }

  /** Wait for every queued write and forget any failure (the transaction is being rolled back). */
  async settle(): Promise<void> {
    await this.settleAll();
    this.failure = undefined;
  }

  private async settleAll(): Promise<void> {
    await Promise.all(this.inFlight.splice(0));
    await this.tail;
  }
}
