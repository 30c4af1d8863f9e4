// Builds build/Release/atm_native.node with node-gyp, offline: node-gyp is this package's own
// devDependency and the headers are Node's own (<prefix>/include/node, the prefix being two levels
// above process.execPath), so nothing is downloaded.
//
//   node scripts/build.mjs            configure + build (incremental), fail loudly
//   node scripts/build.mjs --install  the same from `pnpm install`: on failure print why and exit 0,
//                                     so @atm/core's 'auto' backend falls back to TypeScript
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const installing = process.argv.includes('--install');

function fail(message) {
  console.error(`@atm/native: ${message}`);
  if (installing) {
    console.error('@atm/native: the addon was not built; @atm/core will use its TypeScript backend.');
    process.exit(0);
  }
  process.exit(1);
}

const prefix = path.dirname(path.dirname(process.execPath));
const header = path.join(prefix, 'include', 'node', 'node_api.h');
if (!existsSync(header))
  fail(
    `Node's headers were not found at ${header} (derived from ${process.execPath}). Install the headers that ` +
      "match this Node (the distribution's nodejs development package, or an official Node tarball, which ships " +
      'include/node); this build never downloads them.',
  );

let nodeGyp;
try {
  nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
} catch {
  fail('node-gyp is missing: run `pnpm install` (it is a devDependency of @atm/native).');
}

for (const step of ['configure', 'build']) {
  const args = [nodeGyp, step, `--nodedir=${prefix}`, '--release'];
  console.log(`@atm/native: node-gyp ${args.slice(1).join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) fail(`node-gyp ${step} failed (exit ${result.status ?? result.signal}).`);
}
