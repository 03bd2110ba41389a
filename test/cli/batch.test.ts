/**
 * runBatch in-process, on streams we control: however the input is cut into chunks (through multi-byte
 * characters, between "\r" and "\n"), and however small the answer memo is, the output is one answer
 * per line in order, each the answer of that line alone; a slow output gets everything (backpressure)
 * without leaking listeners; a failing output or input rejects instead of hanging.
 */
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerLine, LINE_LIMIT, runBatch } from '../../src/cli/batch';

/** Collects what runBatch writes; `delay` makes each write complete later, like a slow pipe. */
class Sink extends Writable {
  readonly parts: Buffer[] = [];
  constructor(options: { highWaterMark?: number; delay?: boolean; fail?: Error } = {}) {
    super({
      highWaterMark: options.highWaterMark ?? 16 * 1024,
      write: (chunk: Buffer, _enc, done) => {
        if (options.fail) return done(options.fail);
        this.parts.push(chunk);
        if (options.delay) setImmediate(done);
        else done();
      },
    });
  }
  text(): string {
    return Buffer.concat(this.parts).toString('utf8');
  }
}

function chunked(input: Buffer, cuts: readonly number[]): Readable {
  const at = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const to of [...at, input.length]) {
    if (to > from) pieces.push(input.subarray(from, to));
    from = Math.max(from, to);
  }
  return Readable.from(pieces, { objectMode: false });
}

/** What CONTRACT.md "Batch mode" says the output is: split on "\n", no line after a final "\n". */
function expected(input: Buffer): string {
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = input.indexOf(10); nl !== -1; nl = input.indexOf(10, start)) {
    lines.push(input.subarray(start, nl));
    start = nl + 1;
  }
  if (start < input.length) lines.push(input.subarray(start));
  return lines.map((l) => `${JSON.stringify(answerLine(l.toString('utf8')))}\n`).join('');
}

const LINES = [
  '{"op":"combine","s1Mair":68,"s2MemAttr":5}',
  '{"op":"combine","s1Mair":68,"s2MemAttr":5,"fwb":true}',
  '{"op":"combine","s1Mair":2,"s2MemAttr":5}',
  '{"op":"decodeS2","memAttr":4}',
  '{"op":"decodeMair","mair":255}',
  '{"op":"decodeMair","mair":255}\r',
  '{"op":"decodeMair","mair":"0x44"}',
  '{"op":"frob","note":"€ and 😀"}',
  '{"op":"decodeMair","mair":68,"pad":"ü"}',
  '',
  '\r',
  'not json €',
  '[1,2]',
];
const line = fc.oneof(
  fc.constantFrom(...LINES).map((s) => Buffer.from(s)),
  fc.uint8Array({ maxLength: 12 }).map((a) => Buffer.from(a.map((b) => (b === 10 ? 0xc3 : b)))),
);
const input = fc
  .tuple(fc.array(line, { maxLength: 40 }), fc.boolean())
  .map(([lines, finalNewline]) => Buffer.concat([...lines.flatMap((l) => [l, Buffer.from('\n')]).slice(0, finalNewline ? undefined : -1)]));

describe('runBatch', () => {
  it('gives every line the answer of that line alone, however the input is chunked and however small the memo', async () => {
    await fc.assert(
      fc.asyncProperty(input, fc.array(fc.nat(), { maxLength: 30 }), fc.constantFrom(undefined, 0, 700), async (bytes, cuts, memoBytes) => {
        const sink = new Sink();
        await runBatch(chunked(bytes, cuts), sink, { memoBytes });
        expect(sink.text()).toBe(expected(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same answers when lines rarely repeat and the memo stops keeping answers', async () => {
    // 20,000 distinct requests, then the same again: the memo's probe window of look-ups passes with no
    // hit, so it skips the rest, answering each line afresh.
    const distinct = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({
        op: 'combine',
        s1Mair: i & 255,
        s2MemAttr: (i >> 8) & 15,
        fwb: ((i >> 12) & 1) === 1,
        s1Sh: ['NSH', 'ISH', 'OSH'][i >> 13],
      }),
    );
    expect(new Set(distinct).size).toBe(distinct.length);
    const bytes = Buffer.from(`${[...distinct, ...distinct].join('\n')}\n`);
    const sink = new Sink();
    await runBatch(chunked(bytes, [70_000, 900_000, 2_000_000]), sink);
    expect(sink.text()).toBe(expected(bytes));
  });

  it('answers a line past the 1 MiB limit that spans many chunks, and the lines around it', async () => {
    const huge = `{"op":"decodeMair","mair":68,"pad":"${'€'.repeat(LINE_LIMIT / 3)}"}`;
    const bytes = Buffer.from(`${LINES[0]}\n${huge}\n${LINES[4]}`);
    const sink = new Sink();
    await runBatch(
      chunked(
        bytes,
        Array.from({ length: 300 }, (_, i) => 40 + i * 4099),
      ),
      sink,
    );
    const answers = sink
      .text()
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(3);
    expect(answers[0]).toEqual(answerLine(LINES[0] as string));
    expect(answers[1]).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: `line is ${Buffer.byteLength(huge)} bytes long; the limit is ${LINE_LIMIT} bytes (1 MiB)` },
    });
    expect(answers[2]).toEqual(answerLine(LINES[4] as string));
  });

  it('waits for a slow output to drain and leaves no listeners behind', async () => {
    const bytes = Buffer.from(`${Array.from({ length: 5000 }, (_, i) => `{"op":"decodeMair","mair":${i % 256}}`).join('\n')}\n`);
    const sink = new Sink({ highWaterMark: 64, delay: true });
    const listeners = () => ['drain', 'close', 'finish'].map((e) => sink.listenerCount(e));
    const before = listeners();
    await runBatch(
      chunked(
        bytes,
        Array.from({ length: 50 }, (_, i) => i * 997),
      ),
      sink,
    );
    expect(sink.text()).toBe(expected(bytes));
    expect(listeners()).toEqual(before);
  });

  it('rejects with the error of a failed write (EPIPE, ENOSPC) instead of hanging', async () => {
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const sink = new Sink({ fail: epipe });
    sink.on('error', () => {});
    const bytes = Buffer.from(`${LINES[0]}\n`.repeat(10_000));
    await expect(runBatch(chunked(bytes, [100, 70_000]), sink)).rejects.toBe(epipe);
  });

  it('rejects, instead of waiting for ever, when the output is closed before every answer is written', async () => {
    let writes = 0;
    const closing = new Writable({
      highWaterMark: 16,
      write(_chunk, _enc, done) {
        writes++;
        // The second write never completes: the reader goes away without an error.
        if (writes === 2) this.destroy();
        else done();
      },
    });
    const bytes = Buffer.from(`${LINES[4]}\n`.repeat(10_000));
    await expect(runBatch(chunked(bytes, [1000, 2000, 3000]), closing)).rejects.toThrow(
      'the output was closed before every answer was written',
    );
  });

  it('rejects with the error of a failed read', async () => {
    const broken = new Readable({
      read() {
        this.destroy(new Error('read EIO'));
      },
    });
    await expect(runBatch(broken, new Sink())).rejects.toThrow('read EIO');
  });
});
