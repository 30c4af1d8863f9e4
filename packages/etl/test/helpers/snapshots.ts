import { databaseSnapshot } from '@atm/data';
import type { AtmDatabase, DatabaseSnapshot } from '@atm/data';

/** The data tables only (no bookkeeping: ingested_files, rejected_rows, and the file_id links). */
export async function dataSnapshot(db: AtmDatabase): Promise<Partial<DatabaseSnapshot>> {
  const { ingested_files: _files, rejected_rows: _rejected, ...data } = await databaseSnapshot(db, ['file_id']);
  return data;
}

/** Everything but the load time (which differs between any two runs). */
export function fullSnapshot(db: AtmDatabase): Promise<DatabaseSnapshot> {
  return databaseSnapshot(db, ['loaded_at']);
}

/** Rejected rows as plain objects, by line. */
export async function rejectedRows(db: AtmDatabase) {
  const rows = await db.kysely.selectFrom('rejected_rows').selectAll().orderBy('file_id').orderBy('line_number').execute();
  return rows.map((r) => ({ fileId: Number(r.file_id), line: Number(r.line_number), field: r.field, reason: r.reason, raw: r.raw_text }));
}
