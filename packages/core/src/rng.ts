/**
 * xoshiro128** — the exactly specified 32-bit generator shared by both backends.
 *
 * Only 32-bit integer operations (`Math.imul`, shifts, xor) are used, so the C++
 * twin in `native/core/rng.h` produces the same stream bit for bit. Streams are
 * keyed by (seed, a, b) — the sampler uses (seed, sweep, worker) — so training in
 * slices or resuming a fit reproduces one long run exactly.
 */

const TWO_POW_MINUS_32 = 2.3283064365386963e-10;

/** murmur3's 32-bit finalizer: a cheap, well-mixed hash of one word. */
export function fmix32(h: number): number {
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** The 32-bit key of stream (seed, a, b). */
export function streamKey(seed: number, a: number, b: number): number {
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  h = fmix32((h ^ (a >>> 0)) >>> 0);
  return fmix32(((h + 0x632be5ab) ^ (b >>> 0)) >>> 0);
}

export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * @example
   * const rng = Rng.forStream(42, 0, 0);
   * const k = rng.below(10); // 0..9
   */
  constructor(seed: number) {
    // splitmix32 expands one word into the four state words.
    let x = seed >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) >>> 0;
      return fmix32(x);
    };
    this.s0 = next() | 0;
    this.s1 = next() | 0;
    this.s2 = next() | 0;
    this.s3 = next() | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator with the given raw state words (for reference-vector tests). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const r = new Rng(0);
    r.s0 = s0 | 0;
    r.s1 = s1 | 0;
    r.s2 = s2 | 0;
    r.s3 = s3 | 0;
    return r;
  }

  static forStream(seed: number, a: number, b: number): Rng {
    return new Rng(streamKey(seed, a, b));
  }

  /** Next raw 32-bit output as an unsigned number. */
  nextU32(): number {
    // State words are kept as int32 (`| 0`): the bits are the same as uint32 and V8 keeps them in
    // registers; only the output is converted to unsigned.
    const s0 = this.s0;
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** Uniform double in [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextU32() * TWO_POW_MINUS_32;
  }

  /** Uniform integer in [0, n). Exactly `floor(uniform() * n)`, clamped below n. */
  below(n: number): number {
    const r = Math.floor(this.nextU32() * TWO_POW_MINUS_32 * n);
    return r < n ? r : n - 1;
  }
}
