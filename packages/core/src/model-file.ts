import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/**
 * The versioned binary model format.
 *
 *   "ATMMODEL" | u32 format version | u32 header length | header JSON | pad to 8
 *   | array sections (8-byte aligned, little-endian) | SHA-256 of everything before it
 *
 * The header lists every array's name, type, byte offset and length, so a reader can check
 * each one against the file size before touching it; the digest catches any flipped byte.
 */

const MAGIC = Buffer.from('ATMMODEL', 'latin1');
export const MODEL_FORMAT_VERSION = 1;
const DIGEST_BYTES = 32;

type ArrayKind = 'u32' | 'i32' | 'f64';
type TypedArray = Uint32Array | Int32Array | Float64Array;
const CTORS = { u32: Uint32Array, i32: Int32Array, f64: Float64Array } as const;

function kindOf(a: TypedArray): ArrayKind {
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  return 'f64';
}

interface Section {
  name: string;
  kind: ArrayKind;
  offset: number;
  length: number;
}

export class ModelFileError extends Error {
  constructor(path: string, reason: string) {
    super(`Cannot load model file ${path}: ${reason}`);
    this.name = 'ModelFileError';
  }
}

/** Writes `meta` and `arrays` atomically (temp file, then rename). */
export function writeModelFile(path: string, meta: unknown, arrays: Record<string, TypedArray>): void {
  const sections: Section[] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    sections.push({ name, kind: kindOf(a), offset, length: a.length });
    offset += align8(a.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ meta, sections }), 'utf8');
  const headerEnd = align8(16 + header.length);
  const total = headerEnd + offset;
  const buf = Buffer.alloc(total + DIGEST_BYTES);
  MAGIC.copy(buf, 0);
  buf.writeUInt32LE(MODEL_FORMAT_VERSION, 8);
  buf.writeUInt32LE(header.length, 12);
  header.copy(buf, 16);
  for (const s of sections) {
    const a = arrays[s.name];
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(buf, headerEnd + s.offset);
  }
  createHash('sha256').update(buf.subarray(0, total)).digest().copy(buf, total);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, buf);
  renameSync(tmp, path);
}

/** Reads and verifies a model file; every failure names the file and what is wrong. */
export function readModelFile(path: string): { meta: unknown; arrays: Record<string, TypedArray> } {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    throw new ModelFileError(path, (e as Error).message);
  }
  if (buf.length < 16 || !buf.subarray(0, 8).equals(MAGIC)) throw new ModelFileError(path, 'not an ATM model file (bad magic bytes)');
  const version = buf.readUInt32LE(8);
  if (version !== MODEL_FORMAT_VERSION)
    throw new ModelFileError(path, `format version ${version} is not supported (this build reads version ${MODEL_FORMAT_VERSION})`);
  if (buf.length < 16 + DIGEST_BYTES) throw new ModelFileError(path, 'file is truncated');
  const total = buf.length - DIGEST_BYTES;
  const digest = createHash('sha256').update(buf.subarray(0, total)).digest();
  if (!digest.equals(buf.subarray(total))) throw new ModelFileError(path, 'checksum mismatch: the file is truncated or corrupted');
  const headerLength = buf.readUInt32LE(12);
  const headerEnd = align8(16 + headerLength);
  let parsed: { meta: unknown; sections: Section[] };
  try {
    parsed = JSON.parse(buf.toString('utf8', 16, 16 + headerLength));
  } catch {
    throw new ModelFileError(path, 'header is not valid JSON');
  }
  const arrays: Record<string, TypedArray> = {};
  for (const s of parsed.sections) {
    const Ctor = CTORS[s.kind];
    if (!Ctor) throw new ModelFileError(path, `unknown array type ${JSON.stringify(s.kind)} for ${s.name}`);
    const start = headerEnd + s.offset;
    const bytes = s.length * Ctor.BYTES_PER_ELEMENT;
    if (start + bytes > total) throw new ModelFileError(path, `array ${s.name} runs past the end of the file`);
    const copy = new Uint8Array(bytes);
    copy.set(buf.subarray(start, start + bytes));
    arrays[s.name] = new Ctor(copy.buffer);
  }
  return { meta: parsed.meta, arrays };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
