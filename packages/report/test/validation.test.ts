import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/render-report.js';
import { reportToFile } from '../src/report-to-file.js';
import { validateReportData } from '../src/validate-report-data.js';
import { fullFixture } from './fixture.js';

const header = { title: 'T' };

describe('validateReportData', () => {
  it('accepts the full fixture and a header-only report', () => {
    expect(() => validateReportData(fullFixture({ customers: 50 }))).not.toThrow();
    expect(() => validateReportData({ header })).not.toThrow();
  });

  it.each([
    [null, TypeError, 'Expected an object for data but received null'],
    [{}, TypeError, 'Expected an object for data.header but received undefined'],
    [{ header: { title: '  ' } }, TypeError, 'Expected a non-empty string for data.header.title but received "  "'],
    [{ header: { title: 'T', parameters: { K: {} } } }, TypeError, 'Expected a finite number for data.header.parameters["K"] but received Object'],
    [{ header: { title: 'T', parameters: [{ label: 'K', value: Number.NaN }] } }, RangeError, 'Expected a finite number for data.header.parameters[0].value but received NaN'],
    [
      { header, topics: [{ topic: 0, terms: [{ term: 'A', probability: 1.5 }] }] },
      RangeError,
      'Expected a number in [0, 1] for data.topics[0].terms[0].probability but received 1.5',
    ],
    [{ header, topics: [{ topic: 0.5, terms: [] }] }, RangeError, 'Expected an integer for data.topics[0].topic but received 0.5'],
    [{ header, convergence: { logLikelihood: 'x' } }, TypeError, 'Expected an array for data.convergence.logLikelihood but received "x"'],
    [
      { header, segments: { segments: [{ segment: 1, size: 3 }, { segment: 1, size: 4 }] } },
      RangeError,
      'Expected a value not used before for data.segments.segments[1].segment but received 1',
    ],
    [
      { header, segments: { segments: [{ segment: 0, size: 3 }], topicShares: [[0.5, 0.5], [1, 0]] } },
      RangeError,
      'Expected an array of 1 rows for data.segments.topicShares but received array(2)',
    ],
    [
      { header, segments: { segments: [{ segment: 0, size: 3 }], profile: { columns: [{ key: 'a', label: 'A', format: 'money' }], rows: [] } } },
      RangeError,
      'Expected one of text, integer, decimal, percent, segment for data.segments.profile.columns[0].format but received "money"',
    ],
    [
      { header, layout: { categories: ['a', 'b'], affinity: [[1, 2], [3]] } },
      RangeError,
      'Expected a row of 2 numbers for data.layout.affinity[1] but received array(1)',
    ],
    [
      { header, customerMap: { points: [{ x: 0, y: Number.POSITIVE_INFINITY, segment: 0 }] } },
      RangeError,
      'Expected a finite number for data.customerMap.points[0].y but received Infinity',
    ],
    [
      { header, recommendations: { methods: [{ method: 'M', recall: 0.2, ndcg: -0.1 }] } },
      RangeError,
      'Expected a number in [0, 1] for data.recommendations.methods[0].ndcg but received -0.1',
    ],
  ])('rejects %j', (data, type, message) => {
    expect(() => validateReportData(data)).toThrow(type);
    expect(() => validateReportData(data)).toThrow(message);
  });

  it('is what renderReport and reportToFile run first', async () => {
    await expect(renderReport({ header: { title: '' } })).rejects.toThrow('Expected a non-empty string for data.header.title but received ""');
    await expect(reportToFile({ header }, '')).rejects.toThrow('Expected a non-empty string for path but received ""');
  });
});
