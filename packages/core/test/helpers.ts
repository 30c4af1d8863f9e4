import { nativeAvailable, type BackendChoice } from '../src/index.js';

/**
 * The backends every model test runs over. The native one is required unless ATM_BACKEND=ts
 * (a machine without a compiler); a build that silently lost the addon must fail, not skip.
 */
export async function backendsUnderTest(): Promise<BackendChoice[]> {
  if (process.env.ATM_BACKEND === 'ts') return ['ts'];
  if (!(await nativeAvailable())) throw new Error('The native addon did not load: run `pnpm build` (or set ATM_BACKEND=ts to test the TS backend alone)');
  return ['ts', 'native'];
}

export const BACKENDS: BackendChoice[] = process.env.ATM_BACKEND === 'ts' ? ['ts'] : ['ts', 'native'];
