/** A plain-text table for the terminal: numbers right-aligned, text left-aligned. */
export function formatTable(columns: readonly { key: string; label: string; format?: string }[], rows: readonly object[]): string {
  const cell = (v: unknown, format?: string): string => {
    if (typeof v !== 'number') return v === null || v === undefined ? '' : String(v);
    if (Number.isNaN(v)) return '';
    if (format === 'percent') return `${(v * 100).toFixed(1)}%`;
    if (format === 'decimal') return v.toFixed(2);
    return Number.isInteger(v) ? String(v) : v.toFixed(3);
  };
  const get = (r: object, k: string): unknown => (r as Record<string, unknown>)[k];
  const body = rows.map((r) => columns.map((c) => cell(get(r, c.key), c.format)));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...body.map((b) => b[i].length)));
  const numeric = columns.map((c) => rows.every((r) => typeof get(r, c.key) === 'number' || get(r, c.key) === undefined));
  const line = (cells: string[]): string => cells.map((s, i) => (numeric[i] ? s.padStart(widths[i]) : s.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(columns.map((c) => c.label)), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
