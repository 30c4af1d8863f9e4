import { describe, expect, it } from 'vitest';
import { dbscan } from '../src/dbscan.js';
import { kmeans } from '../src/kmeans.js';
import { silhouette } from '../src/silhouette.js';
import { suggestEps } from '../src/suggest-eps.js';

const rows = [[0, 0], [1, 1], [2, 2], [3, 3]];

describe('argument validation', () => {
  it('kmeans', () => {
    expect(() => kmeans(rows, undefined as never)).toThrow(new TypeError('Expected an options object with k for options but received undefined'));
    expect(() => kmeans(rows, { k: '2' as never })).toThrow(new TypeError('Expected an integer in [1, 4] for options.k but received "2"'));
    expect(() => kmeans(rows, { k: 2.5 })).toThrow(new RangeError('Expected an integer in [1, 4] for options.k but received 2.5'));
    expect(() => kmeans(rows, { k: 2, restarts: 0 })).toThrow(new RangeError('Expected a positive integer for options.restarts but received 0'));
    expect(() => kmeans(rows, { k: 2, maxIterations: -1 })).toThrow(new RangeError('Expected a positive integer for options.maxIterations but received -1'));
    expect(() => kmeans(rows, { k: 2, tolerance: -1 })).toThrow(new RangeError('Expected a non-negative finite number for options.tolerance but received -1'));
    expect(() => kmeans(rows, { k: 2, seed: -3 })).toThrow(new RangeError('Expected an integer in [0, 4294967295] for options.seed but received -3'));
    expect(() => kmeans(rows, { k: 2, restart: 3 } as never)).toThrow(new TypeError('Unknown option "restart" for kmeans options; did you mean "restarts"?'));
    expect(() => kmeans(rows, { k: 2, init: [[0, 0]] })).toThrow(new RangeError('Expected 2 x 2 starting centres for options.init but received "1 x 2"'));
    expect(() => kmeans(rows, { k: 1, init: [[0, 0]], restarts: 3 })).toThrow(new RangeError('Expected restarts = 1 with init for options.restarts but received 3'));
    expect(() => kmeans(rows, { k: 2, banana: 1 } as never)).toThrow(/^Unknown option "banana" for kmeans options; known options are "k", "restarts"/);
  });

  it('dbscan and suggestEps', () => {
    expect(() => dbscan(rows, { eps: 0 })).toThrow(new RangeError('Expected a positive finite number for options.eps but received 0'));
    expect(() => dbscan(rows, { eps: 1, minPoints: 0 })).toThrow(new RangeError('Expected a positive integer for options.minPoints but received 0'));
    expect(() => dbscan(rows, { epsilon: 1 } as never)).toThrow(new TypeError('Unknown option "epsilon" for dbscan options; did you mean "eps"?'));
    expect(() => suggestEps(rows, 9)).toThrow(new RangeError('Expected an integer in [2, 4] for minPoints but received 9'));
  });

  it('silhouette', () => {
    expect(() => silhouette(rows, [0, 1, 0, 1], { sampleSize: 1 })).toThrow(new RangeError('Expected an integer >= 2 for options.sampleSize but received 1'));
    expect(() => silhouette(rows, 'abcd' as never)).toThrow(new TypeError('Expected an Int32Array or array of integer labels for labels but received "abcd"'));
  });
});
