/**
 * `node bin/memattr.mjs` as a process (never through npx, which adds seconds of npm start-up): one
 * process per exit status and stream that a user or a script sees. Flag forms and every command's
 * --help are pinned in-process (flags.test.ts), batch's line handling in batch.test.ts and
 * test/robustness/batch.process.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { answerLine } from '../../src/cli/batch';

function memattr(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['bin/memattr.mjs', ...args], { input, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

describe('memattr single commands', () => {
  it('combine prints the effective type on stdout and exits 0', () => {
    const r = memattr(['combine', '--s1', '0x04', '--s2', '0x5']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toMatch(/^result {2}Device-nGnRE, OSH/);
    expect(r.stdout).toMatch(/^rule {4}s1-device-over-s2-normal$/m);
  });

  it('--json prints one line, the envelope batch mode gives for the same request', () => {
    const r = memattr(['combine', '--s1', '0x44', '--s2', '0x5', '--fwb=false', '--json']);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual(answerLine('{"op":"combine","s1Mair":68,"s2MemAttr":5,"fwb":false}'));
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      result: { memoryType: 'Normal', inner: 'NC', outer: 'NC', shareability: 'OSH' },
    });
  });

  it('a bad flag exits 2 with nothing on stdout and one stderr line naming the field', () => {
    const r = memattr(['combine', '--s1', '0x1ff', '--s2', '5']);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/^memattr combine: BAD_INPUT s1Mair: .*\n$/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an input the model refuses exits 2 naming the field', () => {
    const r = memattr(['combine', '--s1', '4']);
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/^memattr combine: BAD_INPUT s2MemAttr: s2MemAttr is required/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a reserved encoding exits 3 and says why on stderr', () => {
    const r = memattr(['decode-mair', '0x02']);
    expect(r).toMatchObject({ status: 3, stdout: '' });
    expect(r.stderr).toMatch(/^memattr decode-mair: RESERVED mair: .*0b0000dd1x.*UNPREDICTABLE/);
  });

  it('an unknown command exits 2; --help exits 0', () => {
    expect(memattr(['frobnicate'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: 'memattr: unknown command "frobnicate"; run memattr --help\n',
    });
    for (const args of [['--help'], ['combine', '--help'], ['batch', '--help']]) {
      const r = memattr(args);
      expect(r, args.join(' ')).toMatchObject({ status: 0, stderr: '' });
      expect(r.stdout, args.join(' ')).toMatch(/Usage: memattr/);
    }
  });

  it('a reader that goes away (memattr scenario --table --json | head -c 10) gets exit 1 and one stderr line, not a stack trace', async () => {
    const child = spawn(process.execPath, ['bin/memattr.mjs', 'scenario', '--table', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(1);
    expect(stderr).toBe('memattr scenario: write EPIPE\n');
  });
});

describe('memattr batch', () => {
  it('answers every line in order (blank, not JSON, CRLF, unknown op and field, string number), the last one without "\\n"', () => {
    const lines = [
      '{"op":"combine","s1Mair":68,"s2MemAttr":5}',
      '',
      'not json',
      '{"op":"combine","s1Mair":4,"s2MemAttr":5}\r',
      '{"op":"frob"}',
      '{"op":"combine","s1Mair":4,"s2MemAttr":5,"colour":1}',
      '{"op":"combine","s1Mair":"0x44","s2MemAttr":5}',
      '{"op":"combine","s1Mair":2,"s2MemAttr":5}',
      '[1,2]',
    ];
    const r = memattr(['batch'], lines.join('\n'));
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const out = r.stdout.trimEnd().split('\n');
    expect(out).toHaveLength(9);
    expect(out.map((l) => JSON.parse(l))).toMatchObject([
      { ok: true, result: { summary: 'Normal-NC' } },
      { ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^empty line/) } },
      { ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/^line is not JSON/) } },
      { ok: true, result: { summary: 'Device-nGnRE' } },
      { ok: false, error: { code: 'BAD_INPUT', field: 'op' } },
      { ok: false, error: { code: 'BAD_INPUT', field: 'colour' } },
      { ok: false, error: { code: 'BAD_INPUT', field: 's1Mair' } },
      { ok: false, error: { code: 'RESERVED', field: 's1Mair' } },
      { ok: false, error: { code: 'BAD_INPUT' } },
    ]);
  });

  it('empty stdin: no answers, exit 0; an argument after batch: exit 2', () => {
    expect(memattr(['batch'], '')).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const r = memattr(['batch', 'requests.jsonl'], '');
    expect(r).toMatchObject({ status: 2, stdout: '' });
    expect(r.stderr).toMatch(/^memattr batch: BAD_INPUT unexpected argument "requests.jsonl"/);
  });
});
