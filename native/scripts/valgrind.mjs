// Leak check: runs scripts/valgrind-workload.mjs under `valgrind --leak-check=full` and reports the
// loss records that involve this addon (Node and V8 keep some allocations until exit; those are
// not ours). Exits 1 when a record through atm_native.node is "definitely" or "indirectly" lost.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const which = spawnSync('valgrind', ['--version'], { encoding: 'utf8' });
if (which.status !== 0) {
  console.error('@atm/native: valgrind is not installed (apt-get install valgrind).');
  process.exit(1);
}
if (!existsSync(path.join(root, 'build', 'Release', 'atm_native.node'))) {
  console.error('@atm/native: build the addon first (`pnpm --filter @atm/native build`).');
  process.exit(1);
}

const log = path.join(tmpdir(), `atm-native-valgrind-${process.pid}.log`);
const args = [
  '--leak-check=full',
  '--show-leak-kinds=definite,indirect,possible',
  '--errors-for-leak-kinds=definite',
  '--num-callers=30',
  `--log-file=${log}`,
  process.execPath,
  '--expose-gc',
  '--jitless',
  path.join(root, 'scripts', 'valgrind-workload.mjs'),
];
console.log(`@atm/native: valgrind ${args.join(' ')} (this takes a minute or two)`);
const run = spawnSync('valgrind', args, { cwd: root, stdio: 'inherit' });
const text = readFileSync(log, 'utf8');
rmSync(log);

const summary = text.slice(text.indexOf('LEAK SUMMARY')).split('\n').slice(0, 7).map((l) => l.replace(/^==\d+== ?/, ''));
console.log(summary.join('\n'));
const errors = text.match(/ERROR SUMMARY: .*/)?.[0] ?? 'ERROR SUMMARY: (missing)';
console.log(errors);

const records = text.split(/\n==\d+== \n/).filter((r) => /are (definitely|indirectly|possibly) lost in loss record/.test(r));
const ours = records.filter((r) => r.includes('atm_native.node'));
const serious = ours.filter((r) => /are (definitely|indirectly) lost/.test(r));
for (const r of ours) console.log(`\n${r.replace(/^==\d+== ?/gm, '')}`);
console.log(
  `\n@atm/native: ${records.length} loss records in total, ${ours.length} through atm_native.node ` +
    `(${serious.length} definitely/indirectly lost). Workload exit code ${run.status}.`,
);
const errorContexts = text
  .split(/\n==\d+== \n/)
  .filter((r) => /^==\d+== (Invalid (read|write|free)|Conditional jump|Use of uninitialised|Mismatched free|Syscall param)/.test(r.trimStart()));
const memoryErrors = errorContexts.filter((r) => r.includes('atm_native.node'));
for (const r of errorContexts.filter((c) => !memoryErrors.includes(c))) {
  const frame = r.split('\n').find((l) => /^==\d+== +at /.test(l)) ?? '';
  console.log(`not ours: ${r.split('\n')[0].replace(/^==\d+== ?/, '')} ${frame.replace(/^==\d+== +/, '').slice(0, 140)}`);
}
for (const r of memoryErrors) console.log(`\n${r.replace(/^==\d+== ?/gm, '')}`);
if (memoryErrors.length > 0) console.log(`@atm/native: ${memoryErrors.length} memory errors in atm_native.node`);
process.exit(run.status === 0 && serious.length === 0 && memoryErrors.length === 0 ? 0 : 1);
