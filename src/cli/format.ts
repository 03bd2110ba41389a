/** Small text helpers for the CLI's human-readable output. */

export function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}

/** Left-aligned columns, for tables printed by commands such as `scenario --table`. */
export function columns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n');
}

/** One value on one line: null as "-", lists of names joined, anything nested as compact JSON. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null))
    return value.length === 0 ? 'none' : value.join(', ');
  return JSON.stringify(value);
}

/**
 * A result as `key  value` lines, its `reason` and `explanation` (the text that says why) last: the
 * human-readable form of the commands whose results are records of facts (--json gives the envelope).
 */
export function fieldLines(result: object): string {
  const prose = ['reason', 'explanation'];
  const entries = Object.entries(result).filter(([key]) => !prose.includes(key));
  const width = Math.max(0, ...entries.map(([key]) => key.length));
  const lines = entries.map(([key, value]) => `${key.padEnd(width)}  ${valueText(value)}`);
  for (const key of prose) {
    const text = (result as Record<string, unknown>)[key];
    if (typeof text === 'string') lines.push('', text);
  }
  return lines.join('\n');
}
