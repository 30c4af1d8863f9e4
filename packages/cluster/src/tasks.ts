import { kmeansRestarts } from './kmeans-restarts.js';
import { silhouetteSums } from './silhouette-sums.js';

/**
 * The work that may run on worker threads, by name (a worker receives the name, not the
 * function). Each task claims units of work from a shared counter in its input and returns
 * its part; the caller merges the parts.
 */
export const TASKS = { kmeansRestarts, silhouetteSums };

export type TaskName = keyof typeof TASKS;
export type TaskInput<N extends TaskName> = Parameters<(typeof TASKS)[N]>[0];
export type TaskOutput<N extends TaskName> = ReturnType<(typeof TASKS)[N]>;
