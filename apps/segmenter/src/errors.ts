/** An error caused by what the user typed or pointed at: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses an integer flag value, or throws a UsageError naming the flag. */
export function intFlag(name: string, min = 1, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || n < min || n > max)
      throw new UsageError(`${name} expects an integer${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : ` ≥ ${min}`}, got ${JSON.stringify(value)}`);
    return n;
  };
}

/** Parses a number in (0, 1). */
export function fractionFlag(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n >= 1) throw new UsageError(`${name} expects a fraction between 0 and 1 (exclusive), got ${JSON.stringify(value)}`);
    return n;
  };
}

/** Parses `A..B` (inclusive) into a range. */
export function rangeFlag(name: string, min = 1): (value: string) => [number, number] {
  return (value) => {
    const m = /^(\d+)\.\.(\d+)$/.exec(value.trim());
    if (!m || Number(m[1]) < min || Number(m[2]) < Number(m[1])) throw new UsageError(`${name} expects a range like ${min + 1}..19, got ${JSON.stringify(value)}`);
    return [Number(m[1]), Number(m[2])];
  };
}

/** Parses one of a fixed set of words. */
export function choiceFlag<T extends string>(name: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!choices.includes(value as T)) throw new UsageError(`${name} expects one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
    return value as T;
  };
}
