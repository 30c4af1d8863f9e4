import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import type { Source } from './source.js';

/** An open zip archive: its .csv entries as sources, and a way to close it. */
export interface ZipArchive {
  sources: Source[];
  /** Entries that were skipped (not .csv), for messages. */
  skipped: string[];
  close(): void;
}

/**
 * Open a zip archive (yauzl, random access) and list its `.csv` entries as sources. Entries are read
 * raw (stored bytes, so the checksum covers exactly what is on disk) and decoded by the loader, which
 * checks each entry's CRC-32 and size.
 *
 * @example
 * const zip = await openZipSources('/data/lgsr.zip');
 * zip.sources.map((s) => s.path); // ['/data/lgsr.zip!/transactions_200607.csv', …]
 * zip.close();
 */
export function openZipSources(zipPath: string): Promise<ZipArchive> {
  return new Promise((resolve, reject) => {
    yauzl.open(zipPath, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error || !zip) return reject(new Error(`not a readable zip archive (${error?.message ?? 'unknown error'})`));
      const sources: Source[] = [];
      const skipped: string[] = [];
      zip.on('error', (e: Error) => {
        zip.close();
        reject(new Error(`not a readable zip archive (${e.message})`));
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName;
        if (name.endsWith('/')) return zip.readEntry();
        if (!/\.csv$/i.test(name) || /(^|\/)(__MACOSX|\.)/.test(name)) {
          skipped.push(name);
          return zip.readEntry();
        }
        if (entry.isEncrypted()) return fail(`entry ${name} is encrypted`);
        if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
          return fail(`entry ${name} uses unsupported compression method ${entry.compressionMethod}`);
        sources.push({
          path: `${zipPath}!/${name}`,
          sizeBytes: entry.compressedSize,
          encoding: entry.compressionMethod === 8 ? 'deflate-raw' : 'plain',
          expected: { crc32: entry.crc32, size: entry.uncompressedSize },
          openStored: () =>
            new Promise<Readable>((res, rej) =>
              zip.openReadStream(entry, { decodeFileData: false }, (e, stream) => (e || !stream ? rej(e ?? new Error('no stream')) : res(stream))),
            ),
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve({ sources, skipped, close: () => zip.close() }));
      const fail = (message: string) => {
        zip.close();
        reject(new Error(message));
      };
      zip.readEntry();
    });
  });
}
