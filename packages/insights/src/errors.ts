/**
 * Argument checks shared by every public function. Each throws a `TypeError` (wrong kind of value)
 * or a `RangeError` (right kind, wrong value) with the one message shape of `invalid` from @atm/core:
 * `Expected <what> for <name> but received <value>`.
 */
import { AuthorTopicModel, Corpus, invalid } from '@atm/core';

export { invalid };

/** An options object (or undefined → `{}`) whose keys are all known; a misspelled key is a TypeError naming the known ones. */
export function checkOptions<T extends object>(options: T | undefined, known: readonly string[], name: string): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new TypeError(invalid('an options object', name, options));
  for (const key of Object.keys(options))
    if (!known.includes(key)) throw new TypeError(`Unknown option ${JSON.stringify(key)} in ${name}; known options are ${known.join(', ')}`);
  return options;
}

/** An integer in [min, max]. */
export function expectInteger(v: unknown, name: string, min: number, max = Infinity): number {
  const what = max === Infinity ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
  if (typeof v !== 'number') throw new TypeError(invalid(what, name, v));
  if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(invalid(what, name, v));
  return v;
}

/** A finite number in [min, max]. */
export function expectNumber(v: unknown, name: string, min = -Infinity, max = Infinity): number {
  const what = min === -Infinity && max === Infinity ? 'a finite number' : max === Infinity ? `a finite number >= ${min}` : `a number in [${min}, ${max}]`;
  if (typeof v !== 'number') throw new TypeError(invalid(what, name, v));
  if (!Number.isFinite(v) || v < min || v > max) throw new RangeError(invalid(what, name, v));
  return v;
}

/** A fold-in prior strength: undefined (the customers' full counts) or a positive finite number of pseudo-counts. */
export function expectPriorStrength(v: unknown, name: string): number | undefined {
  if (v === undefined) return undefined;
  const what = 'a positive finite number (or undefined for the full counts)';
  if (typeof v !== 'number') throw new TypeError(invalid(what, name, v));
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(invalid(what, name, v));
  return v;
}

/** A seed for `Rng`: an integer in [0, 2^32). */
export function expectSeed(v: unknown, name: string): number {
  return expectInteger(v, name, 0, 0xffffffff);
}

/** A trained {@link AuthorTopicModel} (its corpus getter throws when it is not trained). */
export function expectModel(v: unknown, name = 'model'): AuthorTopicModel {
  if (!(v instanceof AuthorTopicModel)) throw new TypeError(invalid('a trained AuthorTopicModel', name, v));
  try {
    void v.corpus;
  } catch {
    throw new RangeError(invalid('a trained AuthorTopicModel (call fit() first)', name, 'an untrained model'));
  }
  return v;
}

export function expectCorpus(v: unknown, name: string): Corpus {
  if (!(v instanceof Corpus)) throw new TypeError(invalid('a Corpus', name, v));
  return v;
}

/** A corpus whose term ids index the model's vocabulary (built with `Corpus.fromDocuments(docs, { terms: model.corpus.terms })`). */
export function expectModelTerms(corpus: Corpus, model: AuthorTopicModel, name: string): Corpus {
  const terms = model.corpus.terms;
  if (corpus.terms !== terms && (corpus.numTerms !== terms.length || corpus.terms.some((t, i) => t !== terms[i])))
    throw new RangeError(invalid(`a corpus over the model's ${terms.length} terms (build it with { terms: model.corpus.terms })`, name, `${corpus.numTerms} other terms`));
  return corpus;
}

/** A corpus whose author ids index the model's customers (built with `{ authorIds: model.corpus.authorIds }`). */
export function expectModelAuthors(corpus: Corpus, model: AuthorTopicModel, name: string): Corpus {
  const ids = model.corpus.authorIds;
  if (corpus.authorIds !== ids && (corpus.numAuthors !== ids.length || corpus.authorIds.some((a, i) => a !== ids[i])))
    throw new RangeError(invalid(`a corpus over the model's ${ids.length} customers (build it with { authorIds: model.corpus.authorIds })`, name, `${corpus.numAuthors} other customers`));
  return corpus;
}

/** An array-like (plain or typed array) of exactly `length` entries. */
export function expectArrayLike<T>(v: unknown, name: string, length: number): ArrayLike<T> {
  if (!(Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))))
    throw new TypeError(invalid(`an array of length ${length}`, name, v));
  const a = v as unknown as ArrayLike<T>;
  if (a.length !== length) throw new RangeError(invalid(`an array of length ${length}`, name, `length ${a.length}`));
  return a;
}
