/**
 * The plain data a report is rendered from.
 *
 * Everything is plain JSON-like data (strings, numbers, arrays, objects), so any
 * package can fill it without depending on this one's internals. Every section is
 * optional except `header`; a section that is absent is left out of the page and
 * out of the table of contents.
 *
 * Identifiers: topics are referred to by their integer index (`topic`), segments by
 * their integer id (`segment`), products by their code (a string). Human labels for
 * them are looked up in `topics[].label`, `segments.segments[].label` and
 * `productLabels`, so each is given once and used everywhere.
 */

/** A scalar shown in a key/value table. Numbers are formatted; `null` shows as an em dash. */
export type ReportScalar = string | number | boolean | null;

/** One row of a key/value table. */
export interface ReportFact {
  /** What the value is, e.g. `"Topics (K)"`. */
  label: string;
  /** The value; numbers are formatted with grouping and sensible precision. */
  value: ReportScalar;
  /** Optional explanation shown in small print after the value. */
  hint?: string;
}

/** A key/value table: ordered facts, or a plain object whose keys are the labels (in insertion order). */
export type ReportFacts = readonly ReportFact[] | Readonly<Record<string, ReportScalar>>;

/** The page header: the only required section. */
export interface ReportHeader {
  /** Page title, e.g. `"ATM Segmenter — LGSR 5k"`. */
  title: string;
  /** A sentence under the title, e.g. the data set and the model. */
  subtitle?: string;
  /** When the run was made, shown as given (the renderer never reads the clock, so output is reproducible). */
  generatedAt?: string;
  /** An identifier of the run (model file hash, run id, …). */
  runId?: string;
  /** Run parameters (K, alpha, beta, sweeps, seed, backend, …). */
  parameters?: ReportFacts;
  /** Data summary (customers, baskets, product classes, tokens, date range, …). */
  dataSummary?: ReportFacts;
}

/** One of a topic's top terms (product classes). */
export interface TopicTerm {
  /** Product code. */
  term: string;
  /** Human label; falls back to `productLabels[term]`, then to the code. */
  label?: string;
  /** P(term | topic), in [0, 1]. */
  probability: number;
}

/** One topic's summary. */
export interface TopicSummary {
  /** Topic index (0-based, as in the model). */
  topic: number;
  /** Short human name of the topic, e.g. `"Baby care"`. */
  label?: string;
  /** Share of all tokens (or of customers' mass) assigned to the topic, in [0, 1]; drives the prevalence chart. */
  prevalence?: number;
  /** The topic's top terms, most probable first. */
  terms: readonly TopicTerm[];
}

/** One point of a per-sweep trace. */
export interface SweepValue {
  /** Gibbs sweep (iteration) number. */
  sweep: number;
  /** The measured value at that sweep. */
  value: number;
}

/** Convergence of the sampler. */
export interface ConvergenceSection {
  /** Training log-likelihood per sweep (line chart). */
  logLikelihood: readonly SweepValue[];
  /** Held-out perplexity per sweep, when it was tracked (second line chart). */
  heldOutPerplexity?: readonly SweepValue[];
  /** Sweeps discarded as burn-in; shaded on the charts. */
  burnIn?: number;
}

/** Coherence of one topic. */
export interface TopicCoherence {
  /** Topic index. */
  topic: number;
  /** UMass coherence (≤ 0; closer to 0 is more coherent). */
  umass?: number;
  /** NPMI coherence in [-1, 1]; higher is more coherent. */
  npmi?: number;
}

/** Held-out fit and coherence figures. */
export interface EvaluationSection {
  /** Held-out perplexity (lower is better). */
  heldOutPerplexity?: number;
  /** Mean UMass coherence over topics. */
  umass?: number;
  /** Mean NPMI coherence over topics. */
  npmi?: number;
  /** Number of top terms per topic the coherence was measured on. */
  coherenceTopN?: number;
  /** Per-topic coherence (bar charts). */
  perTopic?: readonly TopicCoherence[];
}

/** One candidate number of topics. Missing metrics are simply not drawn. */
export interface TopicKRow {
  /** Number of topics tried. */
  k: number;
  /** Held-out perplexity (lower is better). */
  perplexity?: number;
  /** Mean UMass coherence. */
  umass?: number;
  /** Mean NPMI coherence. */
  npmi?: number;
  /** Topic stability across seeds, in [0, 1] (higher is better). */
  stability?: number;
}

