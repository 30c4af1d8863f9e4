/** What happened to one file. */
export interface IngestResult {
  /** Absolute path (zip entries: `archive.zip!/entry.csv`). */
  path: string;
  kind: 'transactions' | 'time';
  /** `loaded` the first time, `replaced` when its content changed since, `unchanged` when it had not (nothing read). */
  status: 'loaded' | 'unchanged' | 'replaced';
  fileId: number;
  /** `sha256:<hex>` of the stored bytes. */
  checksum: string;
  /** Data rows read (the header not counted); 0 when unchanged. */
  rowsRead: number;
  rowsStored: number;
  rowsRejected: number;
  /** Rows repeating one already stored (same basket, product, quantity and spend), skipped. */
  duplicatesSkipped: number;
  durationMs: number;
}

/** The outcome of one {@link ingest} call. */
export interface IngestSummary {
  files: IngestResult[];
  rowsRead: number;
  rowsStored: number;
  rowsRejected: number;
  duplicatesSkipped: number;
  durationMs: number;
}

/** Reported after every batch of rows and at the end of each file. */
export interface IngestProgress {
  path: string;
  kind: 'transactions' | 'time';
  /** 0-based index of the file and the number of files. */
  fileIndex: number;
  fileCount: number;
  rowsRead: number;
  rowsStored: number;
  rowsRejected: number;
  duplicatesSkipped: number;
  /** Stored bytes read so far, and the file's stored size. */
  bytesRead: number;
  sizeBytes: number;
  /** True on the last report of a file (after its commit). */
  done: boolean;
}

export interface IngestOptions {
  onProgress?: (progress: IngestProgress) => void;
  /** Lines per batch (validation, lookups and writes happen per batch); default 2048 on SQLite, 4096 on PostgreSQL. */
  batchSize?: number;
  /** SQLite: write from a worker thread while this thread reads and validates (default true). */
  threads?: boolean;
}
