/**
 * The one formatter for `console.log` arguments, shared by the Node doc-test runner and the page's
 * live runner so a reader sees exactly the text the test checked (CONTRACT.md "Examples").
 * Pure: no Node, no DOM.
 *
 * Strings print as they are; every other value prints as JSON-like text: objects and arrays on one
 * line when it fits in `LINE_WIDTH` columns, else one key per line indented by two spaces. Keys keep
 * insertion order. Values JSON cannot carry print as JavaScript would write them (`undefined`,
 * `12n`, `NaN`, `[Function f]`, `Map(1) {...}`, `Error: message`).
 */

const LINE_WIDTH = 72;
const INDENT = '  ';

/** Format `console.log(...args)` as one string (lines joined by `\n`), arguments joined by spaces. */
export function formatLogArgs(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ');
}

/** Format one value as `console.log` shows it when it is not a top-level string. */
export function formatValue(value: unknown): string {
  return format(value, '', new Set());
}

function format(value: unknown, indent: string, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return value.name ? `[Function ${value.name}]` : '[Function (anonymous)]';
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof RegExp) return String(obj);
  if (seen.has(obj)) return '[Circular]';
  seen.add(obj);
  try {
    if (Array.isArray(obj))
      return group(
        '[',
        ']',
        '',
        obj.map((v) => format(v, indent + INDENT, seen)),
        indent,
      );
    if (obj instanceof Map) {
      const entries = [...obj].map(([k, v]) => `${format(k, indent + INDENT, seen)} => ${format(v, indent + INDENT, seen)}`);
      return group('{', '}', `Map(${obj.size}) `, entries, indent);
    }
    if (obj instanceof Set)
      return group(
        '{',
        '}',
        `Set(${obj.size}) `,
        [...obj].map((v) => format(v, indent + INDENT, seen)),
        indent,
      );
    const entries = Object.entries(obj).map(([k, v]) => `${keyText(k)}: ${format(v, indent + INDENT, seen)}`);
    return group('{', '}', '', entries, indent);
  } finally {
    seen.delete(obj);
  }
}

function keyText(key: string): string {
  return JSON.stringify(key);
}

function group(open: string, close: string, prefix: string, items: readonly string[], indent: string): string {
  if (items.length === 0) return `${prefix}${open}${close}`;
  // Measure before joining: a long array (a flood of output) would otherwise be joined once for nothing.
  let width = indent.length + prefix.length + open.length + close.length + 2 * (items.length - 1);
  for (let i = 0; i < items.length && width <= LINE_WIDTH; i++) width += (items[i] as string).length;
  if (width <= LINE_WIDTH && !items.some((i) => i.includes('\n'))) return `${prefix}${open}${items.join(', ')}${close}`;
  return `${prefix}${open}\n${items.map((i) => indent + INDENT + i).join(',\n')}\n${indent}${close}`;
}
