/**
 * Maps a position in the JavaScript sucrase produced back to the reader's TypeScript. Sucrase keeps
 * every line where it was but not every column (types are removed), and its source map is
 * token-level, so a runtime error can name the column in the code the reader wrote. Only the parts of
 * the Source Map v3 format sucrase writes: one source, `mappings` as Base64 VLQ.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One mapping: generated column -> original line and column (all 0-based). */
type Segment = readonly [generatedColumn: number, originalLine: number, originalColumn: number];

/** `mappings` decoded: per generated line, its segments in column order. */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let line: Segment[] = [];
  // Source index, original line and column carry over between segments; the column resets per line.
  let originalLine = 0;
  let originalColumn = 0;
  let generatedColumn = 0;
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  const flush = () => {
    if (values.length >= 4) {
      generatedColumn += values[0] as number;
      originalLine += values[2] as number;
      originalColumn += values[3] as number;
      line.push([generatedColumn, originalLine, originalColumn]);
    } else if (values.length >= 1) generatedColumn += values[0] as number;
    values.length = 0;
  };
  for (const ch of mappings) {
    if (ch === ',' || ch === ';') {
      flush();
      if (ch === ';') {
        lines.push(line);
        line = [];
        generatedColumn = 0;
      }
      continue;
    }
    const digit = BASE64.indexOf(ch);
    if (digit < 0) throw new Error(`source map: not a Base64 VLQ digit: ${JSON.stringify(ch)}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  flush();
  lines.push(line);
  return lines;
}

/**
 * The original position of a generated one (1-based line and column in, 1-based out): the last
 * segment at or before the column on that line. Null when the line has no mapping.
 */
export function originalPosition(
  segments: readonly (readonly Segment[])[],
  line: number,
  column: number,
): { line: number; column: number } | null {
  const onLine = segments[line - 1];
  if (!onLine || onLine.length === 0) return null;
  let best: Segment | undefined;
  for (const s of onLine) {
    if (s[0] > column - 1) break;
    best = s;
  }
  const found = best ?? (onLine[0] as Segment);
  return { line: found[1] + 1, column: found[2] + 1 + Math.max(0, column - 1 - found[0]) };
}
