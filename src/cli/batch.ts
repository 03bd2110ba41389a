/**
 * `memattr batch`: JSON Lines in, one answer line per input line, in order (CONTRACT.md "Batch mode").
 * Lines are cut on "\n" as bytes arrive, so a huge line is counted, not held: past LINE_LIMIT bytes
 * it is answered BAD_INPUT without being parsed.
 *
 * Speed (scripts/bench-cli.mjs): a line that lies inside one chunk read is decoded straight from that
 * chunk; new answers stay strings, joined and encoded once per chunk rather than once per answer,
 * reused ones are bytes encoded once, and each chunk's answers go out with one write() (more when they
 * pass FLUSH_BYTES); the loop waits only when the output asks it to ('drain', backpressure). The
 * answer to a line seen recently is reused (AnswerMemo) while reuse pays.
 */
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../model/index';
import { runOperation } from '../model/index';

export const LINE_LIMIT = 1024 * 1024;

/** Answer bytes (or characters, before encoding) collected before they are written. */
const FLUSH_BYTES = 1 << 20;

/** The answer to one input line (already cut at "\n"). */
export function answerLine(line: string): Answer<unknown> {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.trim() === '') {
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: 'empty line: expected a JSON object such as {"op":"combine","s1Mair":68,"s2MemAttr":5}' },
    };
  }
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: { code: 'BAD_INPUT', message: `line is not JSON: ${e instanceof Error ? e.message : String(e)}` } };
  }
  return runOperation(request);
}

/**
 * Answer lines (UTF-8, ending in "\n") by input line, for input lines up to MEMO_LINE_CHARS long;
 * emptied when what it holds would pass `maxBytes` (2 bytes per key character plus the answer), so its
 * memory stays bounded. Every operation is a pure function of its request (no clock, no randomness, no
 * state kept between calls), so a reused answer is the one recomputing would give; the values are
 * bytes, copied into each write, so nothing can change one after it is stored. Lines it does not keep
 * (too long, or while it skips) are answered with a string, encoded later with its neighbours.
 *
 * On input whose lines rarely repeat, keeping every answer costs more than it saves (hashing, and the
 * garbage collector copying what is kept): after each PROBE_LINES look-ups, if fewer than one in
 * eight hit, the memo is emptied and skips the next SKIP_LINES lines, then tries again.
 */
class AnswerMemo {
  static readonly MEMO_LINE_CHARS = 4096;
  static readonly PROBE_LINES = 16_384;
  static readonly SKIP_LINES = 131_072;
  private readonly answers = new Map<string, Buffer>();
  private bytes = 0;
  private lookups = 0;
  private hits = 0;
  private skip = 0;

  constructor(private readonly maxBytes: number) {}

  answer(line: string): string | Buffer {
    if (this.skip > 0) {
      this.skip--;
      return encode(answerLine(line));
    }
    if (line.length > AnswerMemo.MEMO_LINE_CHARS) return encode(answerLine(line));
    let answer = this.answers.get(line);
    if (answer === undefined) {
      answer = Buffer.from(encode(answerLine(line)));
      const size = 2 * line.length + answer.length;
      if (this.bytes + size > this.maxBytes) {
        this.answers.clear();
        this.bytes = 0;
      }
      this.answers.set(line, answer);
      this.bytes += size;
    } else this.hits++;
    if (++this.lookups === AnswerMemo.PROBE_LINES) {
      if (this.hits * 8 < this.lookups) {
        this.answers.clear();
        this.bytes = 0;
        this.skip = AnswerMemo.SKIP_LINES;
      }
      this.lookups = 0;
      this.hits = 0;
    }
    return answer;
  }
}

function encode(answer: Answer<unknown>): string {
  return `${JSON.stringify(answer)}\n`;
}

function tooLong(bytes: number): Answer<unknown> {
  return { ok: false, error: { code: 'BAD_INPUT', message: `line is ${bytes} bytes long; the limit is ${LINE_LIMIT} bytes (1 MiB)` } };
}

/**
 * Writes bytes to `output`, waiting for 'drain' when write() says its buffer is full. The first write
 * error (EPIPE, ENOSPC), or the output closing early, is thrown at the next call: it never waits for
 * an event that cannot come.
 */
