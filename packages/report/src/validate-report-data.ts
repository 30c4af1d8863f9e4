import {
  expectArray,
  expectFinite,
  expectInteger,
  expectNonEmptyString,
  expectNonNegativeFinite,
  expectPositiveInteger,
  expectRecord,
  expectString,
  invalid,
  optional,
} from './errors.js';
import type { ReportData } from './report-data.js';

type Check = (v: unknown, name: string) => unknown;

/** Checks every element of an array field, naming elements `name[i]`. */
function eachRecord(v: unknown, name: string, check: (row: Record<string, unknown>, at: string) => void): void {
  expectArray(v, name).forEach((row, i) => check(expectRecord(row, `${name}[${i}]`), `${name}[${i}]`));
}

/** Checks the listed fields of a record: `fields` maps a key to its check (wrapped in `optional` for optional keys). */
function fields(row: Record<string, unknown>, at: string, checks: Record<string, Check>): void {
  for (const [key, check] of Object.entries(checks)) check(row[key], `${at}.${key}`);
}

const opt =
  (check: Check): Check =>
  (v, name) =>
    optional(check, v, name);

function expectScalar(v: unknown, name: string): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  return expectFinite(v, name);
}

function expectFacts(v: unknown, name: string): void {
  if (Array.isArray(v)) {
    eachRecord(v, name, (row, at) => fields(row, at, { label: expectString, value: expectScalar, hint: opt(expectString) }));
  } else {
    for (const [key, value] of Object.entries(expectRecord(v, name))) expectScalar(value, `${name}[${JSON.stringify(key)}]`);
  }
}

function expectStringArray(v: unknown, name: string): void {
  expectArray(v, name).forEach((s, i) => expectString(s, `${name}[${i}]`));
}

function expectMatrix(v: unknown, name: string, rows: number, cols: number | undefined): void {
  const m = expectArray(v, name);
  if (m.length !== rows) throw new RangeError(invalid(`an array of ${rows} rows`, name, v));
  m.forEach((row, i) => {
    const r = expectArray(row, `${name}[${i}]`);
    const width = cols ?? (m[0] as unknown[]).length;
    if (r.length !== width) throw new RangeError(invalid(`a row of ${width} numbers`, `${name}[${i}]`, row));
    r.forEach((x, j) => expectFinite(x, `${name}[${i}][${j}]`));
  });
}

function expectDistinct(values: readonly unknown[], nameOf: (i: number) => string): void {
  const seen = new Set<unknown>();
  values.forEach((v, i) => {
    if (seen.has(v)) throw new RangeError(invalid('a value not used before', nameOf(i), v));
    seen.add(v);
  });
}

function expectProbability(v: unknown, name: string): number {
  const p = expectFinite(v, name);
  if (p < 0 || p > 1) throw new RangeError(invalid('a number in [0, 1]', name, v));
  return p;
}

function expectSweeps(v: unknown, name: string): void {
  eachRecord(v, name, (row, at) => fields(row, at, { sweep: expectInteger, value: expectFinite }));
}

/**
 * Validates a `ReportData` value at the boundary, throwing a `TypeError` or `RangeError`
 * that names the offending field (`data.topics[2].terms[0].probability`).
 *
 * @example
 * validateReportData({ header: { title: 'Run 42' } }); // passes
 * validateReportData({ header: {} }); // TypeError: Expected a non-empty string for data.header.title but received undefined
 */
