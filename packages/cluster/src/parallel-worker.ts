/**
 * Worker-thread entry for {@link runTask}: runs one named task on the shared input, posts
 * its part on the given port, then raises its flag in the shared `signal` array
 * (1 = result posted, 2 = error posted) so the blocked caller wakes up. Tasks are imported
 * inside the `try` so that even a failing import is reported rather than leaving the caller
 * waiting.
 */
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

interface WorkerData {
  name: string;
  input: unknown;
  slot: number;
  signal: Int32Array;
  port: MessagePort;
}

const { name, input, slot, signal, port } = workerData as WorkerData;
try {
  const { TASKS } = await import('./tasks.js');
  const task = TASKS[name as keyof typeof TASKS] as (input: unknown) => unknown;
  port.postMessage({ ok: true, value: task(input) });
  Atomics.store(signal, slot, 1);
} catch (error) {
  port.postMessage({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  Atomics.store(signal, slot, 2);
} finally {
  Atomics.notify(signal, slot);
  port.close();
}
