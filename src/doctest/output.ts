/**
 * What a run prints, bounded for the page. The doc tests keep everything (no limits); a live run keeps
 * at most `LIVE_OUTPUT_LIMITS` and counts the rest, so a flood is cut inside the worker and never
 * transferred or drawn. Pure and free of sucrase: the page's main thread imports `describeCut`.
 */

export interface OutputLimits {
  readonly maxLines: number;
  readonly maxChars: number;
}

/** A live example shows at most this much output (run and late output together). */
export const LIVE_OUTPUT_LIMITS = { maxLines: 500, maxChars: 40_000 } as const satisfies OutputLimits;

/** What the limits kept off the page: lines not shown in full, and their size in UTF-8 bytes. */
export interface OutputCut {
  readonly lines: number;
  readonly bytes: number;
}

function utf8Length(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, where a character is a byte
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Collects console output. With limits, keeps whole lines until either limit is reached (the line
 * that crosses the character limit is kept up to it), then only counts: once output is cut, nothing
 * later is shown, so the reader never sees a gap in the middle.
 */
export class OutputSink {
  private readonly kept: string[] = [];
  private keptLines = 0;
  private keptChars = 0;
  private full = false;
  private cutLines = 0;
  private cutBytes = 0;

  constructor(private readonly limits: OutputLimits | null) {}

  /** Adds what one console call printed; returns the part kept (null when all of it was cut). */
  add(text: string): string | null {
    const limits = this.limits;
    if (limits === null) {
      this.kept.push(text);
      return text;
    }
    if (this.full) {
      this.count(text);
      return null;
    }
    const lines = text.split('\n');
    const shown: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      // Every line after the first one of the whole output costs its newline too.
      const separator = this.keptLines === 0 ? 0 : 1;
      const room = limits.maxChars - this.keptChars - separator;
      if (this.keptLines < limits.maxLines && line.length <= room) {
        shown.push(line);
        this.keptLines++;
        this.keptChars += line.length + separator;
        continue;
      }
      this.full = true;
      if (this.keptLines < limits.maxLines && room > 0) {
        shown.push(line.slice(0, room));
        this.keptLines++;
        this.keptChars += room + separator;
        this.cutLines++;
        this.cutBytes += utf8Length(line.slice(room));
      } else {
        this.cutLines++;
        this.cutBytes += utf8Length(line) + separator;
      }
      this.count(lines.slice(i + 1).join('\n'), lines.length - i - 1);
      break;
    }
    if (shown.length === 0) return null;
    const part = shown.join('\n');
    this.kept.push(part);
    return part;
  }

  private count(text: string, lines = text.split('\n').length): void {
    if (lines === 0) return;
    this.cutLines += lines;
    this.cutBytes += utf8Length(text) + 1;
  }

  /** The kept output, one console call's text per line. */
  text(): string {
    return this.kept.join('\n');
  }

  /** What the limits cut so far, or null when nothing was. */
  cut(): OutputCut | null {
    return this.cutLines === 0 ? null : { lines: this.cutLines, bytes: this.cutBytes };
  }
}

function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The note the page shows under cut output: `… 999,500 more lines (12.3 MB) not shown`. */
export function describeCut(cut: OutputCut): string {
  const lines = cut.lines.toLocaleString('en-US');
  return `… ${lines} more ${cut.lines === 1 ? 'line' : 'lines'} (${size(cut.bytes)}) not shown`;
}