/** Choice of the number of topics. */
export interface TopicKSelectionSection {
  /** One row per K tried. */
  rows: readonly TopicKRow[];
  /** The K that was chosen; marked on every chart. */
  chosenK?: number;
}

/** One candidate number of customer segments. */
export interface CustomerKRow {
  /** Number of clusters tried. */
  k: number;
  /** Mean silhouette in [-1, 1] (higher is better). */
  silhouette: number;
  /** Within-cluster sum of squares (for an elbow plot). */
  inertia?: number;
}

/** Choice of the number of customer segments. */
export interface CustomerKSelectionSection {
  /** One row per k tried. */
  rows: readonly CustomerKRow[];
  /** The k that was chosen; marked on the charts. */
  chosenK?: number;
}

/** One customer segment. */
export interface SegmentInfo {
  /** Segment id (any integer; DBSCAN noise may be -1). */
  segment: number;
  /** Human name, e.g. `"Young families"`. */
  label?: string;
  /** Number of customers. */
  size: number;
}

/** How a profile column's values are formatted. */
export type ProfileColumnFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'segment';

/** A column of the segment profile table. */
export interface ProfileColumn {
  /** Key of the value in each row. */
  key: string;
  /** Column heading. */
  label: string;
  /**
   * `text` (left-aligned, as given), `integer` (grouped), `decimal`, `percent` (a fraction
   * shown ×100 with a % sign), or `segment` (a segment id shown with its colour and name).
   * Defaults to `decimal` for numbers and `text` otherwise.
   */
  format?: ProfileColumnFormat;
  /** Decimal places for `decimal` (default 2) and `percent` (default 1). */
  digits?: number;
  /** Tooltip on the heading explaining the column. */
  description?: string;
}

/** The segment profile table: generic columns chosen by the caller. */
export interface ProfileTable {
  /** The columns, in display order. */
  columns: readonly ProfileColumn[];
  /** One object per row, keyed by column key. Missing values show as an em dash. */
  rows: ReadonlyArray<Readonly<Record<string, ReportScalar | undefined>>>;
}

/** Customer segments. */
export interface SegmentsSection {
  /** The segments in display order; their order also fixes their colours. */
  segments: readonly SegmentInfo[];
  /**
   * Mean topic share per segment: `topicShares[i][t]` is the mean P(topic t | customer)
   * over customers of `segments[i]` (heatmap). Every row has one entry per topic.
   */
  topicShares?: ReadonlyArray<readonly number[]>;
  /** The segment profile table. */
  profile?: ProfileTable;
}

/** One customer on the 2-D map. */
export interface MapPoint {
  /** First coordinate (e.g. PC1). */
  x: number;
  /** Second coordinate (e.g. PC2). */
  y: number;
  /** Segment id of the customer. */
  segment: number;
}

/** 2-D customer map (PCA of topic mixtures). */
export interface CustomerMapSection {
  /** All customers; deterministically down-sampled to `maxPoints` per segment in proportion. */
  points: readonly MapPoint[];
  /** Most points drawn (default 5000). */
  maxPoints?: number;
  /** Axis titles (default `PC1`, `PC2`). */
  xLabel?: string;
  yLabel?: string;
  /** Share of variance explained by each axis, in [0, 1]; appended to the axis titles. */
  explainedVariance?: readonly [number, number];
}

/** Share of baskets whose dominant topic (mission) is `topic`. */
export interface MissionShare {
  /** Topic index. */
  topic: number;
  /** Share of baskets, in [0, 1]. */
  share: number;
  /** Number of baskets, when known. */
  baskets?: number;
}

/** Basket counts of one category × mission cell. */
export interface CrossTabCell {
  /** Category of the dimension, e.g. `"Mon"`, `"08"`, `"Express"`. */
  category: string;
  /** Mission (dominant topic). */
  topic: number;
  /** Number of baskets. */
  baskets: number;
}

/** Missions broken down by one basket attribute. */
export interface MissionCrossTab {
  /** The attribute, e.g. `"Weekday"`, `"Hour"`, `"Store format"`, `"Basket type"`. */
  dimension: string;
  /** Category order; defaults to order of first appearance in `cells`. */
  categories?: readonly string[];
  /** The counts; missing cells count as zero. */
  cells: readonly CrossTabCell[];
}

