import { describe, expect, it } from 'vitest';
import { Corpus } from '../src/corpus.js';
import { Rng } from '../src/rng.js';
import {
  cumulativeWeights,
  rowCumulativeWeights,
  sampleCategorical,
  sampleDirichlet,
  sampleFromCdf,
  sampleGamma,
  sampleNormal,
  samplePlantedCorpus,
  samplePlantedMixtures,
  samplePlantedTopics,
  samplePoisson,
} from '../src/simulate.js';
import type { PlantedCorpus, PlantedOptions } from '../src/simulate.js';

const base: PlantedOptions = { numAuthors: 40, numTerms: 60, numTopics: 4, docsPerAuthor: 10, docLength: 25, seed: 11 };

function moments(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

function expectRowsSumToOne(m: Float64Array, cols: number): void {
  expect(m.length % cols).toBe(0);
  for (let r = 0; r < m.length / cols; r++) {
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      expect(m[r * cols + j]).toBeGreaterThanOrEqual(0);
      sum += m[r * cols + j];
    }
    expect(sum).toBeCloseTo(1, 12);
  }
}

/** Pearson chi-square of observed counts against expected counts. */
function chiSquare(observed: ArrayLike<number>, expected: ArrayLike<number>): number {
  let x = 0;
  for (let i = 0; i < expected.length; i++) x += (observed[i] - expected[i]) ** 2 / expected[i];
  return x;
}

/** Expected term counts given the true model: each token of d comes from the mean of its authors' theta · phi. */
function expectedTermCounts(p: PlantedCorpus, K: number, V: number): Float64Array {
  const authorIndex = new Map(p.authorIds.map((a, i) => [a, i]));
  const expected = new Float64Array(V);
  for (const doc of p.documents) {
    const n = (doc.terms as string[]).length;
    for (const author of doc.authors) {
      const a = authorIndex.get(author)!;
      for (let k = 0; k < K; k++) {
        const w = (n / doc.authors.length) * p.theta[a * K + k];
        for (let v = 0; v < V; v++) expected[v] += w * p.phi[k * V + v];
      }
    }
  }
  return expected;
}

