import { describe, expect, it } from 'vitest';
import { profileSegments } from '../src/profile-segments.js';

describe('profileSegments', () => {
  const labels = new Int32Array([1, 0, 1, 1, -1, 0]);
  const spend = new Float64Array([10, 20, 30, NaN, 5, 40]);
  const baskets = [1, 2, 3, 4, 5, 6];
  const lifeStage = ['YF', 'PE', 'YF', null, 'OA', 'PE'];
  const topTopic = [3, 3, 7, 3, 1, 7];

  it('gives size, share, numeric means and categorical shares per segment', () => {
    const r = profileSegments(labels, { numeric: { spend, baskets }, categorical: { lifeStage, topTopic } });
    expect(r.segments.map((s) => [s.label, s.size])).toEqual([[-1, 1], [0, 2], [1, 3]]);
    const [noise, zero, one] = r.segments;
    expect(one.share).toBeCloseTo(0.5, 15);
    expect(one.numeric.spend).toEqual({ mean: 20, std: 10, count: 2 }); // NaN skipped
    expect(one.numeric.baskets.mean).toBeCloseTo(8 / 3, 15);
    expect(zero.numeric.spend).toEqual({ mean: 30, std: 10, count: 2 });
    expect(noise.numeric.spend).toEqual({ mean: 5, std: 0, count: 1 });
    expect(one.categorical.lifeStage).toEqual({ YF: 2 / 3, '(missing)': 1 / 3, PE: 0, OA: 0 });
    expect(zero.categorical.lifeStage.PE).toBe(1);
    expect(one.categorical.topTopic).toEqual({ '3': 2 / 3, '7': 1 / 3, '1': 0 });
    expect(r.overall.size).toBe(6);
    expect(r.overall.numeric.spend.mean).toBeCloseTo(21, 15);
    expect(r.overall.categorical.lifeStage.PE).toBeCloseTo(2 / 6, 15);
    // Categories by decreasing overall count, then name.
    expect(r.categories.lifeStage).toEqual(['PE', 'YF', '(missing)', 'OA']);
    expect(r.categories.topTopic).toEqual(['3', '7', '1']);
    for (const s of [...r.segments, r.overall]) {
      expect(Object.values(s.categorical.lifeStage).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    }
  });

  it('works with labels alone and a custom missing category', () => {
    const r = profileSegments([0, 0, 1], { categorical: { x: [undefined, 'a', null] } }, { missing: 'n/a' });
    expect(r.segments.map((s) => s.share)).toEqual([2 / 3, 1 / 3]);
    expect(r.segments[1].categorical.x).toEqual({ 'n/a': 1, a: 0 });
    expect(profileSegments([2, 2]).segments).toEqual([{ label: 2, size: 2, share: 1, numeric: {}, categorical: {} }]);
  });

  it('rejects columns of the wrong length or kind', () => {
    expect(() => profileSegments(labels, { numeric: { spend: [1, 2] } })).toThrow(
      new RangeError('Expected 6 values (one per label) for attributes.numeric.spend but received array(2)'),
    );
    expect(() => profileSegments(labels, { numeric: { s: ['1', 2, 3, 4, 5, 6] as never } })).toThrow(
      new TypeError('Expected a number (NaN for missing) for attributes.numeric.s[0] but received "1"'),
    );
    expect(() => profileSegments(labels, { numerics: {} } as never)).toThrow(
      new TypeError('Unknown option "numerics" for profileSegments attributes; did you mean "numeric"?'),
    );
  });
});
