/** Message builder shared by every argument check: `Expected <what> for <name> but received <value>`. */
export function invalid(what: string, name: string, value: unknown): string {
  let shown: string;
  if (typeof value === 'string') shown = JSON.stringify(value);
  else if (value === null || value === undefined) shown = String(value);
  else if (ArrayBuffer.isView(value)) shown = value.constructor.name;
  else if (Array.isArray(value)) shown = `array(${value.length})`;
  else if (typeof value === 'object') shown = value.constructor?.name ?? 'object';
  else shown = String(value);
  return `Expected ${what} for ${name} but received ${shown}`;
}

export function isPositiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

export function isNonNegativeInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

export function isPositiveFinite(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

export function expectPositiveInteger(v: unknown, name: string): number {
  if (!isPositiveInteger(v)) throw new RangeError(invalid('a positive integer', name, v));
  return v;
}

export function expectPositiveFinite(v: unknown, name: string): number {
  if (!isPositiveFinite(v)) throw new RangeError(invalid('a positive finite number', name, v));
  return v;
}

export function expectUint32Array(v: unknown, name: string): Uint32Array {
  if (!(v instanceof Uint32Array)) throw new TypeError(invalid('a Uint32Array', name, v));
  return v;
}
