/**
 * Every documented flag form (README, docs/reference/cli.mdx, each command's --help), in-process:
 * parseFlags maps the form to the input field it names, and runCommand answers a bad form with exit 2
 * and one stderr line naming that field. The exit statuses of the real process are in cli.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { answerLine } from '../../src/cli/batch';
import { COMMANDS } from '../../src/cli/commands/index';
import { parseFlags } from '../../src/cli/flags';
import { EXIT, runCommand } from '../../src/cli/main';
import { KERNEL_RANGE } from '../../src/model/index';

function command(name: string) {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new Error(`no command ${name}`);
  return c;
}

function parse(name: string, argv: string[]) {
  const c = command(name);
  return parseFlags(
    argv,
    c.flags,
    (c.switches ?? []).map((s) => s.name),
  );
}

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCommand(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('flag forms map to input fields', () => {
  it('a boolean flag: bare means true; =true and =false say which', () => {
    expect(parse('combine', ['--fwb']).input).toEqual({ fwb: true });
    expect(parse('combine', ['--fwb=true']).input).toEqual({ fwb: true });
    expect(parse('combine', ['--fwb=false']).input).toEqual({ fwb: false });
    expect(parse('combine', ['--feat-xs=false']).input).toEqual({ featXS: false });
    expect(parse('decode-mair', ['--feat-xs=false', '--feat-mte2=false']).input).toEqual({ featXS: false, featMTE2: false });
    expect(parse('kvm-stage2', ['--pfn-is-memory']).input).toEqual({ pfnIsMemory: true });
    expect(parse('kvm-stage2', ['--pfn-is-memory=false']).input).toEqual({ pfnIsMemory: false });
    expect(parse('kvm-stage2', ['--dic=false', '--logging']).input).toEqual({ dic: false, logging: true });
  });

  it('an integer flag: hexadecimal or decimal, as the next argument or after "="', () => {
    for (const argv of [['--s1', '0x44'], ['--s1', '68'], ['--s1=0x44'], ['--s1=68'], ['--s1', '0X44']]) {
      expect(parse('combine', argv).input, argv.join(' ')).toEqual({ s1Mair: 68 });
    }
    expect(parse('combine', ['--s1', '0x04', '--s2', '0x5']).input).toEqual({ s1Mair: 4, s2MemAttr: 5 });
    expect(parse('access', ['--bytes', '64']).input).toEqual({ bytes: 64 });
  });

  it('a positional argument: decode-mair 0x44, decode-s2 5, the same as the named flag', () => {
    expect(parse('decode-mair', ['0x44']).input).toEqual({ mair: 68 });
    expect(parse('decode-mair', ['--mair', '68']).input).toEqual({ mair: 68 });
    expect(parse('decode-s2', ['5', '--fwb']).input).toEqual({ memAttr: 5, fwb: true });
    expect(parse('decode-s2', ['--fwb', '0x5']).input).toEqual({ memAttr: 5, fwb: true });
  });

  it('a comma list: --vma-flags VM_IO,VM_PFNMAP (and after "=")', () => {
    expect(parse('kvm-stage2', ['--vma-flags', 'VM_IO,VM_PFNMAP']).input).toEqual({ vmaFlags: ['VM_IO', 'VM_PFNMAP'] });
    expect(parse('kvm-stage2', ['--vma-flags=VM_IO,VM_PFNMAP,VM_ALLOW_ANY_UNCACHED']).input).toEqual({
      vmaFlags: ['VM_IO', 'VM_PFNMAP', 'VM_ALLOW_ANY_UNCACHED'],
    });
  });

  it('enum and kernel-version flags take their value as written', () => {
    expect(parse('combine', ['--s1-sh', 'OSH', '--s2-sh=NSH']).input).toEqual({ s1Sh: 'OSH', s2Sh: 'NSH' });
    expect(parse('scenario', ['--kernel', '6.9', '--vfio', 'vfio-pci', '--guest', 'ioremap_wc']).input).toEqual({
      kernel: '6.9',
      vfioDriver: 'vfio-pci',
      guestMapping: 'ioremap_wc',
    });
  });

  it('--json, --help (-h) and switches such as --table are not input fields', () => {
    const p = parse('scenario', ['--table', '--json']);
    expect(p).toMatchObject({ input: {}, json: true, help: false });
    expect([...p.switches]).toEqual(['table']);
    expect(parse('combine', ['--help'])).toMatchObject({ input: {}, help: true, json: false });
    expect(parse('combine', ['-h'])).toMatchObject({ input: {}, help: true });
  });
});

describe('a bad flag is BAD_INPUT naming the field: exit 2, one stderr line', () => {
  const cases: [argv: string[], field: string | undefined, message: RegExp][] = [
    [['combine', '--s1', '0x1ff', '--s2', '5'], 's1Mair', /--s1 \(s1Mair\) must be from 0 to 255 .*0x1ff/],
    [['combine', '--s1', '4', '--s2', 'banana'], 's2MemAttr', /--s2 \(s2MemAttr\) must be an integer like 68 or 0x44, got "banana"/],
    [['combine', '--s2', '5', '--s1'], 's1Mair', /--s1 \(s1Mair\) needs a value/],
    [['combine', '--s1', '4', '--s2', '5', '--fwb=maybe'], 'fwb', /--fwb takes no value or true\/false, got "maybe"/],
    [['combine', '--s1', '4', '--s2', '5', '--s1-sh', 'XSH'], 's1Sh', /--s1-sh \(s1Sh\) must be one of NSH, ISH, OSH, got "XSH"/],
    [['decode-mair', '0x44', '--mair', '0x44'], 'mair', /mair given twice/],
    [['decode-mair', '0x100'], 'mair', /--mair \(mair\) must be from 0 to 255/],
    [['kvm-stage2', '--vma-flags', 'VM_IO,VM_BOGUS'], 'vmaFlags', /--vma-flags \(vmaFlags\) items must be among .*got "VM_BOGUS"/],
    [['kvm-stage2', '--kernel', '4.0'], 'kernel', new RegExp(`--kernel \\(kernel\\) must be MAJOR.MINOR from ${KERNEL_RANGE}, got "4.0"`)],
    [['access', '--bytes', '0'], 'bytes', /--bytes \(bytes\) must be from 1 to 4096/],
    [['combine', '--s1', '4', '--s2', '5', '--colour'], undefined, /unknown flag --colour; see --help/],
    [['combine', '5'], undefined, /unexpected argument "5"; see --help/],
  ];
  for (const [argv, field, message] of cases) {
    it(argv.join(' '), () => {
      const r = run(argv);
      expect(r.status).toBe(EXIT.badInput);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(new RegExp(`^memattr ${argv[0]}: BAD_INPUT ${field ? `${field}: ` : ''}`));
      expect(r.stderr).toMatch(message);
    });
  }

  it('with --json, the same error is also printed as the batch envelope', () => {
    const r = run(['combine', '--s1', '0x1ff', '--s2', '5', '--json']);
    expect(r.status).toBe(EXIT.badInput);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 's1Mair' } });
  });
});

describe('runCommand', () => {
  it('every command answers --help with exit 0, its usage and every flag with the field it fills', () => {
    for (const c of COMMANDS) {
      const r = run([c.name, '--help']);
      expect(r.status, c.name).toBe(EXIT.ok);
      expect(r.stdout, c.name).toContain(`Usage: ${c.usage}`);
      for (const f of c.flags) expect(r.stdout, `${c.name} --${f.flag}`).toMatch(new RegExp(`--${f.flag}\\b.*\\[${f.field}\\]`));
      for (const s of c.switches ?? []) expect(r.stdout, `${c.name} --${s.name}`).toContain(`--${s.name}`);
      expect(r.stdout).toContain('--json');
    }
  });

  it('no command prints the command list and exits 2; --help prints it and exits 0', () => {
    const none = run([]);
    expect(none.status).toBe(EXIT.badInput);
    for (const c of COMMANDS) expect(none.stdout).toContain(`  ${c.name}`);
    expect(run(['--help'])).toMatchObject({ status: EXIT.ok, stdout: none.stdout });
  });

  it('--json prints the envelope batch mode gives for the same request', () => {
    const cases: [string[], string][] = [
      [['combine', '--s1', '0x44', '--s2', '5', '--fwb', '--json'], '{"op":"combine","s1Mair":68,"s2MemAttr":5,"fwb":true}'],
      [['decode-mair', '0x02', '--json'], '{"op":"decodeMair","mair":2}'],
      [['decode-s2', '0x4', '--json'], '{"op":"decodeS2","memAttr":4}'],
    ];
    for (const [argv, line] of cases) expect(JSON.parse(run(argv).stdout), argv.join(' ')).toEqual(answerLine(line));
  });

  it('a RESERVED answer exits 3 and says why on stderr; the permitted outcomes follow, one per line', () => {
    const mair = run(['decode-mair', '0x02']);
    expect(mair.status).toBe(EXIT.reserved);
    expect(mair.stderr).toMatch(/^memattr decode-mair: RESERVED mair: .*0b0000dd1x.*UNPREDICTABLE/);
    const s2 = run(['decode-s2', '0x4']);
    expect(s2.status).toBe(EXIT.reserved);
    const [head, ...permitted] = s2.stderr.split('\n');
    expect(head).toMatch(/^memattr decode-s2: RESERVED memAttr: MemAttr 0x4 /);
    expect(permitted.map((l) => JSON.parse(l.replace(/^ {2}permitted: /, '')).memAttr)).toEqual([5, 6, 7]);
  });
});
