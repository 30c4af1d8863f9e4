#!/usr/bin/env node
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { exportCommand } from './commands/export.js';
import { generateCommand } from './commands/generate.js';
import { ingestCommand } from './commands/ingest.js';
import { recommendCommand } from './commands/recommend.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { segmentCommand } from './commands/segment.js';
import { selectKCommand } from './commands/select-k.js';
import { trainCommand } from './commands/train.js';
import { UsageError, choiceFlag, fractionFlag, intFlag, rangeFlag } from './errors.js';
import { BACKENDS, LEVELS, iterationsFlag } from './options.js';
import { createReporter } from './progress.js';
import { formatTable } from './table.js';

const DEFAULT_DB = 'sqlite:./segmenter.db';
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function reporterFor(cmd: Command) {
  return createReporter({ quiet: Boolean(cmd.optsWithGlobals().quiet) });
}

/** Flags shared by `train`, `run` and `select-k`: the corpus and the sampler. */
function modelFlags(cmd: Command, topicsDefault: number): Command {
  return cmd
    .addOption(new Option('--preset <name>', 'corpus cleaning preset: seed = the reference notebook (classes, 5–95% term filter, ≥ 4 items, known customers)').argParser(choiceFlag('--preset', ['seed'] as const)))
    .addOption(new Option('--level <level>', 'product hierarchy level used as terms').argParser(choiceFlag('--level', LEVELS)))
    .addOption(new Option('--topics <K>', 'number of topics').argParser(intFlag('--topics', 1, 1000)).default(topicsDefault))
    .addOption(new Option('--iterations <N|auto>', 'Gibbs sweeps, or auto: until held-out perplexity stops improving').argParser(iterationsFlag).default('auto'))
    .addOption(new Option('--backend <backend>', 'sampler backend').argParser(choiceFlag('--backend', BACKENDS)).default('auto'))
    .addOption(new Option('--threads <N>', 'sampler threads (native; default all cores)').argParser(intFlag('--threads', 1, 256)))
    .addOption(new Option('--seed <S>', 'random seed').argParser(intFlag('--seed', 0, 0xffffffff)).default(1))
    .option('--no-optimize', 'keep the fixed symmetric priors instead of learning α and β')
    .addOption(new Option('--samples <N>', 'posterior samples averaged for the final estimates').argParser(intFlag('--samples', 1, 100)).default(5));
}

