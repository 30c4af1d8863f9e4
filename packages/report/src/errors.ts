/** Message builder shared by every argument check: `Expected <what> for <name> but received <value>`. */
export function invalid(what: string, name: string, value: unknown): string {
  let shown: string;
  if (typeof value === 'string') shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  else if (value === null || value === undefined) shown = String(value);
  else if (Array.isArray(value)) shown = `array(${value.length})`;
  else if (typeof value === 'object') shown = value.constructor?.name ?? 'object';
  else shown = String(value);
  return `Expected ${what} for ${name} but received ${shown}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function expectRecord(v: unknown, name: string): Record<string, unknown> {
  if (!isRecord(v)) throw new TypeError(invalid('an object', name, v));
  return v;
}

export function expectArray(v: unknown, name: string): readonly unknown[] {
  if (!Array.isArray(v)) throw new TypeError(invalid('an array', name, v));
  return v;
}

export function expectString(v: unknown, name: string): string {
  if (typeof v !== 'string') throw new TypeError(invalid('a string', name, v));
  return v;
}

export function expectNonEmptyString(v: unknown, name: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new TypeError(invalid('a non-empty string', name, v));
  return v;
}

export function expectFinite(v: unknown, name: string): number {
  if (typeof v !== 'number') throw new TypeError(invalid('a finite number', name, v));
  if (!Number.isFinite(v)) throw new RangeError(invalid('a finite number', name, v));
  return v;
}

export function expectInteger(v: unknown, name: string): number {
  if (typeof v !== 'number') throw new TypeError(invalid('an integer', name, v));
  if (!Number.isInteger(v)) throw new RangeError(invalid('an integer', name, v));
  return v;
}

export function expectNonNegativeFinite(v: unknown, name: string): number {
  if (expectFinite(v, name) < 0) throw new RangeError(invalid('a non-negative finite number', name, v));
  return v as number;
}

export function expectPositiveInteger(v: unknown, name: string): number {
  if (expectInteger(v, name) <= 0) throw new RangeError(invalid('a positive integer', name, v));
  return v as number;
}

/** Like the `expect*` check it wraps, but `undefined` (the field is absent) passes. */
export function optional<T>(check: (v: unknown, name: string) => T, v: unknown, name: string): T | undefined {
  return v === undefined ? undefined : check(v, name);
}
