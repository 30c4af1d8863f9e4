import type { ReportData } from '../src/report-data.js';

/** The strings an attacker (or a messy product master) could put in the data. */
export const SCRIPT = '<script>alert(1)</script>';
export const QUOTES = '"quotes"&amp';

/** mulberry32: a tiny seeded generator so the fixture is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normalize(xs: number[]): number[] {
  const s = xs.reduce((a, b) => a + b, 0);
  return xs.map((x) => x / s);
}

const TOPIC_LABELS = [
  'Baby care',
  'Weekly family shop',
  'Breakfast',
  'Barbecue',
  'Healthy snacks',
  'Baking',
  'Party drinks',
  'Pet care',
  'Household cleaning',
  'Ready meals',
  'Fresh produce',
  'Wine & cheese',
];
const CLASS_NAMES = [
  'Whole milk', 'Diapers', 'Baby wipes', 'Infant formula', 'Cereal', 'Orange juice', 'Coffee beans', 'Croissants',
  'Sausages', 'Charcoal', 'Burger buns', 'Lager', 'Granola bars', 'Greek yogurt', 'Almonds', 'Flour', 'Sugar',
  'Baking soda', 'Eggs', 'Cola', 'Crisps', 'Vodka', 'Cat food', 'Dog treats', 'Cat litter', 'Dish soap',
  'Bleach', 'Sponges', 'Lasagne', 'Pizza', 'Curry', 'Apples', 'Bananas', 'Tomatoes', 'Red wine', 'Brie',
  'Crackers', 'Butter', 'Bread', 'Bananas',
];

export interface FixtureOptions {
  /** Put `<script>` and quote/ampersand strings in codes, labels, ids and parameters. */
  hostile?: boolean;
  /** Customers on the map (default 8000, more than the 5000 drawn). */
  customers?: number;
}

/**
 * A full, moderately sized ReportData: 12 topics × 10 terms, 250 sweeps, 6 segments,
 * 8000 map points, 4 mission cross-tabs, 5 methods, 20 bundles, a 16-category layout.
 */
