import { describe, expect, it } from 'vitest';
import { hellinger } from '../src/hellinger.js';
import { points, toPoints } from '../src/points.js';
import { distance } from './blobs.js';

describe('toPoints', () => {
  it('uses a Float64Array matrix in place and copies rows or Float32 data', () => {
    const data = new Float64Array([1, 2, 3, 4, 5, 6]);
    expect(toPoints({ data, n: 3, d: 2 }, 'data').data).toBe(data);
    expect(points(data, 2, 3)).toEqual({ data, n: 2, d: 3 });
    const fromRows = toPoints([[1, 2], new Float32Array([3, 4])], 'data');
    expect(fromRows).toEqual({ data: new Float64Array([1, 2, 3, 4]), n: 2, d: 2 });
    expect(toPoints({ data: new Float32Array([0.5, 1]), n: 1, d: 2 }, 'data').data).toBeInstanceOf(Float64Array);
  });

  it('says precisely what is wrong', () => {
    expect(() => toPoints([[1, 2], [3]], 'data')).toThrow(new RangeError('Expected a row of length 2 for data[1] but received array(1)'));
    expect(() => toPoints([[1, NaN]], 'data')).toThrow(new RangeError('Expected a finite number for data[0][1] but received NaN'));
    expect(() => toPoints([[1, '2' as never]], 'data')).toThrow(new TypeError('Expected a finite number for data[0][1] but received "2"'));
    expect(() => toPoints([], 'data')).toThrow(new RangeError('Expected at least one row for data but received array(0)'));
    expect(() => points(new Float64Array(5), 2, 3)).toThrow(
      new RangeError('Expected a Float64Array of length n * d = 6 for points.data but received Float64Array(5)'),
    );
    expect(() => toPoints({ data: [1, 2], n: 1, d: 2 } as never, 'data')).toThrow(new TypeError('Expected a Float64Array for data.data but received array(2)'));
    expect(() => toPoints({ data: new Float64Array([1, Infinity]), n: 1, d: 2 }, 'data')).toThrow(
      new RangeError('Expected a finite number for data row 0 column 1 but received Infinity'),
    );
    expect(() => toPoints('x' as never, 'data')).toThrow(TypeError);
  });
});

describe('hellinger', () => {
  it('maps to square roots so Euclidean distance is sqrt(2) times the Hellinger distance', () => {
    const p = [0.5, 0.3, 0.2, 0];
    const q = [0.1, 0.1, 0.4, 0.4];
    const h = hellinger([p, q]);
    expect(Array.from(h.data.subarray(0, 4))).toEqual(p.map(Math.sqrt));
    const bc = p.reduce((s, v, t) => s + Math.sqrt(v * q[t]), 0);
    expect(distance(h, 0, 1)).toBeCloseTo(Math.SQRT2 * Math.sqrt(1 - bc), 14);
    // Rows land on the unit sphere.
    expect(distance({ data: new Float64Array(4), n: 1, d: 4 } as never, 0, 0)).toBe(0);
    let norm = 0;
    for (let t = 0; t < 4; t++) norm += h.data[t] ** 2;
    expect(norm).toBeCloseTo(1, 15);
  });

  it('normalizes counts on request and otherwise insists on probability rows', () => {
    expect(Array.from(hellinger([[2, 2]], { normalize: true }).data)).toEqual([Math.SQRT1_2, Math.SQRT1_2]);
    expect(() => hellinger([[0.5, 0.3]])).toThrow(new RangeError('Expected a row summing to 1 (or pass normalize: true) for data row 0 but received 0.8'));
    expect(() => hellinger([[1.5, -0.5]])).toThrow(new RangeError('Expected a non-negative probability for data row 0 column 1 but received -0.5'));
    expect(() => hellinger([[0, 0]], { normalize: true })).toThrow(RangeError);
    expect(() => hellinger([[1, 0]], { normalise: true } as never)).toThrow(new TypeError('Unknown option "normalise" for hellinger options; did you mean "normalize"?'));
  });
});
