import type { Readable } from 'node:stream';

/** How the stored bytes of a source decode to text. */
export type SourceEncoding = 'plain' | 'gzip' | 'deflate-raw';

/** One input to ingest: a file, or an entry of a zip archive. */
export interface Source {
  /** Absolute path; a zip entry is `archive.zip!/entry.csv`. The file's identity in the database. */
  path: string;
  /** Bytes as stored (compressed size for .gz files and zip entries). */
  sizeBytes: number;
  encoding: SourceEncoding;
  /** For zip entries: the CRC-32 and size of the decoded content, checked while reading. */
  expected?: { crc32: number; size: number };
  /** A fresh stream of the stored bytes (what the checksum covers). */
  openStored(): Promise<Readable>;
}
