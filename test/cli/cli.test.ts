import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function memattr(args: string[], input?: string | Buffer) {
  const r = spawnSync('node', ['bin/memattr.mjs', ...args], { input, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

function lines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
}

describe('memattr single commands', () => {
  it('combine prints the effective type and exits 0', () => {
    const r = memattr(['combine', '--s1', '0x04', '--s2', '0x5']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Device-nGnRE/);
    expect(r.stdout).toMatch(/s1-device-over-s2-normal/);
  });

  it('--json prints the batch envelope, and decimal and hex flags agree', () => {
    const hex = memattr(['combine', '--s1', '0x44', '--s2', '0x5', '--json']);
    const dec = memattr(['combine', '--s1', '68', '--s2', '5', '--json']);
    expect(hex.status).toBe(0);
    expect(JSON.parse(hex.stdout)).toMatchObject({
      ok: true,
      result: { memoryType: 'Normal', inner: 'NC', outer: 'NC', shareability: 'OSH' },
    });
    expect(dec.stdout).toBe(hex.stdout);
  });

  it('an out-of-range --s1 exits 2 with one stderr line naming the field', () => {
    const r = memattr(['combine', '--s1', '0x1ff', '--s2', '5']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/s1Mair/);
  });

  it('a non-number --s2 exits 2 naming the field', () => {
    const r = memattr(['combine', '--s1', '4', '--s2', 'banana']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/s2MemAttr.*banana/);
  });

  it('decode-mair 0x02 explains why the byte is UNPREDICTABLE and exits 3', () => {
    const r = memattr(['decode-mair', '0x02']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/UNPREDICTABLE/);
    expect(r.stderr).toMatch(/0b0000dd1x/);
  });

  it('decode-s2 0x5 --fwb decodes the FWB Normal-NC encoding; 0x4 --fwb exits 3', () => {
    expect(memattr(['decode-s2', '0x5', '--fwb']).stdout).toMatch(/Normal-NC/);
    expect(memattr(['decode-s2', '0x4', '--fwb']).status).toBe(3);
  });

  it('every command answers --help with exit 0; an unknown command or flag exits 2', () => {
    for (const c of ['decode-mair', 'decode-s2', 'combine', 'batch']) {
      const r = memattr([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(/Usage: memattr/);
    }
    expect(memattr(['frobnicate']).status).toBe(2);
    expect(memattr(['combine', '--s1', '4', '--s2', '5', '--colour']).status).toBe(2);
  });
});

describe('memattr batch', () => {
  it('answers every line in order: blank, not JSON, CRLF, unknown op, unknown field, string number', () => {
    const input = [
      '{"op":"combine","s1Mair":68,"s2MemAttr":5}',
      '',
      'not json',
      '{"op":"combine","s1Mair":4,"s2MemAttr":5}\r',
      '{"op":"frob"}',
      '{"op":"combine","s1Mair":4,"s2MemAttr":5,"colour":1}',
      '{"op":"combine","s1Mair":"0x44","s2MemAttr":5}',
      '{"op":"combine","s1Mair":2,"s2MemAttr":5}',
      '[1,2]',
    ].join('\n');
    const r = memattr(['batch'], `${input}\n`);
    expect(r.status).toBe(0);
    const out = lines(r.stdout) as { ok: boolean; result?: { summary: string }; error?: { code: string; field?: string } }[];
    expect(out).toHaveLength(9);
    expect(out[0]).toMatchObject({ ok: true, result: { summary: 'Normal-NC' } });
    expect(out[1]).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(out[2]).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(out[3]).toMatchObject({ ok: true, result: { summary: 'Device-nGnRE' } });
    expect(out[4]).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'op' } });
    expect(out[5]).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'colour' } });
    expect(out[6]).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 's1Mair' } });
    expect(out[7]).toMatchObject({ ok: false, error: { code: 'RESERVED', field: 's1Mair' } });
    expect(out[8]).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('treats a last line without "\\n" as a line, and the empty string after a final "\\n" as none', () => {
    expect(lines(memattr(['batch'], '{"op":"combine","s1Mair":4,"s2MemAttr":5}').stdout)).toHaveLength(1);
    expect(lines(memattr(['batch'], '\n\n').stdout)).toHaveLength(2);
    expect(memattr(['batch'], '').stdout).toBe('');
  });

  it('answers a line of 2 MB with one BAD_INPUT line and goes on with the next', () => {
    const huge = `{"op":"combine","s1Mair":4,"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const r = memattr(['batch'], `${huge}\n{"op":"combine","s1Mair":4,"s2MemAttr":1}\n`);
    const out = lines(r.stdout) as { ok: boolean; error?: { message: string } }[];
    expect(out).toHaveLength(2);
    expect(out[0]?.ok).toBe(false);
    expect(out[0]?.error?.message).toMatch(/limit/);
    expect(out[1]?.ok).toBe(true);
  });

  it('answers 20,000 lines, one answer each, in order', () => {
    const requests = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ op: 'combine', s1Mair: i % 256, s2MemAttr: i % 16 }));
    const r = memattr(['batch'], `${requests.join('\n')}\n`);
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n').filter((l) => l !== '');
    expect(out).toHaveLength(20_000);
    // Spot-check the order: line i answers request i.
    for (const i of [0, 1, 4097, 19_999]) {
      const want = memattr(['combine', '--s1', String(i % 256), '--s2', String(i % 16), '--json']).stdout.trim();
      expect(out[i]).toBe(want);
    }
  });
});