/** Basket missions (dominant topic per basket). */
export interface MissionsSection {
  /** Overall mission shares (bar). */
  shares: readonly MissionShare[];
  /** Breakdowns by weekday, hour, store format, basket type, … (heatmaps). */
  crossTabs?: readonly MissionCrossTab[];
}

/** One recommended item. */
export interface RecommendedItem {
  /** Product code. */
  item: string;
  /** Score the recommender gave it. */
  score: number;
}

/** An example recommendation for one customer. */
export interface RecommendationExample {
  /** Customer id. */
  customer: string;
  /** The customer's segment, if known. */
  segment?: number;
  /** Product codes already in the (partial) basket. */
  basket: readonly string[];
  /** Top recommended items, best first. */
  recommended: readonly RecommendedItem[];
  /** Product codes that were held out of the basket: recommendations among them are marked as hits. */
  heldOut?: readonly string[];
}

/** Offline accuracy of one recommendation method. */
export interface MethodScore {
  /** Method name, e.g. `"ATM"`, `"Popularity"`, `"Item-kNN"`. */
  method: string;
  /** Recall at the cutoff, in [0, 1]. */
  recall: number;
  /** NDCG at the cutoff, in [0, 1]. */
  ndcg: number;
  /** Short note shown in the table. */
  note?: string;
}

/** Recommendations. */
export interface RecommendationsSection {
  /** Example recommendations. */
  examples?: readonly RecommendationExample[];
  /** Method comparison; the best value of each metric is highlighted. */
  methods?: readonly MethodScore[];
  /** The list length the metrics are measured at (default 10). */
  cutoff?: number;
}

/** A cross-sell bundle. */
export interface Bundle {
  /** Product codes in the bundle. */
  items: readonly string[];
  /** The topic that explains the bundle. */
  topic?: number;
  /** Share of baskets containing all items, in [0, 1]. */
  support: number;
  /** Confidence of the rule, in [0, 1]. */
  confidence: number;
  /** Lift (1 = independent). */
  lift: number;
}

/** A suggested adjacency of two categories. */
export interface Adjacency {
  /** First category. */
  a: string;
  /** Second category. */
  b: string;
  /** Affinity score (same measure as the heatmap). */
  score: number;
  /** Why, e.g. the topic that links them. */
  note?: string;
}

/** Store layout affinities. */
export interface LayoutSection {
  /** Category names, in matrix order. */
  categories: readonly string[];
  /** Symmetric affinity matrix: `affinity[i][j]` between `categories[i]` and `categories[j]`. */
  affinity: ReadonlyArray<readonly number[]>;
  /** Name of the measure, e.g. `"Lift"` or `"Topic cosine"` (default `"Affinity"`). */
  measure?: string;
  /** Strongest suggested adjacencies; when absent, the strongest off-diagonal pairs of `affinity`. */
  adjacencies?: readonly Adjacency[];
  /** How many adjacencies to list when derived from the matrix (default 15). */
  topAdjacencies?: number;
}

/** Everything a report shows. Only `header` is required. */
export interface ReportData {
  /** Title, run parameters and data summary. */
  header: ReportHeader;
  /** Human labels of product codes, used wherever a code is shown. */
  productLabels?: Readonly<Record<string, string>>;
  /** Topics with their top terms and prevalence. */
  topics?: readonly TopicSummary[];
  /** Sampler convergence traces. */
  convergence?: ConvergenceSection;
  /** Held-out perplexity and coherence. */
  evaluation?: EvaluationSection;
  /** Choice of the number of topics. */
  topicKSelection?: TopicKSelectionSection;
  /** Choice of the number of customer segments (silhouette curve). */
  customerKSelection?: CustomerKSelectionSection;
  /** Segment sizes, segment × topic heatmap and profile table. */
  segments?: SegmentsSection;
  /** 2-D customer map coloured by segment. */
  customerMap?: CustomerMapSection;
  /** Basket missions and their breakdowns. */
  missions?: MissionsSection;
  /** Recommendation examples and method comparison. */
  recommendations?: RecommendationsSection;
  /** Cross-sell bundles. */
  bundles?: readonly Bundle[];
  /** Layout affinities between categories. */
  layout?: LayoutSection;
}
