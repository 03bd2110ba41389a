/**
 * `memattr batch`: JSON Lines in, one answer line per input line, in order (CONTRACT.md "Batch mode").
 * Lines are cut on "\n" as bytes arrive, so a huge line is counted, not held: past LINE_LIMIT bytes
 * it is answered BAD_INPUT without being parsed.
 */
import type { Readable, Writable } from 'node:stream';
import type { Answer } from '../model/index';
import { runOperation } from '../model/index';

export const LINE_LIMIT = 1024 * 1024;

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

function tooLong(bytes: number): Answer<unknown> {
  return { ok: false, error: { code: 'BAD_INPUT', message: `line is ${bytes} bytes long; the limit is ${LINE_LIMIT} bytes (1 MiB)` } };
}

/** Answers every line of `input` on `output`. Rejects only if reading or writing fails. */
export async function runBatch(input: Readable, output: Writable): Promise<void> {
  let pending: string[] = [];
  let pendingBytes = 0;

  // A failed write (EPIPE, ENOSPC) arrives as an 'error' event; keep it and stop, never wait forever.
  let writeFailure: Error | null = null;
  output.on('error', (e: Error) => {
    writeFailure = e;
  });
  const flush = async () => {
    if (writeFailure) throw writeFailure;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingBytes = 0;
    if (!output.write(text)) {
      await new Promise<void>((resolve, reject) => {
        output.once('drain', resolve);
        output.once('error', reject);
      });
    }
  };

  const emit = async (answer: Answer<unknown>) => {
    const line = `${JSON.stringify(answer)}\n`;
    pending.push(line);
    pendingBytes += line.length;
    if (pendingBytes > 1 << 16) await flush();
  };

  let parts: Buffer[] = [];
  let lineBytes = 0;
  const finishLine = async () => {
    const answer = lineBytes > LINE_LIMIT ? tooLong(lineBytes) : answerLine(Buffer.concat(parts).toString('utf8'));
    parts = [];
    lineBytes = 0;
    await emit(answer);
  };
  const append = (piece: Buffer) => {
    lineBytes += piece.length;
    if (lineBytes <= LINE_LIMIT) parts.push(piece);
    else parts = [];
  };

  for await (const chunk of input) {
    const buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      append(buf.subarray(start, nl));
      await finishLine();
      start = nl + 1;
    }
    if (start < buf.length) append(buf.subarray(start));
  }
  // The text after the last "\n" is a line only if it is not empty.
  if (lineBytes > 0) await finishLine();
  await flush();
  if (writeFailure) throw writeFailure;
}
