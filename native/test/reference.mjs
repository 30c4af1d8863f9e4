// The TypeScript reference backend from @atm/core's build output, or null with a reason when core
// has not been built yet (core depends on this package, so native may be built and tested first).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../packages/core/dist');
const file = path.join(dist, 'ts-backend.js');

export async function loadReference() {
  if (!existsSync(file)) {
    return { reason: `${file} is missing: run \`pnpm --filter @atm/core build\` to enable the bit-identity tests` };
  }
  const mod = await import(pathToFileURL(file).href);
  return { TsBackend: mod.TsBackend, reason: '' };
}