class Output {
  private failure: Error | null = null;
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly output: Writable) {
    output.on('error', (e: Error) => {
      this.failure ??= e;
    });
  }

  async write(bytes: Buffer): Promise<void> {
    this.check();
    if (bytes.length === 0) return;
    let written!: () => void;
    this.last = new Promise<void>((resolve) => {
      written = resolve;
    });
    // Its error, if any, also arrives as an 'error' event; an output destroyed without one fails check().
    const more = this.output.write(bytes, () => written());
    if (!more) await this.until('drain');
    this.check();
  }

  /** Resolves once every write has completed; throws if one failed. */
  async end(): Promise<void> {
    await this.until(this.last);
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
    if (this.output.destroyed) throw new Error('the output was closed before every answer was written');
  }

  /** Resolves on 'drain' (or when `what` settles), or as soon as the output fails or closes. */
  private until(what: 'drain' | Promise<void>): Promise<void> {
    const output = this.output;
    if (output.destroyed) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        output.off('drain', done);
        output.off('error', done);
        output.off('close', done);
        resolve();
      };
      if (what === 'drain') output.on('drain', done);
      else what.then(done);
      output.on('error', done);
      output.on('close', done);
    });
  }
}

export interface BatchOptions {
  /** Bytes of answers kept for reuse (default 32 MiB); tests make it small to cross the bound. */
  readonly memoBytes?: number;
}

/** Answers every line of `input` on `output`. Rejects only if reading or writing fails. */
export async function runBatch(input: Readable, output: Writable, options: BatchOptions = {}): Promise<void> {
  const out = new Output(output);
  const memo = new AnswerMemo(options.memoBytes ?? 1 << 25);
  // Answers to write: encoded `parts`, then `text` (new answers, encoded together when a reused
  // answer's bytes follow them or at the flush).
  let parts: Buffer[] = [];
  let partBytes = 0;
  let text = '';
  const encodeText = () => {
    if (text.length === 0) return;
    const bytes = Buffer.from(text);
    parts.push(bytes);
    partBytes += bytes.length;
    text = '';
  };
  const add = (answer: string | Buffer) => {
    if (typeof answer === 'string') text += answer;
    else {
      encodeText();
      parts.push(answer);
      partBytes += answer.length;
    }
  };
  const answer = (line: string) => add(memo.answer(line));
  const refuse = (bytes: number) => add(encode(tooLong(bytes)));
  const flush = () => {
    encodeText();
    const bytes = Buffer.concat(parts, partBytes);
    parts = [];
    partBytes = 0;
    return out.write(bytes);
  };

  // The start of a line that continues in a later chunk; past LINE_LIMIT only its length is kept.
  let carry: Buffer[] = [];
  let carryBytes = 0;

  for await (const chunk of input) {
    const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    let nl = buf.indexOf(10);
    if (nl !== -1 && carryBytes > 0) {
      const bytes = carryBytes + nl;
      if (bytes > LINE_LIMIT) refuse(bytes);
      else answer(Buffer.concat([...carry, buf.subarray(0, nl)]).toString('utf8'));
      carry = [];
      carryBytes = 0;
      start = nl + 1;
      nl = buf.indexOf(10, start);
    }
    for (; nl !== -1; nl = buf.indexOf(10, start)) {
      const bytes = nl - start;
      if (bytes > LINE_LIMIT) refuse(bytes);
      else answer(buf.toString('utf8', start, nl));
      start = nl + 1;
      if (partBytes + text.length > FLUSH_BYTES) await flush();
    }
    if (start < buf.length) {
      carryBytes += buf.length - start;
      carry = carryBytes > LINE_LIMIT ? [] : [...carry, buf.subarray(start)];
    }
    await flush();
  }
  // The text after the last "\n" is a line only if it is not empty.
  if (carryBytes > 0) {
    if (carryBytes > LINE_LIMIT) refuse(carryBytes);
    else answer(Buffer.concat(carry).toString('utf8'));
  }
  await flush();
  await out.end();
}
