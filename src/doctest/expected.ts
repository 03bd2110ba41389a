/**
 * The example file format (CONTRACT.md "Examples"): the expected output is the file's last comment
 * block, a line `// Output:` then lines `// <text>` (a bare `//` is an empty line). Pure: used by the
 * Node doc tests, `npm run examples:update`, the build-time MDX plugin and the page.
 */

export interface ExpectedLine {
  readonly text: string;
  /** 1-based line in the example file. */
  readonly line: number;
}

export interface ParsedExample {
  /** The code the reader sees and runs: the file without its Output block and trailing blank lines. */
  readonly code: string;
  /** The expected output, or null when the file has no final Output block. */
  readonly expected: readonly ExpectedLine[] | null;
  /** 1-based line of `// Output:` (null without a block). */
  readonly outputLine: number | null;
}

const OUTPUT_MARKER = '// Output:';

/** Split an example's source into its code and its expected output. */
export function parseExample(source: string): ParsedExample {
  const lines = source.split('\n');
  let end = lines.length;
  while (end > 0 && (lines[end - 1] as string).trim() === '') end--;
  // Walk up the final run of `//` lines: the last comment block.
  let start = end;
  while (start > 0 && /^\/\/( |$)/.test(lines[start - 1] as string)) start--;
  const marker = lines.slice(start, end).findIndex((l) => l.trimEnd() === OUTPUT_MARKER);
  if (end === 0 || marker === -1) return { code: lines.slice(0, end).join('\n'), expected: null, outputLine: null };
  const outputIndex = start + marker;
  const expected = lines.slice(outputIndex + 1, end).map((l, i) => ({ text: l === '//' ? '' : l.slice(3), line: outputIndex + 2 + i }));
  let codeEnd = outputIndex;
  while (codeEnd > 0 && (lines[codeEnd - 1] as string).trim() === '') codeEnd--;
  return { code: lines.slice(0, codeEnd).join('\n'), expected, outputLine: outputIndex + 1 };
}

/** The comparison's only normalisation: trailing spaces on each line, then trailing empty lines. */
export function normaliseOutput(text: string): string[] {
  const lines = text.split('\n').map((l) => l.replace(/ +$/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export interface OutputMismatch {
  /** 1-based line in the example file of the first expected line that differs (or where a missing line belongs). */
  readonly line: number;
  readonly expected: string | null;
  readonly actual: string | null;
}

/** Compare actual output with the expected block; null when they agree. */
export function compareOutput(actual: string, parsed: ParsedExample): OutputMismatch | null {
  const want = normaliseOutput((parsed.expected ?? []).map((l) => l.text).join('\n'));
  const got = normaliseOutput(actual);
  const expected = parsed.expected ?? [];
  const afterBlock = (expected[expected.length - 1]?.line ?? parsed.outputLine ?? 0) + 1;
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    if (want[i] !== got[i]) {
      return { line: expected[i]?.line ?? afterBlock + (i - want.length), expected: want[i] ?? null, actual: got[i] ?? null };
    }
  }
  return null;
}

/** The Output block for `output`, as `examples:update` writes it. */
export function renderOutputBlock(output: string): string {
  const lines = normaliseOutput(output);
  return [OUTPUT_MARKER, ...lines.map((l) => (l === '' ? '//' : `// ${l}`))].join('\n');
}

/** `source` with its Output block replaced by (or given) one for `output`; the file ends with one newline. */
export function withOutput(source: string, output: string): string {
  return `${parseExample(source).code}\n\n${renderOutputBlock(output)}\n`;
}
