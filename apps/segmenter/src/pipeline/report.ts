import type { AuthorTopicModel } from '@atm/core';
import { topIndices } from '@atm/core';
import type { ReportData } from '@atm/report';
import type { Insights } from './insights.js';
import type { ProfileTable, Segmentation } from './segment.js';
import type { ModelInfo } from './train.js';

const METHOD_NAMES: Record<string, string> = {
  popularity: 'Global popularity',
  cooccurrence: 'Item-to-item co-occurrence',
  history: "Customer's own history (Dirichlet-smoothed)",
  model: 'Author-topic model',
  hybrid: 'Hybrid: history + model + co-occurrence',
};

/** A short topic label from its three most probable terms. */
export function topicLabel(model: AuthorTopicModel, k: number): string {
  return model.getTopicTerms(k, 3).map((t) => t.term).join(' · ');
}

/** Assembles the report's data from a trained model, its segmentation and insights. */
export function reportData(args: {
  model: AuthorTopicModel;
  info: ModelInfo;
  seg: Segmentation;
  profiles: ProfileTable;
  insights: Insights;
  parameters: Record<string, string | number>;
  title?: string;
}): ReportData {
  const { model, info, seg, profiles, insights } = args;
  const K = model.numTopics;
  const { corpus } = model;
  const V = corpus.numTerms;
  const phi = model.topicTermMatrix();
  const theta = model.authorTopicMatrix();
  // Prevalence: share of training tokens assigned to each topic.
  const prevalence = Array.from(model.state.nk, (n) => n / corpus.numTokens);
  const segments = [...new Set(seg.labels)].sort((a, b) => a - b);
  const topicShares = segments.map((s) => {
    const mean = new Array<number>(K).fill(0);
    let n = 0;
    seg.labels.forEach((l, a) => {
      if (l !== s) return;
      n++;
      for (let k = 0; k < K; k++) mean[k] += theta[a * K + k];
    });
    return mean.map((v) => v / n);
  });
  const mt = insights.missionTable;
  const missionCounts = new Array<number>(K).fill(0);
  for (const m of insights.missions) missionCounts[m]++;
  const e = info.evaluation;
  const stats = info.stats;
  return {
    header: {
      title: args.title ?? `ATM Segmenter: ${K} topics, ${seg.k} customer segments`,
      subtitle: `Author-topic model of ${corpus.numAuthors} customers' baskets at level ${info.level}`,
      generatedAt: new Date().toISOString(),
      parameters: args.parameters,
      dataSummary: {
        'Baskets (training)': corpus.numDocs,
        Customers: corpus.numAuthors,
        [`Terms (${info.level})`]: V,
        Tokens: corpus.numTokens,
        'Held-out baskets (test)': e.heldOutBaskets,
        'Baskets in scope (before cleaning)': stats.basketsInScope,
        'Terms in scope (before the frequency filter)': stats.termsInScope,
        ...(info.weeks ? { 'Training weeks up to': String(info.weeks.lastTrain), 'Test weeks from': String(info.weeks.firstTest) } : {}),
        'Training sweeps': info.train.sweeps,
        'Training seconds': Number(info.train.seconds.toFixed(2)),
        Backend: `${info.train.backendUsed} (${info.train.sampler}, ${info.train.threads} thread${info.train.threads > 1 ? 's' : ''})`,
      },
    },
    topics: Array.from({ length: K }, (_, k) => ({
      topic: k,
      label: topicLabel(model, k),
      prevalence: prevalence[k],
      terms: topIndices(phi, Math.min(10, V), k * V, V).map((w) => ({ term: corpus.terms[w], probability: phi[k * V + w] })),
    })),
    convergence: {
      logLikelihood: model.trace.map((t) => ({ sweep: t.sweep, value: t.logLikelihood })),
      heldOutPerplexity: model.trace.filter((t) => t.heldOutPerplexity !== undefined).map((t) => ({ sweep: t.sweep, value: t.heldOutPerplexity! })),
      ...(model.optimizeInterval > 0 ? { burnIn: model.burnIn } : {}),
    },
    evaluation: { heldOutPerplexity: e.heldOutPerplexity, umass: e.umass, npmi: e.npmi, coherenceTopN: Math.min(10, V) },
    ...(seg.curve ? { customerKSelection: { rows: seg.curve.map((p) => ({ k: p.k, silhouette: p.silhouette, inertia: p.inertia })), chosenK: seg.k } } : {}),
    segments: {
      segments: segments.map((s) => ({ segment: s, size: seg.labels.filter((l) => l === s).length })),
      topicShares,
      profile: profiles,
    },
    customerMap: {
      points: Array.from(insights.map.x, (x, a) => ({ x, y: insights.map.y[a], segment: seg.labels[a] })),
      explainedVariance: insights.map.explainedVarianceRatio,
    },
    missions: {
      shares: missionCounts.map((baskets, topic) => ({ topic, share: mt.baskets ? baskets / mt.baskets : 0, baskets })),
      crossTabs: Object.entries(mt.attributes).map(([dimension, tab]) => ({
        dimension,
        categories: tab.values.map(String),
        cells: tab.values.flatMap((v, i) => Array.from({ length: K }, (_, k) => ({ category: String(v), topic: k, baskets: tab.counts[i * K + k] }))),
      })),
    },
    recommendations: {
      cutoff: insights.recommenders.k,
      methods: insights.recommenders.rows.map((r) => ({
        method: METHOD_NAMES[r.method] ?? r.method,
        recall: r.recallAt10,
        ndcg: r.ndcgAt10,
        note: r.method === 'hybrid' ? `weights tuned on validation: ${JSON.stringify(insights.recommenders.tuned.weights)}` : r.method === 'history' ? `μ = ${insights.recommenders.tuned.mu}` : undefined,
      })),
      examples: insights.examples.map((x) => ({
        customer: x.customer,
        segment: seg.labels[corpus.authorIndex(x.customer) ?? -1],
        basket: x.basket,
        heldOut: x.heldOut,
        recommended: x.recommended.map((r) => ({ item: r.term, score: r.score })),
      })),
    },
    bundles: insights.bundles.map((b) => ({ items: b.items, topic: b.topic, support: b.support, confidence: b.confidence, lift: b.lift })),
    layout: {
      categories: insights.layout.labels,
      affinity: rows(insights.layout.affinity, insights.layout.labels.length),
      measure: `affinity between ${insights.layoutLevel} groups: ½ topic co-membership (cosine of topic profiles) + ½ co-purchase (positive NPMI)`,
      adjacencies: insights.layout.pairs.map((p) => ({ a: p.a, b: p.b, score: p.affinity, note: `topic similarity ${p.topicSimilarity.toFixed(2)}, lift ${p.lift.toFixed(2)}` })),
    },
  };
}

function rows(m: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(m.subarray(i * n, i * n + n)));
}
