import { describe, expect, it } from 'vitest';
import { Rng } from '@atm/core';
import { pca } from '../src/pca.js';
import { symmetricEigen } from '../src/symmetric-eigen.js';
import { normal } from './blobs.js';

describe('symmetricEigen', () => {
  it('diagonalises a known 2 x 2 matrix', () => {
    const { values, vectors } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0] * vectors[1]).toBeCloseTo(0.5, 14);
  });

  it('reconstructs a random symmetric matrix as V^T diag(values) V with orthonormal V', () => {
    const d = 12;
    const rng = new Rng(4);
    const m = new Float64Array(d * d);
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) m[i * d + j] = m[j * d + i] = rng.uniform() - 0.5;
    const { values, vectors } = symmetricEigen(m, d);
    for (let i = 1; i < d; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        let rebuilt = 0;
        let gram = 0;
        for (let t = 0; t < d; t++) {
          rebuilt += vectors[t * d + i] * values[t] * vectors[t * d + j];
          gram += vectors[i * d + t] * vectors[j * d + t];
        }
        expect(rebuilt).toBeCloseTo(m[i * d + j], 12);
        expect(gram).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});

describe('pca', () => {
  it('finds a known dominant direction and its share of the variance', () => {
    // Points along u = (1, 2, 2)/3 with standard deviation 5, plus isotropic noise of sd 0.1.
    const rng = new Rng(7);
    const n = 4000;
    const u = [1 / 3, 2 / 3, 2 / 3];
    const data = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const s = 5 * normal(rng);
      for (let t = 0; t < 3; t++) data[i * 3 + t] = 10 + s * u[t] + 0.1 * normal(rng);
    }
    const r = pca({ data, n, d: 3 }, { components: 2 });
    const axis = Array.from(r.components.data.subarray(0, 3));
    axis.forEach((v, t) => expect(v).toBeCloseTo(u[t], 2)); // sign fixed: largest loading positive
    expect(r.explainedVarianceRatio[0]).toBeGreaterThan(0.998);
    expect(r.explainedVariance[0]).toBeCloseTo(25, -0.5);
    r.mean.forEach((m) => expect(m).toBeCloseTo(10, 0));
    // Scores are the centred data projected on the axes.
    expect(r.scores.n).toBe(n);
    expect(r.scores.d).toBe(2);
    for (const i of [0, 17, 3999]) {
      let s = 0;
      for (let t = 0; t < 3; t++) s += (data[i * 3 + t] - r.mean[t]) * axis[t];
      expect(r.scores.data[i * 2]).toBeCloseTo(s, 10);
    }
  });

  it('explains all variance with d components, variances decreasing, axes orthonormal', () => {
    const rng = new Rng(3);
    const n = 500;
    const d = 5;
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) data[i * d + t] = (t + 1) * normal(rng) + (t === 4 ? data[i * d] : 0);
    const r = pca({ data, n, d }, { components: d });
    expect(r.explainedVarianceRatio.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (let j = 1; j < d; j++) expect(r.explainedVariance[j]).toBeLessThanOrEqual(r.explainedVariance[j - 1]);
    // Total variance equals the sum of column variances (denominator n - 1).
    let total = 0;
    for (let t = 0; t < d; t++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += data[i * d + t] / n;
      for (let i = 0; i < n; i++) total += (data[i * d + t] - mean) ** 2 / (n - 1);
    }
    expect(r.explainedVariance.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 9);
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) {
        let dot = 0;
        for (let t = 0; t < d; t++) dot += r.components.data[a * d + t] * r.components.data[b * d + t];
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 12);
      }
    }
  });

  it('validates components', () => {
    expect(() => pca([[1, 2], [3, 4]], { components: 3 })).toThrow(new RangeError('Expected an integer in [1, 2] for options.components but received 3'));
    expect(() => pca([[1, 2]])).toThrow(new RangeError('Expected at least 2 points for data but received "1 point"'));
  });
});
