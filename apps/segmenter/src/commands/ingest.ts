import { openDatabase } from '@atm/data';
import { ingest, type IngestSummary } from '@atm/etl';
import type { Reporter } from '../progress.js';

/** `segmenter ingest`: LGSR files or folders into the database, one transaction per file. */
export async function ingestCommand(paths: string[], dbUrl: string, reporter: Reporter): Promise<IngestSummary> {
  const db = await openDatabase(dbUrl);
  try {
    reporter.info(`ingesting into ${db.url}`);
    let task: ReturnType<Reporter['task']> | undefined;
    const summary = await ingest(paths, db, {
      onProgress: (p) => {
        task ??= reporter.task('ingesting', p.fileCount);
        task.update(p.fileIndex + (p.done ? 1 : 0), `${p.path.split('/').at(-1)} ${p.rowsStored} rows`);
      },
    });
    task?.done();
    const count = (s: string) => summary.files.filter((f) => f.status === s).length;
    reporter.info(
      `${summary.files.length} files (${count('loaded')} loaded, ${count('replaced')} replaced, ${count('unchanged')} unchanged): ` +
        `${summary.rowsRead} rows read = ${summary.rowsStored} stored + ${summary.rowsRejected} rejected + ${summary.duplicatesSkipped} duplicates, in ${(summary.durationMs / 1000).toFixed(1)}s`,
    );
    if (summary.rowsRejected > 0) reporter.info(`rejected rows are listed with file, line and reason in the rejected_rows table`);
    return summary;
  } finally {
    await db.close();
  }
}
