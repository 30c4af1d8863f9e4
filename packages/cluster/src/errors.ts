/**
 * Argument checks shared by every public function. Each throws a `TypeError` (wrong kind of
 * value) or a `RangeError` (right kind, wrong value) with one message shape:
 * `Expected <what> for <name> but received <value>`.
 */

/** Message builder: `Expected <what> for <name> but received <value>`. */
export function invalid(what: string, name: string, value: unknown): string {
  let shown: string;
  if (typeof value === 'string') shown = JSON.stringify(value);
  else if (value === null || value === undefined) shown = String(value);
  else if (ArrayBuffer.isView(value)) shown = `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  else if (Array.isArray(value)) shown = `array(${value.length})`;
  else if (typeof value === 'object') shown = value.constructor?.name ?? 'object';
  else shown = String(value);
  return `Expected ${what} for ${name} but received ${shown}`;
}

/** An integer in [min, max] (max defaults to unbounded). */
export function expectInteger(v: unknown, name: string, min: number, max = Infinity): number {
  if (typeof v !== 'number') throw new TypeError(invalid(describeIntegerRange(min, max), name, v));
  if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(invalid(describeIntegerRange(min, max), name, v));
  return v;
}

/** A finite number > 0. */
export function expectPositiveFinite(v: unknown, name: string): number {
  if (typeof v !== 'number') throw new TypeError(invalid('a positive finite number', name, v));
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(invalid('a positive finite number', name, v));
  return v;
}

/** A finite number >= 0. */
export function expectNonNegativeFinite(v: unknown, name: string): number {
  if (typeof v !== 'number') throw new TypeError(invalid('a non-negative finite number', name, v));
  if (!Number.isFinite(v) || v < 0) throw new RangeError(invalid('a non-negative finite number', name, v));
  return v;
}

/** A seed for `Rng`: any integer in [0, 2^32). */
export function expectSeed(v: unknown, name: string): number {
  return expectInteger(v, name, 0, 0xffffffff);
}

export function expectBoolean(v: unknown, name: string): boolean {
  if (typeof v !== 'boolean') throw new TypeError(invalid('a boolean', name, v));
  return v;
}

/** A `Float64Array` of exactly `length` entries. */
export function expectFloat64Array(v: unknown, name: string, length: number): Float64Array {
  if (!(v instanceof Float64Array)) throw new TypeError(invalid('a Float64Array', name, v));
  if (v.length !== length) throw new RangeError(invalid(`a Float64Array of length ${length}`, name, v));
  return v;
}

/**
 * Integer labels as an `Int32Array` (copied from any array-like of integers), of length `n`
 * when given.
 */
export function expectLabels(v: unknown, name: string, n?: number): Int32Array {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<number>).length !== 'number') {
    throw new TypeError(invalid('an Int32Array or array of integer labels', name, v));
  }
  const a = v as ArrayLike<number>;
  if (n !== undefined && a.length !== n) throw new RangeError(invalid(`${n} labels`, name, v));
  if (a instanceof Int32Array) return a;
  const out = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < -0x80000000 || x > 0x7fffffff) {
      throw new TypeError(invalid('a 32-bit integer label', `${name}[${i}]`, x));
    }
    out[i] = x;
  }
  return out;
}

/**
 * Options must be a plain object (or undefined) whose keys are all known; a misspelled key
 * names the nearest known one, e.g. `Unknown option "restart" for kmeans options; did you mean "restarts"?`.
 */
export function checkOptions<T extends object>(options: T | undefined, allowed: readonly string[], name: string): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(invalid('an options object', name, options));
  }
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const near = nearest(key, allowed);
    const hint = near === undefined ? `; known options are ${allowed.map((a) => `"${a}"`).join(', ')}` : `; did you mean "${near}"?`;
    throw new TypeError(`Unknown option ${JSON.stringify(key)} for ${name}${hint}`);
  }
  return options;
}

function describeIntegerRange(min: number, max: number): string {
  if (max !== Infinity) return `an integer in [${min}, ${max}]`;
  if (min === 0) return 'a non-negative integer';
  if (min === 1) return 'a positive integer';
  return `an integer >= ${min}`;
}

/** The allowed key closest to `key` by edit distance (case-insensitive), if it is close enough. */
function nearest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  const lower = key.toLowerCase();
  for (const a of allowed) {
    if (a.length >= 3 && lower.startsWith(a.toLowerCase())) return a; // "epsilon" -> "eps"
    const dist = editDistance(lower, a.toLowerCase());
    if (dist < bestDistance) {
      bestDistance = dist;
      best = a;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