export function fullFixture(options: FixtureOptions = {}): ReportData {
  const rnd = random(20240611);
  const hostile = options.hostile === true;
  const nCustomers = options.customers ?? 8000;
  const K = 12;
  const codes = CLASS_NAMES.map((_, i) => `PC${String(i + 1).padStart(3, '0')}`);
  if (hostile) {
    codes[0] = SCRIPT;
    codes[1] = QUOTES;
  }
  const productLabels: Record<string, string> = {};
  codes.forEach((c, i) => {
    // Leave a few codes unlabelled so code-only display is exercised too.
    if (i % 7 !== 6) productLabels[c] = CLASS_NAMES[i];
  });
  if (hostile) {
    productLabels[codes[2]] = SCRIPT;
    productLabels[codes[3]] = QUOTES;
  }
  const topicLabel = (t: number): string => (hostile && t === 0 ? SCRIPT : hostile && t === 1 ? QUOTES : TOPIC_LABELS[t]);
  const prevalence = normalize(Array.from({ length: K }, () => 0.3 + rnd()));
  const topics = Array.from({ length: K }, (_, t) => {
    const weights = normalize(Array.from({ length: 10 }, (_, r) => Math.exp(-r * 0.35) * (0.6 + rnd())));
    const scale = 0.35 + rnd() * 0.3;
    return {
      topic: t,
      label: topicLabel(t),
      prevalence: prevalence[t],
      terms: weights
        .map((w, r) => ({ term: codes[(t * 3 + r * 7) % codes.length], probability: w * scale }))
        .sort((a, b) => b.probability - a.probability)
        .map((x, r) => (hostile && r === 1 && t === 2 ? { ...x, label: SCRIPT } : x)),
    };
  });

  const logLikelihood = Array.from({ length: 250 }, (_, i) => ({
    sweep: i + 1,
    value: -2.1e6 + 6e5 * (1 - Math.exp(-i / 25)) + (rnd() - 0.5) * 4e3,
  }));
  const heldOutPerplexity = Array.from({ length: 25 }, (_, i) => ({
    sweep: (i + 1) * 10,
    value: 180 + 260 * Math.exp(-i / 4) + rnd() * 3,
  }));

  const segmentsLabels = ['Young families', 'Convenience', 'Foodies', 'Pet owners', 'Bulk savers', 'Party hosts'];
  const S = segmentsLabels.length;
  const sizes = normalize(Array.from({ length: S }, () => 0.5 + rnd())).map((p) => Math.round(p * nCustomers));
  const segments = segmentsLabels.map((label, s) => ({
    segment: s,
    label: hostile && s === 0 ? SCRIPT : hostile && s === 1 ? QUOTES : label,
    size: sizes[s],
  }));
  const topicShares = segments.map((_, s) =>
    normalize(Array.from({ length: K }, (_, t) => (t % S === s ? 3 + rnd() * 2 : 0.2 + rnd() * 0.6))),
  );
  const profile = {
    columns: [
      { key: 'segment', label: 'Segment', format: 'segment' as const },
      { key: 'customers', label: 'Customers', format: 'integer' as const },
      { key: 'share', label: 'Share', format: 'percent' as const },
      { key: 'basketsPerMonth', label: 'Baskets / month', format: 'decimal' as const, digits: 1 },
      { key: 'spend', label: 'Avg. spend', format: 'decimal' as const, description: 'Mean basket value in EUR' },
      { key: 'topTopic', label: 'Top topic', format: 'text' as const },
      { key: 'note', label: 'Note' },
    ],
    rows: segments.map((s, i) => ({
      segment: s.segment,
      customers: s.size,
      share: s.size / nCustomers,
      basketsPerMonth: 2 + rnd() * 6,
      spend: 18 + rnd() * 60,
      topTopic: topicLabel(i),
      note: hostile && i === 0 ? SCRIPT : i === 3 ? null : 'stable across seeds',
    })),
  };

  const points = Array.from({ length: nCustomers }, (_, i) => {
    const s = i % S;
    const angle = (s / S) * Math.PI * 2;
    return {
      x: Math.cos(angle) * 0.4 + (rnd() - 0.5) * 0.35,
      y: Math.sin(angle) * 0.3 + (rnd() - 0.5) * 0.3,
      segment: s,
    };
  });

  const missionShares = normalize(Array.from({ length: K }, () => 0.2 + rnd()));
  const crossTab = (dimension: string, categories: string[]) => ({
    dimension,
    categories,
    cells: categories.flatMap((category, j) =>
      Array.from({ length: K }, (_, t) => ({
        category,
        topic: t,
        baskets: Math.round(missionShares[t] * 4000 * (0.5 + rnd()) * (1 + 0.6 * Math.sin(j + t))),
      })),
    ),
  });

  const methods = [
    { method: 'ATM (author-topic)', recall: 0.312, ndcg: 0.241, note: 'this model' },
    { method: 'LDA (basket topics)', recall: 0.281, ndcg: 0.219 },
    { method: 'Item-kNN', recall: 0.297, ndcg: 0.252, note: 'cosine, 50 neighbours' },
    { method: 'Popularity', recall: 0.188, ndcg: 0.131 },
    { method: hostile ? SCRIPT : 'Random', recall: 0.021, ndcg: 0.012 },
  ];
  const examples = Array.from({ length: 4 }, (_, e) => ({
    customer: hostile && e === 0 ? SCRIPT : hostile && e === 1 ? QUOTES : `C${String(10457 + e * 317).padStart(7, '0')}`,
    segment: e % S,
    basket: [codes[(e * 4) % codes.length], codes[(e * 4 + 1) % codes.length], codes[(e * 4 + 9) % codes.length]],
    heldOut: [codes[(e * 4 + 2) % codes.length], codes[(e * 4 + 3) % codes.length]],
    recommended: Array.from({ length: 10 }, (_, r) => ({
      item: codes[(e * 4 + 2 + r * 3) % codes.length],
      score: 0.2 * Math.exp(-r * 0.3),
    })),
  }));

  const bundles = Array.from({ length: 20 }, (_, b) => {
    const support = 0.002 + rnd() * 0.03;
    return {
      items: [codes[(b * 2) % codes.length], codes[(b * 2 + 7) % codes.length], ...(b % 3 === 0 ? [codes[(b * 2 + 19) % codes.length]] : [])],
      topic: b % K,
      support,
      confidence: 0.15 + rnd() * 0.6,
      lift: 1.2 + rnd() * 6,
    };
  }).sort((a, b) => b.lift - a.lift);

  const categories = [
    'Dairy', 'Bakery', 'Produce', 'Meat', 'Frozen', 'Beverages', 'Alcohol', 'Snacks', 'Baby', 'Pet',
    'Household', 'Health & beauty', 'Breakfast', 'Deli', 'Baking', hostile ? SCRIPT : 'Seasonal',
  ];
  const n = categories.length;
  const affinity = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    affinity[i][i] = 1;
    for (let j = i + 1; j < n; j++) affinity[i][j] = affinity[j][i] = Math.round((0.05 + rnd() ** 2 * 0.85) * 1000) / 1000;
  }

  return {
    header: {
      title: hostile ? `Report ${SCRIPT} ${QUOTES}` : 'LGSR 5k — author-topic model, K = 12',
      subtitle: 'Loyalty-card baskets of 5,000 customers; product classes as terms.',
      generatedAt: '2025-06-11 14:02 UTC',
      runId: hostile ? QUOTES : 'run-7f3a9c',
      parameters: [
        { label: 'Topics (K)', value: K },
        { label: 'α (document–topic prior)', value: 0.1, hint: 'learned, asymmetric' },
        { label: 'β (topic–term prior)', value: 0.01 },
        { label: 'Sweeps', value: 250 },
        { label: 'Burn-in', value: 50 },
        { label: 'Seed', value: 42 },
        { label: 'Backend', value: hostile ? SCRIPT : 'native (C++)' },
        { label: 'Hyperparameter optimisation', value: true },
        { label: 'Notes', value: hostile ? QUOTES : null },
      ],
      dataSummary: {
        Customers: 5000,
        Baskets: 412_337,
        'Product classes': codes.length,
        Tokens: 3_912_004,
        'Mean basket size': 9.487,
        'Held-out baskets': 41_233,
        Period: '2023-01-01 – 2023-12-31',
      },
    },
    productLabels,
    topics,
    convergence: { logLikelihood, heldOutPerplexity, burnIn: 50 },
    evaluation: {
      heldOutPerplexity: 187.42,
      umass: -1.842,
      npmi: 0.117,
      coherenceTopN: 10,
      perTopic: topics.map((t) => ({ topic: t.topic, umass: -0.8 - rnd() * 2.4, npmi: -0.05 + rnd() * 0.3 })),
    },
    topicKSelection: {
      chosenK: 12,
      rows: [4, 6, 8, 10, 12, 14, 16, 20, 24].map((k) => ({
        k,
        perplexity: 160 + 900 / k + rnd() * 4,
        umass: -1.2 - k * 0.05 - rnd() * 0.1,
        npmi: 0.16 - Math.abs(k - 12) * 0.006 - rnd() * 0.01,
        stability: 0.95 - k * 0.012 - rnd() * 0.03,
      })),
    },
    customerKSelection: {
      chosenK: 6,
      rows: [2, 3, 4, 5, 6, 7, 8, 9, 10].map((k) => ({
        k,
        silhouette: 0.21 + 0.1 * Math.exp(-((k - 6) ** 2) / 6) + rnd() * 0.01,
        inertia: 3200 / Math.sqrt(k) + rnd() * 20,
      })),
    },
    segments: { segments, topicShares, profile },
    customerMap: { points, explainedVariance: [0.214, 0.137] },
    missions: {
      shares: missionShares.map((share, topic) => ({ topic, share, baskets: Math.round(share * 412_337) })),
      crossTabs: [
        crossTab('Weekday', ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']),
        crossTab('Hour', Array.from({ length: 16 }, (_, h) => String(h + 7).padStart(2, '0'))),
        crossTab('Store format', ['Hypermarket', 'Supermarket', hostile ? SCRIPT : 'Express']),
        crossTab('Basket type', ['Top-up', 'Full shop', 'Fresh', 'Non-food']),
      ],
    },
    recommendations: { cutoff: 10, methods, examples },
    bundles,
    layout: { categories, affinity, measure: 'Topic cosine', topAdjacencies: 12 },
  };
}
