import { expectUint32Array, invalid } from './errors.js';

/** One document (a basket) as plain objects: its authors (customers) and its terms (products). */
export interface DocumentInput {
  id: string;
  authors: readonly string[];
  /** A list of terms (each occurrence is one token) or term → count (non-negative integers). */
  terms: readonly string[] | ReadonlyMap<string, number> | Readonly<Record<string, number>>;
}

/** The dense CSR form every backend consumes. Ids index `docIds`, `authorIds` and `terms`. */
export interface CorpusArrays {
  docIds: readonly string[];
  authorIds: readonly string[];
  terms: readonly string[];
  /** Token offsets per document, length D + 1. */
  docOffsets: Uint32Array;
  /** Term id of every token, length N. */
  tokens: Uint32Array;
  /** Author offsets per document, length D + 1. */
  docAuthorOffsets: Uint32Array;
  /** Author ids, length docAuthorOffsets[D]. */
  docAuthors: Uint32Array;
}

/** Counts form: per document a list of (term, count) entries, expanded to tokens by {@link Corpus.fromCounts}. */
export interface CorpusCounts {
  docIds: readonly string[];
  authorIds: readonly string[];
  terms: readonly string[];
  /** Entry offsets per document, length D + 1. */
  entryOffsets: Uint32Array;
  entryTerms: Uint32Array;
  entryCounts: Uint32Array;
  docAuthorOffsets: Uint32Array;
  docAuthors: Uint32Array;
}

export interface FromDocumentsOptions {
  /** Fix the term vocabulary (e.g. a training corpus's `terms`) instead of growing it. */
  terms?: readonly string[];
  /** Fix the author vocabulary instead of growing it. */
  authorIds?: readonly string[];
  /** What to do with a term or author outside a fixed vocabulary: throw (default) or skip it. */
  unknown?: 'error' | 'skip';
}

/**
 * Documents with one or more authors and a bag of terms, stored as typed arrays.
 * String ids are mapped to dense integers once; both backends see identical input.
 *
 * @example
 * const corpus = Corpus.fromDocuments([
 *   { id: 'b1', authors: ['c1'], terms: ['milk', 'bread', 'milk'] },
 *   { id: 'b2', authors: ['c2'], terms: new Map([['beer', 2]]) },
 * ]);
 * corpus.numTokens; // 5
 */
export class Corpus implements CorpusArrays {
  readonly docIds: readonly string[];
  readonly authorIds: readonly string[];
  readonly terms: readonly string[];
  readonly docOffsets: Uint32Array;
  readonly tokens: Uint32Array;
  readonly docAuthorOffsets: Uint32Array;
  readonly docAuthors: Uint32Array;
  private termIndexCache?: Map<string, number>;
  private authorIndexCache?: Map<string, number>;

  private constructor(a: CorpusArrays) {
    this.docIds = a.docIds;
    this.authorIds = a.authorIds;
    this.terms = a.terms;
    this.docOffsets = a.docOffsets;
    this.tokens = a.tokens;
    this.docAuthorOffsets = a.docAuthorOffsets;
    this.docAuthors = a.docAuthors;
  }

  get numDocs(): number {
    return this.docIds.length;
  }
  get numTokens(): number {
    return this.tokens.length;
  }
  get numTerms(): number {
    return this.terms.length;
  }
  get numAuthors(): number {
    return this.authorIds.length;
  }

  /** True when every document has exactly one author (the sampler's fast path). */
  get singleAuthor(): boolean {
    const o = this.docAuthorOffsets;
    for (let d = 0; d < this.numDocs; d++) if (o[d + 1] - o[d] !== 1) return false;
    return true;
  }

  termIndex(term: string): number | undefined {
    this.termIndexCache ??= indexOf(this.terms);
    return this.termIndexCache.get(term);
  }

  authorIndex(author: string): number | undefined {
    this.authorIndexCache ??= indexOf(this.authorIds);
    return this.authorIndexCache.get(author);
  }

  /** Term ids of document d (a view, not a copy). */
  docTokens(d: number): Uint32Array {
    return this.tokens.subarray(this.docOffsets[d], this.docOffsets[d + 1]);
  }

  /** Author ids of document d (a view, not a copy). */
  docAuthorIds(d: number): Uint32Array {
    return this.docAuthors.subarray(this.docAuthorOffsets[d], this.docAuthorOffsets[d + 1]);
  }