export function validateReportData(data: unknown): asserts data is ReportData {
  const d = expectRecord(data, 'data');
  const header = expectRecord(d.header, 'data.header');
  fields(header, 'data.header', {
    title: expectNonEmptyString,
    subtitle: opt(expectString),
    generatedAt: opt(expectString),
    runId: opt(expectString),
    parameters: opt(expectFacts),
    dataSummary: opt(expectFacts),
  });
  if (d.productLabels !== undefined) {
    for (const [code, label] of Object.entries(expectRecord(d.productLabels, 'data.productLabels'))) {
      expectString(label, `data.productLabels[${JSON.stringify(code)}]`);
    }
  }
  if (d.topics !== undefined) {
    eachRecord(d.topics, 'data.topics', (t, at) => {
      fields(t, at, { topic: expectInteger, label: opt(expectString), prevalence: opt(expectProbability) });
      eachRecord(t.terms, `${at}.terms`, (term, tat) =>
        fields(term, tat, { term: expectString, label: opt(expectString), probability: expectProbability }),
      );
    });
  }
  if (d.convergence !== undefined) {
    const c = expectRecord(d.convergence, 'data.convergence');
    expectSweeps(c.logLikelihood, 'data.convergence.logLikelihood');
    if (c.heldOutPerplexity !== undefined) expectSweeps(c.heldOutPerplexity, 'data.convergence.heldOutPerplexity');
    optional(expectNonNegativeFinite, c.burnIn, 'data.convergence.burnIn');
  }
  if (d.evaluation !== undefined) {
    const e = expectRecord(d.evaluation, 'data.evaluation');
    fields(e, 'data.evaluation', {
      heldOutPerplexity: opt(expectFinite),
      umass: opt(expectFinite),
      npmi: opt(expectFinite),
      coherenceTopN: opt(expectPositiveInteger),
    });
    if (e.perTopic !== undefined) {
      eachRecord(e.perTopic, 'data.evaluation.perTopic', (row, at) =>
        fields(row, at, { topic: expectInteger, umass: opt(expectFinite), npmi: opt(expectFinite) }),
      );
    }
  }
  if (d.topicKSelection !== undefined) {
    const s = expectRecord(d.topicKSelection, 'data.topicKSelection');
    optional(expectPositiveInteger, s.chosenK, 'data.topicKSelection.chosenK');
    eachRecord(s.rows, 'data.topicKSelection.rows', (row, at) =>
      fields(row, at, {
        k: expectPositiveInteger,
        perplexity: opt(expectFinite),
        umass: opt(expectFinite),
        npmi: opt(expectFinite),
        stability: opt(expectFinite),
      }),
    );
  }
  if (d.customerKSelection !== undefined) {
    const s = expectRecord(d.customerKSelection, 'data.customerKSelection');
    optional(expectPositiveInteger, s.chosenK, 'data.customerKSelection.chosenK');
    eachRecord(s.rows, 'data.customerKSelection.rows', (row, at) =>
      fields(row, at, { k: expectPositiveInteger, silhouette: expectFinite, inertia: opt(expectFinite) }),
    );
  }
  if (d.segments !== undefined) validateSegments(expectRecord(d.segments, 'data.segments'));
  if (d.customerMap !== undefined) {
    const m = expectRecord(d.customerMap, 'data.customerMap');
    eachRecord(m.points, 'data.customerMap.points', (p, at) =>
      fields(p, at, { x: expectFinite, y: expectFinite, segment: expectInteger }),
    );
    fields(m, 'data.customerMap', { maxPoints: opt(expectPositiveInteger), xLabel: opt(expectString), yLabel: opt(expectString) });
    if (m.explainedVariance !== undefined) {
      const ev = expectArray(m.explainedVariance, 'data.customerMap.explainedVariance');
      if (ev.length !== 2) throw new RangeError(invalid('an array of 2 numbers', 'data.customerMap.explainedVariance', ev));
      ev.forEach((x, i) => expectProbability(x, `data.customerMap.explainedVariance[${i}]`));
    }
  }
  if (d.missions !== undefined) {
    const m = expectRecord(d.missions, 'data.missions');
    eachRecord(m.shares, 'data.missions.shares', (row, at) =>
      fields(row, at, { topic: expectInteger, share: expectProbability, baskets: opt(expectNonNegativeFinite) }),
    );
    if (m.crossTabs !== undefined) {
      eachRecord(m.crossTabs, 'data.missions.crossTabs', (tab, at) => {
        expectString(tab.dimension, `${at}.dimension`);
        if (tab.categories !== undefined) expectStringArray(tab.categories, `${at}.categories`);
        eachRecord(tab.cells, `${at}.cells`, (cell, cat) =>
          fields(cell, cat, { category: expectString, topic: expectInteger, baskets: expectNonNegativeFinite }),
        );
      });
    }
  }
  if (d.recommendations !== undefined) validateRecommendations(expectRecord(d.recommendations, 'data.recommendations'));
  if (d.bundles !== undefined) {
    eachRecord(d.bundles, 'data.bundles', (b, at) => {
      expectStringArray(b.items, `${at}.items`);
      fields(b, at, {
        topic: opt(expectInteger),
        support: expectProbability,
        confidence: expectProbability,
        lift: expectNonNegativeFinite,
      });
    });
  }
  if (d.layout !== undefined) {
    const l = expectRecord(d.layout, 'data.layout');
    expectStringArray(l.categories, 'data.layout.categories');
    expectDistinct(l.categories as unknown[], (i) => `data.layout.categories[${i}]`);
    const n = (l.categories as unknown[]).length;
    expectMatrix(l.affinity, 'data.layout.affinity', n, n);
    fields(l, 'data.layout', { measure: opt(expectString), topAdjacencies: opt(expectPositiveInteger) });
    if (l.adjacencies !== undefined) {
      eachRecord(l.adjacencies, 'data.layout.adjacencies', (a, at) =>
        fields(a, at, { a: expectString, b: expectString, score: expectFinite, note: opt(expectString) }),
      );
    }
  }
}

