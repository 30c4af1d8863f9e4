import type { Corpus } from './corpus.js';
import { invalid } from './errors.js';

/** Point estimates a model is judged by: θ (A x K) and φ (K x V), rows normalized. */
export interface PointEstimates {
  numTopics: number;
  numTerms: number;
  numAuthors: number;
  theta: Float64Array;
  phi: Float64Array;
}

export interface HeldOutResult {
  /** Σ over held-out tokens of log p(w | d). */
  logLikelihood: number;
  tokens: number;
  /** logLikelihood / tokens (higher is better). */
  perToken: number;
  /** exp(−perToken) (lower is better). */
  perplexity: number;
}

/**
 * Held-out log-likelihood of documents whose authors are known:
 * p(w | d) = mean over d's authors a of Σ_k θ_ak φ_kw. Token ids and author ids must index
 * the same vocabularies as the estimates (build the held-out corpus with the training vocabularies).
 *
 * @example
 * const { perToken, perplexity } = heldOutLikelihood(model.estimates(), heldOut);
 */
export function heldOutLikelihood(est: PointEstimates, heldOut: Corpus): HeldOutResult {
  const { numTopics: K, numTerms: V, theta, phi } = est;
  if (heldOut.numTerms !== V) throw new RangeError(invalid(`a held-out corpus over the model's ${V} terms`, 'heldOut', `${heldOut.numTerms} terms`));
  if (heldOut.numAuthors !== est.numAuthors)
    throw new RangeError(invalid(`a held-out corpus over the model's ${est.numAuthors} authors`, 'heldOut', `${heldOut.numAuthors} authors`));
  // Mixture of the document's authors, computed once per document.
  const mix = new Float64Array(K);
  let ll = 0;
  let n = 0;
  for (let d = 0; d < heldOut.numDocs; d++) {
    mix.fill(0);
    const authors = heldOut.docAuthorIds(d);
    for (const a of authors) for (let k = 0; k < K; k++) mix[k] += theta[a * K + k] / authors.length;
    for (let i = heldOut.docOffsets[d]; i < heldOut.docOffsets[d + 1]; i++) {
      const w = heldOut.tokens[i];
      let p = 0;
      for (let k = 0; k < K; k++) p += mix[k] * phi[k * V + w];
      ll += Math.log(p);
      n++;
    }
  }
  const perToken = n > 0 ? ll / n : 0;
  return { logLikelihood: ll, tokens: n, perToken, perplexity: Math.exp(-perToken) };
}

export interface CoherenceResult {
  /** Mean UMass per topic, then its mean over topics (never the sum: that always favours small K). */
  umass: number;
  npmi: number;
  perTopic: { umass: number; npmi: number }[];
}

/**
 * Topic coherence with the document as the co-occurrence window (UMass, Mimno et al. 2011;
 * NPMI, Bouma 2009) over each topic's `topN` terms. Scores are means over term pairs, then over topics.
 *
 * @example
 * const c = coherence(topTermsPerTopic, corpus); // c.umass, c.npmi
 */
export function coherence(topTerms: readonly (readonly number[])[], corpus: Corpus): CoherenceResult {
  const union = [...new Set(topTerms.flat())].sort((a, b) => a - b);
  const slot = new Int32Array(corpus.numTerms).fill(-1);
  union.forEach((w, i) => (slot[w] = i));
  const m = union.length;
  const df = new Float64Array(m);
  const co = new Float64Array(m * m);
  const seen = new Int32Array(m).fill(-1);
  const present: number[] = [];
  for (let d = 0; d < corpus.numDocs; d++) {
    present.length = 0;
    for (let i = corpus.docOffsets[d]; i < corpus.docOffsets[d + 1]; i++) {
      const s = slot[corpus.tokens[i]];
      if (s >= 0 && seen[s] !== d) {
        seen[s] = d;
        present.push(s);
      }
    }
    for (let x = 0; x < present.length; x++) {
      df[present[x]]++;
      for (let y = x + 1; y < present.length; y++) {
        const a = present[x];
        const b = present[y];
        co[a * m + b]++;
        co[b * m + a]++;
      }
    }
  }
  const D = corpus.numDocs;
  const perTopic = topTerms.map((terms) => {
    let umass = 0;
    let npmi = 0;
    let pairs = 0;
    for (let i = 1; i < terms.length; i++) {
      for (let j = 0; j < i; j++) {
        const wi = slot[terms[i]];
        const wj = slot[terms[j]];
        const both = co[wi * m + wj];
        umass += Math.log((both + 1) / Math.max(df[wj], 1));
        if (both === 0) npmi += -1;
        else {
          const pij = both / D;
          const pmi = Math.log(pij / ((df[wi] / D) * (df[wj] / D)));
          npmi += pij === 1 ? 1 : pmi / -Math.log(pij);
        }
        pairs++;
      }
    }
    return { umass: pairs ? umass / pairs : 0, npmi: pairs ? npmi / pairs : 0 };
  });
  const mean = (f: (t: { umass: number; npmi: number }) => number): number =>
    perTopic.length ? perTopic.reduce((s, t) => s + f(t), 0) / perTopic.length : 0;
  return { umass: mean((t) => t.umass), npmi: mean((t) => t.npmi), perTopic };
}

/** Indices of the `n` largest values of `row` (ties: lower index first). */
export function topIndices(row: ArrayLike<number>, n: number, start = 0, length = row.length - start): number[] {
  const idx = Array.from({ length }, (_, i) => i);
  idx.sort((a, b) => row[start + b] - row[start + a] || a - b);
  return idx.slice(0, Math.min(n, length));
}
