import { dirname, join } from 'node:path';
import { AuthorTopicModel } from '@atm/core';
import { openDatabase } from '@atm/data';
import { writeCsv } from '../csv.js';
import type { Reporter } from '../progress.js';
import { segmentCustomers, segmentProfiles, type ProfileTable, type SegmentChoice, type Segmentation } from '../pipeline/segment.js';
import { modelInfo } from '../pipeline/train.js';
import { formatTable } from '../table.js';

export interface SegmentFlags extends SegmentChoice {
  model: string;
  db: string;
  out: string;
}

export const SEGMENTS_HEADER = ['customer_code', 'segment'] as const;

/** Writes segments.csv (`customer_code,segment`) and the profile table beside it. */
export async function writeSegments(model: AuthorTopicModel, seg: Segmentation, profiles: ProfileTable, out: string): Promise<string[]> {
  const ids = model.corpus.authorIds;
  await writeCsv(out, SEGMENTS_HEADER, ids.map((id, a) => [id, seg.labels[a]]));
  const profilePath = join(dirname(out), 'segment_profiles.csv');
  await writeCsv(profilePath, profiles.columns.map((c) => c.key), profiles.rows.map((r) => profiles.columns.map((c) => r[c.key])));
  return [out, profilePath];
}

/** `segmenter segment`. */
export async function segmentCommand(flags: SegmentFlags, reporter: Reporter): Promise<Segmentation> {
  const model = AuthorTopicModel.load(flags.model);
  const info = modelInfo(model, flags.model);
  reporter.info(`segmenting ${model.corpus.numAuthors} customers (${flags.method}${flags.k ? `, k = ${flags.k}` : flags.method === 'kmeans' ? `, k in ${(flags.kRange ?? [2, 19]).join('..')}` : ''})`);
  const seg = segmentCustomers(model, flags);
  if (seg.curve) console.log(formatTable([{ key: 'k', label: 'k' }, { key: 'silhouette', label: 'silhouette' }, { key: 'inertia', label: 'inertia' }], seg.curve));
  console.log(`${seg.method}: ${seg.k} segments, silhouette ${Number.isNaN(seg.silhouette) ? 'n/a' : seg.silhouette.toFixed(3)}`);
  const db = await openDatabase(flags.db);
  try {
    const profiles = await segmentProfiles(db, model, info, seg);
    console.log(formatTable(profiles.columns, profiles.rows));
    const files = await writeSegments(model, seg, profiles, flags.out);
    reporter.info(`wrote ${files.join(', ')}`);
  } finally {
    await db.close();
  }
  return seg;
}
