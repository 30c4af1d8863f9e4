// A small workload for the leak check (scripts/valgrind.mjs): trainers created and dropped,
// dense and MH runs on one and two workers, progress callbacks, cancellation, a failing callback,
// validation errors, log-likelihood. Run with --expose-gc so dropped trainers are finalized.
import { createRequire } from 'node:module';
import { makeProblem } from '../test/problem.mjs';

const require = createRequire(import.meta.url);
const { loadAddon } = require('../index.js');
const { Trainer } = loadAddon();

for (let round = 0; round < 3; round++) {
  for (const threads of [1, 2]) {
    for (const maxAuthors of [1, 2]) {
      const { setup, state } = makeProblem({ docs: 80, terms: 30, authors: 8, topics: 6, threads, maxAuthors, seed: round + 1 });
      const trainer = new Trainer(setup, state, threads);
      let seen = 0;
      await trainer.run(0, 3, 7, 'dense', 0, () => seen++);
      await trainer.run(3, 3, 7, 'mh', 2);
      await trainer.run(6, 50, 7, 'dense', 0, (n) => n === 2 && trainer.cancel());
      await trainer.run(6, 5, 7, 'dense', 0, () => { throw new Error('callback failure'); }).catch(() => {});
      trainer.logLikelihood();
      try {
        new Trainer({ ...setup, tokens: new Int32Array(1) }, state, threads);
      } catch {}
      try {
        state.z[0] = 999;
        new Trainer(setup, state, threads);
      } catch {}
      if (seen !== 3) throw new Error(`expected 3 progress calls, saw ${seen}`);
    }
  }
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 10));
}
globalThis.gc?.();
console.log('workload done');
