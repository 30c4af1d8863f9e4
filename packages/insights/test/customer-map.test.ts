import { hellinger, pca } from '@atm/cluster';
import { Corpus, samplePlantedCorpus } from '@atm/core';
import { describe, expect, it } from 'vitest';
import { customerMap } from '../src/index.js';
import { trainModel } from './fixtures.js';

describe('customerMap', () => {
  it('projects Hellinger-mapped customer mixtures on two axes and passes segments through', async () => {
    const planted = samplePlantedCorpus({ numAuthors: 90, numTerms: 150, numTopics: 5, numSegments: 3, docsPerAuthor: 8, docLength: 10, seed: 6 });
    const corpus = Corpus.fromDocuments(planted.documents, { authorIds: planted.authorIds });
    const model = await trainModel(corpus, 5, 60);
    const segments = Array.from(planted.segments, (s) => `segment-${s}`);
    const map = customerMap(model, { segments });
    expect(map.customerIds).toBe(corpus.authorIds);
    expect(map.segments).toBe(segments);
    expect(map.x.length).toBe(90);
    const direct = pca(hellinger({ data: model.authorTopicMatrix(), n: 90, d: 5 }), { components: 2 });
    for (let a = 0; a < 90; a++) {
      expect(map.x[a]).toBe(direct.scores.data[2 * a]);
      expect(map.y[a]).toBe(direct.scores.data[2 * a + 1]);
    }
    expect(map.explainedVarianceRatio[0]).toBeGreaterThanOrEqual(map.explainedVarianceRatio[1]);
    expect(map.explainedVarianceRatio[0] + map.explainedVarianceRatio[1]).toBeLessThanOrEqual(1 + 1e-12);
    // Planted segments separate on the map: customers sit nearer their own segment's centre than any other.
    const centre = [0, 1, 2].map((s) => {
      const idx = [...planted.segments.keys()].filter((a) => planted.segments[a] === s);
      return [idx.reduce((t, a) => t + map.x[a], 0) / idx.length, idx.reduce((t, a) => t + map.y[a], 0) / idx.length];
    });
    let nearest = 0;
    for (let a = 0; a < 90; a++) {
      const d = centre.map(([cx, cy]) => Math.hypot(map.x[a] - cx, map.y[a] - cy));
      if (d.indexOf(Math.min(...d)) === planted.segments[a]) nearest++;
    }
    expect(nearest / 90).toBeGreaterThan(0.85);
    expect(customerMap(model).segments).toBeUndefined();
    expect(() => customerMap(model, { segments: [1, 2] })).toThrow(/options.segments/);
  });
});