function validateSegments(s: Record<string, unknown>): void {
  eachRecord(s.segments, 'data.segments.segments', (row, at) =>
    fields(row, at, { segment: expectInteger, label: opt(expectString), size: expectNonNegativeFinite }),
  );
  expectDistinct((s.segments as Array<Record<string, unknown>>).map((x) => x.segment), (i) => `data.segments.segments[${i}].segment`);
  const n = (s.segments as unknown[]).length;
  if (s.topicShares !== undefined) expectMatrix(s.topicShares, 'data.segments.topicShares', n, undefined);
  if (s.profile !== undefined) {
    const p = expectRecord(s.profile, 'data.segments.profile');
    const formats = ['text', 'integer', 'decimal', 'percent', 'segment'];
    eachRecord(p.columns, 'data.segments.profile.columns', (c, at) => {
      fields(c, at, { key: expectString, label: expectString, digits: opt(expectInteger), description: opt(expectString) });
      if (c.format !== undefined && !formats.includes(c.format as string)) {
        throw new RangeError(invalid(`one of ${formats.join(', ')}`, `${at}.format`, c.format));
      }
    });
    eachRecord(p.rows, 'data.segments.profile.rows', (row, at) => {
      for (const [key, value] of Object.entries(row)) if (value !== undefined) expectScalar(value, `${at}.${key}`);
    });
  }
}

function validateRecommendations(r: Record<string, unknown>): void {
  optional(expectPositiveInteger, r.cutoff, 'data.recommendations.cutoff');
  if (r.examples !== undefined) {
    eachRecord(r.examples, 'data.recommendations.examples', (ex, at) => {
      fields(ex, at, { customer: expectString, segment: opt(expectInteger) });
      expectStringArray(ex.basket, `${at}.basket`);
      if (ex.heldOut !== undefined) expectStringArray(ex.heldOut, `${at}.heldOut`);
      eachRecord(ex.recommended, `${at}.recommended`, (item, iat) => fields(item, iat, { item: expectString, score: expectFinite }));
    });
  }
  if (r.methods !== undefined) {
    eachRecord(r.methods, 'data.recommendations.methods', (m, at) =>
      fields(m, at, { method: expectString, recall: expectProbability, ndcg: expectProbability, note: opt(expectString) }),
    );
  }
}
