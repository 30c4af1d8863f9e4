import { describe, expect, it } from 'vitest';
import { Rng, streamKey } from '../src/rng.js';

/** An independent BigInt implementation of xoshiro128** (Blackman & Vigna), for comparison. */
function referenceXoshiro(state: bigint[], n: number): number[] {
  const M = 0xffffffffn;
  const rotl = (x: bigint, k: bigint): bigint => ((x << k) | (x >> (32n - k))) & M;
  const s = [...state];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number((rotl((s[1] * 5n) & M, 7n) * 9n) & M));
    const t = (s[1] << 9n) & M;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11n);
  }
  return out;
}

describe('Rng (xoshiro128**)', () => {
  it('matches the reference algorithm from state (1, 2, 3, 4)', () => {
    const rng = Rng.fromState(1, 2, 3, 4);
    const got = Array.from({ length: 1000 }, () => rng.nextU32());
    expect(got[0]).toBe(11520);
    expect(got).toEqual(referenceXoshiro([1n, 2n, 3n, 4n], 1000));
  });

  it('is reproducible per stream and differs across streams', () => {
    const a = Rng.forStream(42, 3, 0);
    const b = Rng.forStream(42, 3, 0);
    const c = Rng.forStream(42, 3, 1);
    const xs = Array.from({ length: 10 }, () => a.nextU32());
    expect(Array.from({ length: 10 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 10 }, () => c.nextU32())).not.toEqual(xs);
    expect(streamKey(1, 2, 3)).not.toBe(streamKey(1, 3, 2));
  });

  it('below(n) stays in range and is close to uniform', () => {
    const rng = new Rng(9);
    const counts = new Array(7).fill(0);
    for (let i = 0; i < 70000; i++) counts[rng.below(7)]++;
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) expect(rng.below(1)).toBe(0);
  });

  it('uniform() lies in [0, 1)', () => {
    const rng = new Rng(1);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100000; i++) {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
  });
});
