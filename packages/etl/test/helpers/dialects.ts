import { openScratchDatabase, postgresDisabled } from '@atm/data';
import type { ScratchDatabase } from '@atm/data';

export type Dialect = 'sqlite' | 'postgres';

/** Dialects the suite runs on: PostgreSQL is skipped (visibly) only when ATM_PG_URL=off. */
export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

if (postgresDisabled()) console.warn('\n*** PostgreSQL variants SKIPPED: ATM_PG_URL=off ***\n');

/** Whether a dialect's tests are skipped. */
export const skipDialect = (d: Dialect): boolean => d === 'postgres' && postgresDisabled();

/** Run `fn` with a fresh scratch database, disposed afterwards. */
export async function withDatabase<T>(dialect: Dialect, fn: (s: ScratchDatabase) => Promise<T>): Promise<T> {
  const scratch = await openScratchDatabase(dialect);
  try {
    return await fn(scratch);
  } finally {
    await scratch.dispose();
  }
}