describe('random variates', () => {
  it('sampleNormal has mean 0 and variance 1', () => {
    const rng = new Rng(1);
    const m = moments(() => sampleNormal(rng), 200_000);
    expect(Math.abs(m.mean)).toBeLessThan(0.01);
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.015);
  });

  it.each([0.05, 0.3, 1, 2.5, 40])('sampleGamma(%s) has mean and variance equal to the shape', (shape) => {
    const rng = new Rng(2);
    const m = moments(() => sampleGamma(rng, shape), 200_000);
    expect(Math.abs(m.mean - shape) / shape).toBeLessThan(0.02);
    expect(Math.abs(m.variance - shape) / shape).toBeLessThan(0.06);
  });

  it.each([
    [1, (x: number) => 1 - Math.exp(-x)],
    [2, (x: number) => 1 - Math.exp(-x) * (1 + x)],
  ])('sampleGamma(%s) follows its exact CDF (Kolmogorov–Smirnov)', (shape, cdf) => {
    const rng = new Rng(12);
    const n = 200_000;
    const xs = Float64Array.from({ length: n }, () => sampleGamma(rng, shape)).sort();
    let d = 0;
    for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(cdf(xs[i]) - i / n), Math.abs(cdf(xs[i]) - (i + 1) / n));
    expect(d).toBeLessThan(1.95 / Math.sqrt(n)); // the 0.1% critical value
  });

  it.each([0.4, 3, 11.9, 12, 47.5, 2500])('samplePoisson(%s) has mean and variance equal to the mean', (mean) => {
    const rng = new Rng(3);
    const m = moments(() => samplePoisson(rng, mean), 200_000);
    expect(Math.abs(m.mean - mean) / mean).toBeLessThan(0.01);
    expect(Math.abs(m.variance - mean) / mean).toBeLessThan(0.03);
  });

  it('samplePoisson matches the probability mass function above the switch to PTRS', () => {
    const rng = new Rng(4);
    const mean = 20;
    const n = 200_000;
    const counts = new Float64Array(60);
    for (let i = 0; i < n; i++) counts[Math.min(samplePoisson(rng, mean), 59)]++;
    const expected = new Float64Array(60);
    let p = Math.exp(-mean);
    for (let k = 0; k < 59; k++) {
      expected[k] = p * n;
      p *= mean / (k + 1);
    }
    expected[59] = n - expected.reduce((a, b) => a + b, 0);
    // Pool the sparse tails so every expected cell is >= 5.
    const keep = [...expected.keys()].filter((k) => expected[k] >= 5);
    const obs = keep.map((k) => counts[k]);
    const exp = keep.map((k) => expected[k]);
    expect(chiSquare(obs, exp)).toBeLessThan(keep.length + 4 * Math.sqrt(2 * keep.length));
  });

  it('sampleDirichlet sums to 1 and has mean alpha / sum(alpha)', () => {
    const rng = new Rng(5);
    const alpha = [0.2, 1, 3, 0.8];
    const total = alpha.reduce((a, b) => a + b, 0);
    const mean = new Float64Array(4);
    const out = new Float64Array(4);
    const n = 50_000;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const p = sampleDirichlet(rng, alpha, out);
      worst = Math.max(worst, Math.abs(p[0] + p[1] + p[2] + p[3] - 1));
      for (let k = 0; k < 4; k++) mean[k] += p[k] / n;
    }
    expect(sampleDirichlet(rng, alpha, out)).toBe(out);
    expect(worst).toBeLessThan(1e-12);
    for (let k = 0; k < 4; k++) expect(mean[k]).toBeCloseTo(alpha[k] / total, 2);
  });

  it('sampleDirichlet with tiny concentrations still returns a point of the simplex', () => {
    const rng = new Rng(6);
    for (let i = 0; i < 1000; i++) {
      const p = sampleDirichlet(rng, [1e-4, 1e-4, 1e-4]);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('sampleFromCdf and sampleCategorical follow the weights and never pick a zero weight', () => {
    const weights = [0, 2, 0, 5, 3, 0];
    const cdf = cumulativeWeights(weights);
    expect([...cdf]).toEqual([0, 2, 2, 7, 10, 10]);
    const rng = new Rng(7);
    const n = 100_000;
    const a = new Float64Array(6);
    const b = new Float64Array(6);
    for (let i = 0; i < n; i++) {
      a[sampleFromCdf(rng, cdf)]++;
      b[sampleCategorical(rng, weights)]++;
    }
    for (const counts of [a, b]) {
      expect(counts[0] + counts[2] + counts[5]).toBe(0);
      for (const k of [1, 3, 4]) expect(counts[k] / n).toBeCloseTo(weights[k] / 10, 2);
    }
  });

  it('sampleFromCdf draws from one row of a row-wise CDF, relative to the row start', () => {
    const cdf = rowCumulativeWeights([1, 0, 0, 0, 0, 1], 3);
    const rng = new Rng(8);
    for (let i = 0; i < 100; i++) {
      expect(sampleFromCdf(rng, cdf, 0, 3)).toBe(0);
      expect(sampleFromCdf(rng, cdf, 3, 6)).toBe(2);
    }
  });

  it('rejects invalid arguments with precise messages', () => {
    const rng = new Rng(9);
    expect(() => sampleGamma(rng, 0)).toThrow('Expected a positive finite number for shape but received 0');
    expect(() => samplePoisson(rng, -1)).toThrow('Expected a finite number >= 0 for mean but received -1');
    expect(() => cumulativeWeights([1, -2])).toThrow('Expected a finite weight >= 0 for weights[1] but received -2');
    expect(() => sampleCategorical(rng, [0, 0])).toThrow('Expected weights with a positive sum for weights but received 0');
    expect(() => sampleDirichlet(rng, [])).toThrow(RangeError);
    expect(() => rowCumulativeWeights([1, 2, 3], 2)).toThrow('Expected a length that is a multiple of 2 for matrix but received 3');
  });
});

describe('samplePlantedTopics / samplePlantedMixtures', () => {
  it('puts the planted share of each topic on its own block of terms', () => {
    const V = 50;
    const phi = samplePlantedTopics(new Rng(1), { numTopics: 5, numTerms: V, purity: 0.8 });
    expectRowsSumToOne(phi, V);
    for (let k = 0; k < 5; k++) {
      let own = 0;
      for (let v = k * 10; v < k * 10 + 10; v++) own += phi[k * V + v];
      expect(own).toBeCloseTo(0.8 + 0.2 * (10 / V), 12);
    }
  });

  it('draws authors around their segment prototype', () => {
    const K = 6;
    const A = 3000;
    const m = samplePlantedMixtures(new Rng(2), { numAuthors: A, numTopics: K, numSegments: 3, segmentWeights: [1, 2, 1] });
    expectRowsSumToOne(m.theta, K);
    expectRowsSumToOne(m.prototypes, K);
    const size = [0, 0, 0];
    const mean = new Float64Array(3 * K);
    for (let a = 0; a < A; a++) {
      const s = m.segments[a];
      size[s]++;
      for (let k = 0; k < K; k++) mean[s * K + k] += m.theta[a * K + k];
    }
    expect(size[1] / A).toBeCloseTo(0.5, 1);
    for (let s = 0; s < 3; s++) {
      for (let k = 0; k < K; k++) expect(mean[s * K + k] / size[s]).toBeCloseTo(m.prototypes[s * K + k], 1);
      // Segment s is dominated by topic s.
      expect(m.prototypes[s * K + s]).toBeGreaterThan(0.5);
    }
  });
});

describe('samplePlantedCorpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = samplePlantedCorpus(base);
    const b = samplePlantedCorpus(base);
    const c = samplePlantedCorpus({ ...base, seed: 12 });
    expect(b).toEqual(a);
    expect(c.documents).not.toEqual(a.documents);
    expect(c.phi).not.toEqual(a.phi);
  });

  it('keeps the model fixed when only document counts and lengths change', () => {
    const a = samplePlantedCorpus(base);
    const b = samplePlantedCorpus({ ...base, docsPerAuthor: 3, docLength: 7 });
    expect(b.phi).toEqual(a.phi);
    expect(b.theta).toEqual(a.theta);
  });

  it('returns row-stochastic phi and theta, ids and vocabularies as documented', () => {
    const p = samplePlantedCorpus({ ...base, numSegments: 3 });
    expectRowsSumToOne(p.phi, base.numTerms);
    expectRowsSumToOne(p.theta, base.numTopics);
    expectRowsSumToOne(p.prototypes, base.numTopics);
    expect(p.phi.length).toBe(base.numTopics * base.numTerms);
    expect(p.theta.length).toBe(base.numAuthors * base.numTopics);
    expect(p.terms).toEqual(Array.from({ length: base.numTerms }, (_, v) => `t${v}`));
    expect(p.authorIds[39]).toBe('a39');
    expect(p.documents.map((d) => d.id)).toEqual(p.documents.map((_, i) => `d${i}`));
    expect([...p.segments].every((s) => s >= 0 && s < 3)).toBe(true);
    const none = samplePlantedCorpus(base);
    expect([...none.segments].every((s) => s === -1)).toBe(true);
    expect(none.prototypes.length).toBe(0);
    // The documents build a valid corpus.
    const corpus = Corpus.fromDocuments(p.documents);
    expect(corpus.numDocs).toBe(p.documents.length);
  });

  it('has the requested mean documents per author and tokens per document, each at least 1', () => {
    const p = samplePlantedCorpus({ ...base, numAuthors: 400, docsPerAuthor: 6, docLength: 15 });
    const lengths = p.documents.map((d) => (d.terms as string[]).length);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(1);
    expect(p.documents.length / 400).toBeCloseTo(6, 0);
    expect(lengths.reduce((a, b) => a + b, 0) / lengths.length).toBeCloseTo(15, 0);
    const owners = new Set(p.documents.map((d) => d.authors[0]));
    expect(owners.size).toBe(400);
  });

  it('produces term frequencies that match the model on a large sample', () => {
    const K = 5;
    const V = 80;
    const p = samplePlantedCorpus({ numAuthors: 60, numTerms: V, numTopics: K, docsPerAuthor: 30, docLength: 60, seed: 5 });
    const observed = new Float64Array(V);
    for (const d of p.documents) for (const t of d.terms as string[]) observed[Number(t.slice(1))]++;
    const expected = expectedTermCounts(p, K, V);
    expect(observed.reduce((a, b) => a + b, 0)).toBeGreaterThan(80_000);
    // df = V - 1 = 79: mean 79, sd ~12.6; a broken sampler is off by thousands.
    expect(chiSquare(observed, expected)).toBeLessThan(79 + 5 * Math.sqrt(2 * 79));
  });

  it('generates tokens of one author from that author’s own mixture', () => {
    const K = 4;
    const V = 40;
    const p = samplePlantedCorpus({ numAuthors: 3, numTerms: V, numTopics: K, docsPerAuthor: 200, docLength: 100, seed: 8 });
    const expected = new Float64Array(V);
    const observed = new Float64Array(V);
    for (const d of p.documents) {
      if (d.authors[0] !== 'a1') continue;
      for (const t of d.terms as string[]) observed[Number(t.slice(1))]++;
    }
    const n = observed.reduce((a, b) => a + b, 0);
    for (let k = 0; k < K; k++) for (let v = 0; v < V; v++) expected[v] += n * p.theta[1 * K + k] * p.phi[k * V + v];
    expect(chiSquare(observed, expected)).toBeLessThan(39 + 5 * Math.sqrt(2 * 39));
  });

  it('draws multi-author documents: owner first, distinct co-authors, sizes across the range', () => {
    const p = samplePlantedCorpus({ ...base, authorsPerDoc: [2, 4], docsPerAuthor: 5 });
    const sizes = new Set<number>();
    for (const d of p.documents) {
      sizes.add(d.authors.length);
      expect(new Set(d.authors).size).toBe(d.authors.length);
    }
    expect([...sizes].sort()).toEqual([2, 3, 4]);
    const corpus = Corpus.fromDocuments(p.documents);
    expect(corpus.singleAuthor).toBe(false);
    // Expected term counts still match when tokens are split among co-authors.
    const observed = new Float64Array(base.numTerms);
    for (const d of p.documents) for (const t of d.terms as string[]) observed[Number(t.slice(1))]++;
    const expected = expectedTermCounts(p, base.numTopics, base.numTerms);
    expect(chiSquare(observed, expected)).toBeLessThan(59 + 5 * Math.sqrt(2 * 59));
  });

  it('draws each token of a multi-author document from its authors’ mean mixture, not the owner’s alone', () => {
    const K = 4;
    const V = 40;
    // Pure topics and near-one-topic authors make the owner-only and the mean mixture far apart.
    const p = samplePlantedCorpus({
      numAuthors: 30, numTerms: V, numTopics: K, docsPerAuthor: 20, docLength: 20,
      authorsPerDoc: [2, 2], topicPurity: 1, authorConcentration: 0.1, seed: 4,
    });
    const index = new Map(p.authorIds.map((a, i) => [a, i]));
    const termProb = (a: number, v: number): number => {
      let s = 0;
      for (let k = 0; k < K; k++) s += p.theta[a * K + k] * p.phi[k * V + v];
      return s;
    };
    let mixture = 0;
    let ownerOnly = 0;
    for (const d of p.documents) {
      const [owner, co] = d.authors.map((a) => index.get(a)!);
      for (const t of d.terms as string[]) {
        const v = Number(t.slice(1));
        mixture += Math.log((termProb(owner, v) + termProb(co, v)) / 2);
        ownerOnly += Math.log(Math.max(termProb(owner, v), 1e-300));
      }
    }
    expect(mixture).toBeGreaterThan(ownerOnly);
  });

  it.each([
    [{ numAuthors: 0 }, 'Expected a positive integer for options.numAuthors but received 0'],
    [{ numTerms: 2.5 }, 'Expected a positive integer for options.numTerms but received 2.5'],
    [{ numTopics: -1 }, 'Expected a positive integer for options.numTopics but received -1'],
    [{ numTerms: 3 }, 'Expected at least numTopics (4) terms for options.numTerms but received 3'],
    [{ docsPerAuthor: 0.5 }, 'Expected a finite number >= 1 for options.docsPerAuthor but received 0.5'],
    [{ docLength: Number.NaN }, 'Expected a finite number >= 1 for options.docLength but received NaN'],
    [{ authorsPerDoc: [2, 1] }, 'Expected integers with 1 <= min <= max <= numAuthors (40) for options.authorsPerDoc but received "[2, 1]"'],
    [{ authorsPerDoc: [1, 41] }, 'for options.authorsPerDoc but received "[1, 41]"'],
    [{ authorsPerDoc: 2 }, 'Expected a [min, max] pair for options.authorsPerDoc but received 2'],
    [{ numSegments: 41 }, 'Expected an integer in 0..numAuthors (40) for options.numSegments but received 41'],
    [{ authorConcentration: 0 }, 'Expected a positive finite number for options.authorConcentration but received 0'],
    [{ topicTermsPerTopic: 16 }, 'Expected an integer in 1..15 for options.topicTermsPerTopic but received 16'],
    [{ topicPurity: 1.5 }, 'Expected a number in (0, 1] for options.topicPurity but received 1.5'],
    [{ seed: 'x' }, 'Expected an integer for options.seed but received "x"'],
    [{ numAuthor: 3 }, 'Unknown option "numAuthor" for samplePlantedCorpus'],
  ])('rejects %o', (patch, message) => {
    expect(() => samplePlantedCorpus({ ...base, ...(patch as object) } as PlantedOptions)).toThrow(message);
  });
});
