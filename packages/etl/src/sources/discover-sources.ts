import { open, readdir, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Source } from './source.js';
import { openZipSources } from './zip-sources.js';
import type { ZipArchive } from './zip-sources.js';

/** A file that cannot be ingested, and why. */
export interface Refusal {
  path: string;
  reason: string;
}

export interface Discovery {
  sources: Source[];
  refused: Refusal[];
  /** Open zip archives: close them when done. */
  archives: ZipArchive[];
}

/** Files a directory walk picks up; files named explicitly are taken whatever their name. */
const LISTED = /\.(csv|csv\.gz|zip)$/i;

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile() && LISTED.test(e.name)) out.push(full);
  }
}

async function magic(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buf, 0, 4, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Expand paths (files or directories, walked recursively for `.csv`, `.csv.gz` and `.zip`, in name
 * order) into sources. The format comes from the content, not the name: gzip and zip by their magic
 * bytes, anything else is read as plain text. A path that does not exist throws.
 *
 * @example
 * const { sources, refused, archives } = await discoverSources(['../shared/data/lgsr-5k']);
 */
export async function discoverSources(paths: readonly string[]): Promise<Discovery> {
  const files: string[] = [];
  for (const p of paths) {
    const full = resolve(p);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new Error(`Cannot ingest ${full}: no such file or directory`);
    }
    if (info.isDirectory()) await walk(full, files);
    else files.push(full);
  }
  const seen = new Set<string>();
  const discovery: Discovery = { sources: [], refused: [], archives: [] };
  for (const path of files) {
    if (seen.has(path)) continue;
    seen.add(path);
    const head = await magic(path);
    const size = (await stat(path)).size;
    if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) {
      try {
        const zip = await openZipSources(path);
        discovery.archives.push(zip);
        if (zip.sources.length === 0) discovery.refused.push({ path, reason: 'the zip archive holds no .csv entry' });
        discovery.sources.push(...zip.sources);
      } catch (error) {
        discovery.refused.push({ path, reason: (error as Error).message });
      }
      continue;
    }
    discovery.sources.push({
      path,
      sizeBytes: size,
      encoding: head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b ? 'gzip' : 'plain',
      openStored: async () => createReadStream(path, { highWaterMark: 1 << 20 }),
    });
  }
  return discovery;
}