export function buildProgram(): Command {
  const program = new Command('segmenter')
    .description('Author-topic models for retail baskets: customer segments, basket missions, recommendations, bundles and layout affinities.')
    .version(version)
    .option('-q, --quiet', 'no progress output')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('generate')
    .description('write a synthetic LGSR dataset sampled from a known author-topic model (with truth.json)')
    .requiredOption('--out <dir>', 'output folder')
    .addOption(new Option('--customers <N>', 'loyalty-card customers').argParser(intFlag('--customers', 10)).default(500))
    .addOption(new Option('--weeks <N>', 'weekly files').argParser(intFlag('--weeks', 1, 520)).default(26))
    .addOption(new Option('--seed <S>', 'random seed').argParser(intFlag('--seed', 0, 0xffffffff)).default(1))
    .addOption(new Option('--topics <K>', 'planted topics').argParser(intFlag('--topics', 2, 100)).default(8))
    .addOption(new Option('--segments <N>', 'planted customer segments').argParser(intFlag('--segments', 1, 50)).default(6))
    .action(async (opts, cmd) => {
      await generateCommand(opts, reporterFor(cmd));
    });

  program
    .command('ingest')
    .description('load LGSR files (.csv, .csv.gz, .zip, or folders of them) into the database; re-ingesting is safe')
    .argument('<paths...>', 'files or folders')
    .option('--db <url>', 'database: sqlite:PATH, a bare path, or postgres://…', DEFAULT_DB)
    .action(async (paths: string[], opts, cmd) => {
      await ingestCommand(paths, opts.db, reporterFor(cmd));
    });

  modelFlags(
    program
      .command('train')
      .description('build the corpus from the database, train the author-topic model, report held-out perplexity and coherence')
      .option('--db <url>', 'database URL', DEFAULT_DB)
      .requiredOption('--model <file>', 'where to save the model')
      .addOption(new Option('--holdout <fraction>', "share of each customer's baskets held out for evaluation").argParser(fractionFlag('--holdout')).default(0.1)),
    10,
  ).action(async (opts, cmd) => {
    await trainCommand(opts, reporterFor(cmd));
  });

  modelFlags(
    program
      .command('select-k')
      .description('train one model per K (in parallel) and compare held-out perplexity, coherence and stability')
      .option('--db <url>', 'database URL', DEFAULT_DB)
      .addOption(new Option('--topics-range <A..B>', 'range of K').argParser(rangeFlag('--topics-range', 1)).default([5, 40]))
      .addOption(new Option('--step <N>', 'step between Ks').argParser(intFlag('--step', 1)).default(5))
      .addOption(new Option('--holdout <fraction>', "share of each customer's baskets held out").argParser(fractionFlag('--holdout')).default(0.1))
      .option('--out <file.csv>', 'write the table as CSV'),
    10,
  ).action(async (opts, cmd) => {
    await selectKCommand(opts, reporterFor(cmd));
  });

  program
    .command('export')
    .description('write phi.csv, theta.csv, basket_topics.csv and topics.csv for a model')
    .requiredOption('--model <file>', 'trained model')
    .requiredOption('--out <dir>', 'output folder')
    .addOption(new Option('--min-prob <p>', 'basket_topics.csv keeps probabilities ≥ p').argParser(Number).default(0.01))
    .addOption(new Option('--top <N>', 'products per topic in topics.csv').argParser(intFlag('--top', 1)).default(20))
    .action(async (opts, cmd) => {
      await exportCommand(opts, reporterFor(cmd));
    });

  program
    .command('segment')
    .description('cluster customers on their topic mixtures and profile the segments')
    .requiredOption('--model <file>', 'trained model')
    .option('--db <url>', 'database URL (for the profiles)', DEFAULT_DB)
    .addOption(new Option('--k <N>', 'number of segments').argParser(intFlag('--k', 1)).conflicts('kRange'))
    .addOption(new Option('--k-range <A..B>', 'choose k by silhouette over this range').argParser(rangeFlag('--k-range', 2)))
    .addOption(new Option('--method <method>', 'clustering method').argParser(choiceFlag('--method', ['kmeans', 'dbscan'] as const)).default('kmeans'))
    .addOption(new Option('--eps <r>', 'DBSCAN radius in Hellinger space (default: k-distance knee)').argParser(Number))
    .addOption(new Option('--min-points <N>', 'DBSCAN core size').argParser(intFlag('--min-points', 2)))
    .addOption(new Option('--seed <S>', 'random seed').argParser(intFlag('--seed', 0, 0xffffffff)).default(1))
    .requiredOption('--out <segments.csv>', 'customer_code,segment output')
    .action(async (opts, cmd) => {
      await segmentCommand(opts, reporterFor(cmd));
    });

  program
    .command('recommend')
    .description('recommend products for a customer and a partial basket')
    .requiredOption('--model <file>', 'trained model')
    .requiredOption('--customer <code>', 'customer code')
    .requiredOption('--basket <codes>', 'comma-separated product codes already in the basket', (v: string) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .addOption(new Option('--top <N>', 'how many').argParser(intFlag('--top', 1)).default(10))
    .action((opts) => {
      const recs = recommendCommand(opts);
      console.log(formatTable([{ key: 'rank', label: 'rank' }, { key: 'term', label: 'product' }, { key: 'score', label: 'score' }], recs.map((r, i) => ({ rank: i + 1, ...r }))));
    });

  program
    .command('report')
    .description('write the self-contained HTML report for a model')
    .requiredOption('--model <file>', 'trained model')
    .option('--db <url>', 'database URL', DEFAULT_DB)
    .requiredOption('--out <report.html>', 'output file')
    .option('--select-k <table.csv>', 'include the topic-K curves from `segmenter select-k --out`')
    .addOption(new Option('--seed <S>', 'random seed').argParser(intFlag('--seed', 0, 0xffffffff)).default(1))
    .action(async (opts, cmd) => {
      await reportCommand(opts, reporterFor(cmd));
    });

  modelFlags(
    program
      .command('run')
      .description('the whole pipeline (ingest → train → segment → insights → report) into one folder; without --data, on the embedded synthetic sample')
      .option('--data <dir>', 'LGSR files or folder (default: generate the synthetic sample)')
      .option('--out <dir>', 'output folder', 'segmenter-out')
      .option('--db <url>', 'database URL (default: OUT/segmenter.db)')
      .addOption(new Option('--k-range <A..B>', 'customer segments: k chosen by silhouette over this range').argParser(rangeFlag('--k-range', 2)).default([2, 19]))
      .addOption(new Option('--customers <N>', 'synthetic sample: customers').argParser(intFlag('--customers', 10)).default(500))
      .addOption(new Option('--weeks <N>', 'synthetic sample: weeks').argParser(intFlag('--weeks', 4, 520)).default(26)),
    10,
  ).action(async (opts, cmd) => {
    const s = await runCommand(opts, reporterFor(cmd));
    console.log(
      `done in ${s.seconds}s: ${s.corpus.baskets} baskets, ${s.corpus.customers} customers, ${s.corpus.terms} terms; ` +
        `held-out perplexity ${s.evaluation.heldOutPerplexity.toFixed(2)}, UMass ${s.evaluation.umass.toFixed(3)}, NPMI ${s.evaluation.npmi.toFixed(3)}; ` +
        `${s.segments.k} segments (silhouette ${s.segments.silhouette.toFixed(3)})`,
    );
    console.log(formatTable([{ key: 'method', label: 'recommender' }, { key: 'recallAt10', label: 'Recall@10' }, { key: 'ndcgAt10', label: 'NDCG@10' }], s.recommendations));
    console.log(`report: ${s.files.find((f) => f.endsWith('report.html'))}`);
  });

  return program;
}

/** Runs the CLI; resolves to the exit code. Usage and input errors print one line and give 2. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  let usageMessage = '';
  program.configureOutput({ writeErr: (s) => (usageMessage += s) });
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeErr: (s) => (usageMessage += s) });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const first = (usageMessage.split('\n').find((l) => l.trim()) ?? e.message).replace(/^error: /, '');
      process.stderr.write(`segmenter: ${first}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`segmenter: ${message.split('\n')[0]}\n`);
    if (process.env.SEGMENTER_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return e instanceof UsageError || isInputError(e) ? 2 : 1;
  }
}

/** Errors about what the user pointed at (files, data, arguments), as opposed to bugs: exit code 2. */
function isInputError(e: unknown): boolean {
  if (e instanceof TypeError || e instanceof RangeError) return true;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') return true;
  const name = (e as Error | undefined)?.name ?? '';
  return ['IngestError', 'ModelFileError', 'UsageError'].includes(name) || /^Cannot (open|load|ingest|read)/.test((e as Error)?.message ?? '');
}

const invokedAs = process.argv[1] ? realpathSync(process.argv[1]) : '';
if (invokedAs === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