  /** Build from plain objects. Term lists keep their order; maps are expanded in insertion order. */
  static fromDocuments(docs: Iterable<DocumentInput>, options: FromDocumentsOptions = {}): Corpus {
    const unknown = options.unknown ?? 'error';
    if (unknown !== 'error' && unknown !== 'skip') throw new RangeError(invalid("'error' or 'skip'", 'options.unknown', unknown));
    const terms = options.terms ? [...options.terms] : [];
    const authors = options.authorIds ? [...options.authorIds] : [];
    const termIds = indexOf(terms);
    const authorIds = indexOf(authors);
    const lookup = (map: Map<string, number>, list: string[], fixed: boolean, key: string, what: string): number => {
      let id = map.get(key);
      if (id === undefined) {
        if (fixed) {
          if (unknown === 'skip') return -1;
          throw new RangeError(`Unknown ${what} ${JSON.stringify(key)} is not in the fixed vocabulary`);
        }
        id = list.length;
        list.push(key);
        map.set(key, id);
      }
      return id;
    };
    const docIds: string[] = [];
    const docOffsets: number[] = [0];
    const tokens: number[] = [];
    const docAuthorOffsets: number[] = [0];
    const docAuthors: number[] = [];
    let index = 0;
    for (const doc of docs) {
      const where = `documents[${index}]`;
      if (doc === null || typeof doc !== 'object') throw new TypeError(invalid('a document object', where, doc));
      if (typeof doc.id !== 'string') throw new TypeError(invalid('a string', `${where}.id`, doc.id));
      if (!Array.isArray(doc.authors) || doc.authors.length === 0)
        throw new TypeError(invalid('a non-empty array of author ids', `${where}.authors`, doc.authors));
      const before = docAuthors.length;
      for (const a of doc.authors) {
        if (typeof a !== 'string') throw new TypeError(invalid('a string', `${where}.authors[]`, a));
        const id = lookup(authorIds, authors, options.authorIds !== undefined, a, 'author');
        if (id >= 0 && !docAuthors.slice(before).includes(id)) docAuthors.push(id);
      }
      if (docAuthors.length === before) continue; // every author unknown and skipped
      const addTerm = (t: string, count: number): void => {
        if (typeof t !== 'string') throw new TypeError(invalid('a string', `${where}.terms[]`, t));
        if (!Number.isInteger(count) || count < 0)
          throw new RangeError(invalid('a non-negative integer count', `${where}.terms[${JSON.stringify(t)}]`, count));
        const id = lookup(termIds, terms, options.terms !== undefined, t, 'term');
        if (id < 0) return;
        for (let c = 0; c < count; c++) tokens.push(id);
      };
      const t = doc.terms;
      if (Array.isArray(t)) for (const term of t) addTerm(term, 1);
      else if (t instanceof Map) for (const [term, count] of t) addTerm(term, count);
      else if (t !== null && typeof t === 'object') for (const term of Object.keys(t)) addTerm(term, (t as Record<string, number>)[term]);
      else throw new TypeError(invalid('an array, Map or record of terms', `${where}.terms`, t));
      docIds.push(doc.id);
      docOffsets.push(tokens.length);
      docAuthorOffsets.push(docAuthors.length);
      index++;
    }
    return Corpus.fromArrays({
      docIds,
      authorIds: authors,
      terms,
      docOffsets: Uint32Array.from(docOffsets),
      tokens: Uint32Array.from(tokens),
      docAuthorOffsets: Uint32Array.from(docAuthorOffsets),
      docAuthors: Uint32Array.from(docAuthors),
    });
  }

  /** Build from (term, count) entries per document, e.g. straight from a SQL aggregation. */
  static fromCounts(c: CorpusCounts): Corpus {
    expectUint32Array(c.entryOffsets, 'entryOffsets');
    expectUint32Array(c.entryTerms, 'entryTerms');
    expectUint32Array(c.entryCounts, 'entryCounts');
    const D = c.docIds.length;
    if (c.entryOffsets.length !== D + 1) throw new RangeError(invalid(`entryOffsets of length ${D + 1}`, 'entryOffsets', c.entryOffsets.length));
    if (c.entryTerms.length !== c.entryCounts.length || c.entryOffsets[D] !== c.entryTerms.length)
      throw new RangeError('entryTerms, entryCounts and entryOffsets[D] must have the same length');
    let n = 0;
    for (let i = 0; i < c.entryCounts.length; i++) n += c.entryCounts[i];
    const tokens = new Uint32Array(n);
    const docOffsets = new Uint32Array(D + 1);
    let p = 0;
    for (let d = 0; d < D; d++) {
      for (let e = c.entryOffsets[d]; e < c.entryOffsets[d + 1]; e++) {
        const t = c.entryTerms[e];
        for (let k = c.entryCounts[e]; k > 0; k--) tokens[p++] = t;
      }
      docOffsets[d + 1] = p;
    }
    return Corpus.fromArrays({ ...c, docOffsets, tokens });
  }

