import type { Backend } from './backend.js';
import { TsBackend } from './ts-backend.js';

export type BackendChoice = 'auto' | 'ts' | 'native';

let nativeModule: Promise<{ createNativeBackend(): Backend } | Error> | undefined;
let noticeShown = false;

/** Loads @atm/native once; resolves to the module or to the Error that explains why it failed. */
function loadNative(): Promise<{ createNativeBackend(): Backend } | Error> {
  // A computed specifier: the addon is optional at run time and typed by its own package.
  const specifier = '@atm/native';
  nativeModule ??= import(specifier).then(
    (m: any) => {
      const mod = m.default && !m.createNativeBackend ? m.default : m;
      if (typeof mod.isAvailable === 'function' && !mod.isAvailable()) return mod.loadError ?? new Error('the native addon is not available');
      return mod;
    },
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  return nativeModule;
}

/** True when the native addon loads on this machine. */
export async function nativeAvailable(): Promise<boolean> {
  return !((await loadNative()) instanceof Error);
}

/**
 * Resolves a backend choice. `auto` takes the native addon when it loads and otherwise falls back
 * to the TypeScript backend with a one-line notice; `native` fails with the loader's reason.
 *
 * @example
 * const backend = await resolveBackend('auto');
 */
export async function resolveBackend(choice: BackendChoice | Backend): Promise<Backend> {
  if (typeof choice === 'object') return choice;
  if (choice === 'ts') return new TsBackend();
  const mod = await loadNative();
  if (!(mod instanceof Error)) return mod.createNativeBackend();
  if (choice === 'native') throw new Error(`The native backend is not available: ${mod.message}`);
  if (!noticeShown) {
    noticeShown = true;
    process.emitWarning(`@atm/core: native backend unavailable (${mod.message.split('\n')[0]}); using the TypeScript backend`);
  }
  return new TsBackend();
}
