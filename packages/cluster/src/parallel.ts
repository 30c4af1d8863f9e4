import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { TASKS, type TaskInput, type TaskName, type TaskOutput } from './tasks.js';

/**
 * The compiled worker script. Resolved through `../dist/` so that it is found both from
 * `dist/` (a built or installed package) and from `src/` (tests run on the sources; the
 * package must have been built).
 */
const WORKER_URL = new URL('../dist/parallel-worker.js', import.meta.url);

/** A counter value past any unit of work: storing it makes every thread stop claiming. */
const STOP = 0x3fffffff;

/** Below this many elementary operations a job runs on the calling thread (thread start-up costs more). */
export const PARALLEL_MIN_WORK = 2e8;

/**
 * Whether worker threads can be used: the compiled worker script exists. Without it every
 * task runs on the calling thread, with the same results.
 *
 * @example
 * parallelAvailable(); // true once the package is built
 */
export function parallelAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/**
 * How many threads to use: `requested` if given, else all available cores when `work`
 * (a rough count of elementary operations) is at least {@link PARALLEL_MIN_WORK}, else 1.
 *
 * @example
 * threadCount(undefined, n * d * k * restarts);
 */
export function threadCount(requested: number | undefined, work: number): number {
  if (requested !== undefined) return requested;
  return work >= PARALLEL_MIN_WORK ? availableParallelism() : 1;
}

/**
 * Runs a task on `threads` threads — the calling thread plus `threads - 1` workers — and
 * returns every thread's part (the caller's first). Every task claims its units of work from
 * the shared counter `input.next`, so faster threads simply take more. Synchronous: the calling thread does its
 * share, then blocks in `Atomics.wait` until each worker has posted its part, which it reads
 * with `receiveMessageOnPort`. Large inputs should sit in `SharedArrayBuffer`s (see
 * {@link shared}); anything else is copied to each worker. With one thread, or without the
 * compiled worker script, the task simply runs here.
 *
 * @example
 * const parts = runTask('kmeansRestarts', { x, n, d, jobs, next: sharedCounter() }, 2);
 */
export function runTask<N extends TaskName>(name: N, input: TaskInput<N>, threads: number): TaskOutput<N>[] {
  const task = TASKS[name] as (input: TaskInput<N>) => TaskOutput<N>;
  if (threads <= 1 || !parallelAvailable()) return [task(input)];
  const helpers = threads - 1;
  const signal = new Int32Array(new SharedArrayBuffer(4 * helpers));
  const ports = [];
  for (let slot = 0; slot < helpers; slot++) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_URL, { workerData: { name, input, slot, signal, port: port2 }, transferList: [port2] });
    worker.unref();
    ports.push(port1);
  }
  let parts: TaskOutput<N>[];
  try {
    parts = [task(input)];
  } catch (error) {
    Atomics.store(input.next, 0, STOP); // the workers finish their current unit and stop
    throw error;
  }
  const failures: string[] = [];
  for (let slot = 0; slot < helpers; slot++) {
    while (Atomics.load(signal, slot) === 0) Atomics.wait(signal, slot, 0);
    const message = receiveMessageOnPort(ports[slot])?.message as { ok: boolean; value?: TaskOutput<N>; message?: string } | undefined;
    ports[slot].close();
    if (message?.ok) parts.push(message.value!);
    else {
      failures.push(message?.message ?? 'worker ended without a result');
      Atomics.store(input.next, 0, STOP);
    }
  }
  if (failures.length > 0) throw new Error(`@atm/cluster worker failed in ${name}: ${failures[0]}`);
  return parts;
}

/** A one-slot work counter that every thread can claim from. */
export function sharedCounter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4));
}

/**
 * `values` itself when it already lives in a `SharedArrayBuffer`, else a shared copy (so
 * worker threads read it without copying it each).
 *
 * @example
 * const x = shared(points.data);
 */
export function shared(values: Float64Array): Float64Array {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const copy = new Float64Array(new SharedArrayBuffer(values.byteLength));
  copy.set(values);
  return copy;
}
