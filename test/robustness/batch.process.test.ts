/**
 * `memattr batch` as a process (node bin/memattr.mjs batch): random bytes, lines past the 1 MiB
 * limit and 100,000 lines each get exactly one answer line per input line, in order, and exit 0
 * (CONTRACT.md "Batch mode"); a reader that goes away makes it exit 1, saying why.
 */
import { spawn, spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerLine, LINE_LIMIT } from '../../src/cli/batch';
import { answerProblem } from './support';

function batch(input: Buffer): { status: number | null; lines: string[]; answers: unknown[]; stderr: string } {
  const r = spawnSync(process.execPath, ['bin/memattr.mjs', 'batch'], { input, maxBuffer: 1 << 30 });
  const text = r.stdout.toString('utf8');
  expect(text === '' || text.endsWith('\n'), 'output ends with a newline').toBe(true);
  const lines = text === '' ? [] : text.slice(0, -1).split('\n');
  return { status: r.status, lines, answers: lines.map((l) => JSON.parse(l) as unknown), stderr: r.stderr.toString('utf8') };
}

/** Lines per CONTRACT.md: split on "\n"; the empty string after a final "\n" is not a line. */
function expectedLines(input: Buffer): number {
  let n = 0;
  for (const b of input) if (b === 10) n++;
  return input.length > 0 && input[input.length - 1] !== 10 ? n + 1 : n;
}

const bytes = (s: string) => Buffer.from(s, 'utf8');
const GOOD = '{"op":"decodeMair","mair":68}';

/** Pieces of a line: random bytes, invalid UTF-8, NUL, lone "\r", split multi-byte characters, JSON. */
const piece = fc.oneof(
  fc.uint8Array({ maxLength: 64 }).map((a) => Buffer.from(a)),
  fc.constantFrom(
    Buffer.from([0xff]),
    Buffer.from([0xc3]), // a lead byte with no continuation
    Buffer.from([0xe2, 0x82]), // a truncated 3-byte sequence
    Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
    Buffer.from([0xf4, 0x90, 0x80, 0x80]), // beyond U+10FFFF
    Buffer.from([0]),
    bytes('\r'),
    bytes('\r\r'),
    bytes('€'),
    bytes(GOOD),
    bytes('{"op":"combine","s1Mair":68,"s2MemAttr":5}'),
    bytes('{"op":"__proto__"}'),
    bytes('{"__proto__":{"polluted":1},"op":"combine"}'),
  ),
);
const randomInput = fc
  .array(fc.tuple(fc.array(piece, { maxLength: 4 }), fc.constantFrom('\n', '\r\n', '\n\n', '')), { minLength: 1, maxLength: 600 })
  .map((lines) => Buffer.concat(lines.flatMap(([parts, end]) => [...parts, bytes(end)])));

function wellFormed(answers: unknown[]): void {
  for (const [i, a] of answers.entries()) expect(answerProblem(a), `answer ${i}: ${JSON.stringify(a).slice(0, 200)}`).toBeNull();
}

describe('memattr batch process', () => {
  it('random bytes (invalid UTF-8, NUL, lone "\\r", split characters): one well-formed answer per line, exit 0', () => {
    fc.assert(
      fc.property(randomInput, (input) => {
        const r = batch(input);
        expect(r.status).toBe(0);
        expect(r.answers).toHaveLength(expectedLines(input));
        wellFormed(r.answers);
      }),
      { numRuns: 3 },
    );
  });

  it('lines at, just past and far past the 1 MiB limit get one answer each and the next line is still answered', () => {
    const at = `{"op":"decodeMair","mair":68,"pad":"${'y'.repeat(LINE_LIMIT - 40)}"}`.padEnd(LINE_LIMIT, ' ');
    const past = `${at} `;
    const random = Buffer.from(
      Array.from({ length: 3 * LINE_LIMIT }, (_, i) => (i * 2654435761) % 251 || 1).map((b) => (b === 10 ? 11 : b)),
    );
    const input = Buffer.concat([bytes(`${at}\n${GOOD}\n${past}\n${GOOD}\n`), random, bytes(`\n${GOOD}\n`), random]);
    expect(Buffer.byteLength(at)).toBe(LINE_LIMIT);
    const r = batch(input);
    expect(r.status).toBe(0);
    expect(r.answers).toHaveLength(7);
    wellFormed(r.answers);
    const [atLimit, ok1, pastLimit, ok2, huge, ok3, hugeLast] = r.answers as { ok: boolean; error?: { field?: string; message: string } }[];
    // At the limit the line is parsed: the answer names the unknown field "pad".
    expect(atLimit).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'pad' } });
    for (const tooLong of [pastLimit, huge, hugeLast]) expect(tooLong?.error?.message).toMatch(/limit/);
    for (const good of [ok1, ok2, ok3]) expect(good).toMatchObject({ ok: true, result: { mair: 68 } });
  });

  it('100,000 lines of valid, reserved, repeated, blank and junk requests: 100,000 answers in input order', () => {
    const N = 100_000;
    const kinds = ['mair', 'blank', 'crlf', 'junk', 'nul', 'unknown-op', 'combine'] as const;
    const kindOf = (i: number) => kinds[i % kinds.length] as (typeof kinds)[number];
    const lineFor = (i: number): string => {
      switch (kindOf(i)) {
        case 'mair':
          return `{"op":"decodeMair","mair":${i % 256}}`;
        case 'blank':
          return '';
        case 'crlf':
          return `{"op":"decodeMair","mair":${i % 256}}\r`;
        case 'junk':
          return `{"op":"decodeMair","mair":${i % 256}`;
        case 'nul':
          return '\u0000';
        case 'unknown-op':
          return `{"op":"op${i}"}`;
        // 8,192 distinct requests over 14,286 lines, so thousands are repeats: a reused answer must be this line's.
        case 'combine':
          return `{"op":"combine","s1Mair":${i % 256},"s2MemAttr":${(i >> 8) % 16},"fwb":${((i >> 12) & 1) === 1}}`;
      }
    };
    const input = bytes(`${Array.from({ length: N }, (_, i) => lineFor(i)).join('\n')}\n`);
    const r = batch(input);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.answers).toHaveLength(N);
    const answers = r.answers as { ok: boolean; result?: { mair: number }; error?: { code: string; field?: string; message: string } }[];
    let mismatches = 0;
    for (const [i, a] of answers.entries()) {
      const kind = kindOf(i);
      const good =
        kind === 'combine'
          ? r.lines[i] === JSON.stringify(answerLine(lineFor(i)))
          : kind === 'mair' || kind === 'crlf'
            ? a.ok
              ? a.result?.mair === i % 256
              : a.error?.code === 'RESERVED' && a.error.field === 'mair'
            : kind === 'unknown-op'
              ? !a.ok && a.error?.field === 'op' && a.error.message.includes(`op${i}`)
              : !a.ok && a.error?.code === 'BAD_INPUT';
      if (!good) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('exits 1 with one stderr line when the reader of its answers goes away (EPIPE)', async () => {
    const lines = Array.from({ length: 100_000 }, (_, i) => `{"op":"decodeMair","mair":${i % 256}}`);
    const child = spawn(process.execPath, ['bin/memattr.mjs', 'batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    // Once it stops reading, the rest of our input cannot be written either.
    child.stdin.on('error', () => {});
    child.stdin.end(`${lines.join('\n')}\n`);
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(1);
    expect(stderr).toMatch(/^memattr batch: .*EPIPE.*\n$/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