  /** Build from dense arrays after checking every length and id range. */
  static fromArrays(a: CorpusArrays): Corpus {
    for (const name of ['docOffsets', 'tokens', 'docAuthorOffsets', 'docAuthors'] as const) expectUint32Array(a[name], name);
    for (const name of ['docIds', 'authorIds', 'terms'] as const)
      if (!Array.isArray(a[name])) throw new TypeError(invalid('an array of strings', name, a[name]));
    const D = a.docIds.length;
    if (D === 0) throw new RangeError('The corpus is empty: it has no documents');
    if (a.docOffsets.length !== D + 1) throw new RangeError(invalid(`docOffsets of length ${D + 1}`, 'docOffsets', a.docOffsets.length));
    if (a.docAuthorOffsets.length !== D + 1)
      throw new RangeError(invalid(`docAuthorOffsets of length ${D + 1}`, 'docAuthorOffsets', a.docAuthorOffsets.length));
    checkOffsets(a.docOffsets, a.tokens.length, 'docOffsets');
    checkOffsets(a.docAuthorOffsets, a.docAuthors.length, 'docAuthorOffsets');
    if (a.tokens.length === 0) throw new RangeError('The corpus is empty: it has no tokens');
    checkIds(a.tokens, a.terms.length, 'tokens');
    checkIds(a.docAuthors, a.authorIds.length, 'docAuthors');
    for (let d = 0; d < D; d++)
      if (a.docAuthorOffsets[d + 1] === a.docAuthorOffsets[d]) throw new RangeError(`Document ${JSON.stringify(a.docIds[d])} has no author`);
    return new Corpus(a);
  }

  /** A corpus of the chosen documents, sharing this one's vocabularies (ids stay valid). */
  subset(docs: ArrayLike<number>): Corpus {
    const docIds: string[] = [];
    const docOffsets = new Uint32Array(docs.length + 1);
    const docAuthorOffsets = new Uint32Array(docs.length + 1);
    let n = 0;
    let m = 0;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      n += this.docOffsets[d + 1] - this.docOffsets[d];
      m += this.docAuthorOffsets[d + 1] - this.docAuthorOffsets[d];
      docOffsets[i + 1] = n;
      docAuthorOffsets[i + 1] = m;
      docIds.push(this.docIds[d]);
    }
    const tokens = new Uint32Array(n);
    const docAuthors = new Uint32Array(m);
    for (let i = 0; i < docs.length; i++) {
      tokens.set(this.docTokens(docs[i]), docOffsets[i]);
      docAuthors.set(this.docAuthorIds(docs[i]), docAuthorOffsets[i]);
    }
    return Corpus.fromArrays({ docIds, authorIds: this.authorIds, terms: this.terms, docOffsets, tokens, docAuthorOffsets, docAuthors });
  }

  /** Total count of each term over the corpus. */
  termTotals(): Float64Array {
    const totals = new Float64Array(this.numTerms);
    for (let i = 0; i < this.tokens.length; i++) totals[this.tokens[i]]++;
    return totals;
  }
}

function indexOf(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  list.forEach((s, i) => {
    if (m.has(s)) throw new RangeError(`Duplicate id ${JSON.stringify(s)} in vocabulary`);
    m.set(s, i);
  });
  return m;
}

function checkOffsets(offsets: Uint32Array, total: number, name: string): void {
  if (offsets[0] !== 0) throw new RangeError(`${name}[0] must be 0`);
  for (let i = 1; i < offsets.length; i++)
    if (offsets[i] < offsets[i - 1]) throw new RangeError(`${name} must be non-decreasing (at index ${i})`);
  if (offsets[offsets.length - 1] !== total) throw new RangeError(`${name} must end at ${total}, the length of its array`);
}

function checkIds(ids: Uint32Array, limit: number, name: string): void {
  for (let i = 0; i < ids.length; i++)
    if (ids[i] >= limit) throw new RangeError(`${name}[${i}] = ${ids[i]} is out of range (there are ${limit})`);
}
