import { createHash } from 'node:crypto';
import { Transform, pipeline } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { createGunzip, createInflateRaw, crc32 } from 'node:zlib';
import type { Source } from '../sources/source.js';

/** Bytes per decoded chunk: large enough that decompression (on the libuv pool) runs ahead of parsing. */
const CHUNK = 1 << 16;

/** The running SHA-256 and byte count of the stored bytes, final once the text stream has ended. */
export interface StoredDigest {
  bytes: number;
  /** `sha256:<hex>`; only valid after the stream ended. */
  checksum(): string;
}

/**
 * Open a source as a stream of decoded bytes (gunzip / raw inflate as needed), hashing the stored
 * bytes on the way. Zip entries are checked against their CRC-32 and size at the end.
 * Stream errors (truncated gzip, bad deflate data, a CRC mismatch) surface on the returned stream.
 *
 * @example
 * const { text, digest } = await openText(source);
 * for await (const chunk of text) process(chunk);
 * digest.checksum(); // 'sha256:…'
 */
export async function openText(source: Source): Promise<{ text: Readable; digest: StoredDigest }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let hex: string | undefined;
  const tap = new Transform({
    highWaterMark: CHUNK,
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const digest: StoredDigest = {
    get bytes() {
      return bytes;
    },
    checksum: () => (hex ??= `sha256:${hash.digest('hex')}`),
  };
  const stored = await source.openStored();
  const stages: NodeJS.ReadWriteStream[] = [tap];
  if (source.encoding === 'gzip') stages.push(createGunzip({ chunkSize: CHUNK }));
  if (source.encoding === 'deflate-raw') stages.push(createInflateRaw({ chunkSize: CHUNK }));
  if (source.expected) stages.push(contentCheck(source.expected));
  const text = pipeline([stored, ...stages], () => {}) as unknown as Readable;
  return { text, digest };
}

function contentCheck(expected: { crc32: number; size: number }): Transform {
  let crc = 0;
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      if (size !== expected.size) done(new Error(`the zip entry decodes to ${size} bytes, not the ${expected.size} its header declares`));
      else if (crc >>> 0 !== expected.crc32 >>> 0) done(new Error('the zip entry fails its CRC-32 check (corrupt archive)'));
      else done();
    },
  });
}

/**
 * The SHA-256 of a source's stored bytes, read in one pass.
 *
 * @example
 * await storedChecksum(source); // 'sha256:9f86d0…'
 */
export async function storedChecksum(source: Source): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await source.openStored()) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}
