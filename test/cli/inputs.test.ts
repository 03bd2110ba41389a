/**
 * The inputs added to the API in the "today's kernels" cycle, reachable from the command line and from
 * batch (CONTRACT.md: the CLI mirrors the API): decode-mair's whole MAIR_EL1 with an AttrIndx,
 * scenario's GPU generation, MTE and table kernels, access's host kernel and LS64 location, and a
 * command for each API operation that had none. Each flag: the field it fills, the answer it gives,
 * and a bad value answered BAD_INPUT naming that field.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { answerLine } from '../../src/cli/batch';
import { COMMANDS } from '../../src/cli/commands/index';
import { parseFlags } from '../../src/cli/flags';
import { EXIT, runCommand } from '../../src/cli/main';
import { KERNEL_RANGE, NEWEST_KERNEL, OLDEST_KERNEL } from '../../src/model/index';
import { expectError, expectOk } from '../support/expect-ok';

function parse(name: string, argv: string[]) {
  const c = COMMANDS.find((x) => x.name === name);
  if (!c) throw new Error(`no command ${name}`);
  return parseFlags(
    argv,
    c.flags,
    (c.switches ?? []).map((s) => s.name),
  ).input;
}

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCommand(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** The `--json` envelope of a command that succeeded: exit 0, nothing on stderr. */
function json(argv: string[]) {
  const r = run([...argv, '--json']);
  expect(r.stderr, argv.join(' ')).toBe('');
  expect(r.status, argv.join(' ')).toBe(EXIT.ok);
  return JSON.parse(r.stdout);
}

/** Exit 2, nothing on stdout, one stderr line naming `field`, matching `message`. */
function expectBadInput(argv: string[], field: string, message: RegExp) {
  const r = run(argv);
  expect(r.status, argv.join(' ')).toBe(EXIT.badInput);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(new RegExp(`^memattr ${argv[0]}: BAD_INPUT ${field.replace(/[[\]]/g, '\\$&')}: `));
  expect(r.stderr).toMatch(message);
}

// Linux's MAIR_EL1 from 5.14 with MTE (linux-mair --kernel 7.0 --mte): Attr0 0xFF ... Attr4 0x04.
const LINUX_MAIR = '0x000000040044F0FF';
const LINUX_MAIR_BYTES = [0xff, 0xf0, 0x44, 0x00, 0x04, 0, 0, 0];

describe('decode-mair --mair-el1 <64-bit> --attr-indx <n>', () => {
  it('fills mairAttrs with the 8 bytes, Attr0 (bits 7:0) first, from hex or decimal, and attrIndx', () => {
    expect(parse('decode-mair', ['--mair-el1', LINUX_MAIR, '--attr-indx', '2'])).toEqual({ mairAttrs: LINUX_MAIR_BYTES, attrIndx: 2 });
    expect(parse('decode-mair', [`--mair-el1=${BigInt(LINUX_MAIR).toString(10)}`, '--attr-indx=2'])).toEqual({
      mairAttrs: LINUX_MAIR_BYTES,
      attrIndx: 2,
    });
    expect(parse('decode-mair', ['--mair-el1', '0x0102030405060708'])).toEqual({ mairAttrs: [8, 7, 6, 5, 4, 3, 2, 1] });
    // Past 2^53: BigInt, not Number, reads it.
    expect(parse('decode-mair', ['--mair-el1', '0xFFFFFFFFFFFFFFFF'])).toEqual({ mairAttrs: [255, 255, 255, 255, 255, 255, 255, 255] });
    expect(parse('decode-mair', ['--mair-el1', '18446744073709551615'])).toEqual({ mairAttrs: [255, 255, 255, 255, 255, 255, 255, 255] });
    expect(parse('decode-mair', ['--mair-el1', '0x0'])).toEqual({ mairAttrs: [0, 0, 0, 0, 0, 0, 0, 0] });
  });

  it('decodes the slot AttrIndx selects, and says which on the first line', () => {
    const nc = run(['decode-mair', '--mair-el1', LINUX_MAIR, '--attr-indx', '2']);
    expect(nc).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(nc.stdout.split('\n')[0]).toBe('MAIR_EL1.Attr2 0x44  Normal-NC (NC)  XS=1');
    expect(nc.stdout.split('\n')[1]).toMatch(/^MAIR_EL1\.Attr2 = 0x44: Normal: outer Non-cacheable; inner Non-cacheable/);
    const dev = run(['decode-mair', '--mair-el1', LINUX_MAIR, '--attr-indx', '4']);
    expect(dev.stdout.split('\n')[0]).toBe('MAIR_EL1.Attr4 0x04  Device-nGnRE  XS=1');
    const wb = json(['decode-mair', '--mair-el1', LINUX_MAIR, '--attr-indx', '0']);
    expect(wb).toMatchObject({ ok: true, result: { mair: 0xff, attrIndx: 0, summary: 'Normal-WB' } });
  });

  it('--json is the batch answer to mairAttrs + attrIndx', () => {
    expect(json(['decode-mair', '--mair-el1', LINUX_MAIR, '--attr-indx', '1'])).toEqual(
      answerLine(`{"op":"decodeMair","mairAttrs":${JSON.stringify(LINUX_MAIR_BYTES)},"attrIndx":1}`),
    );
  });

  it("reads the register linux-mair prints: ioremap_wc()'s slot holds its MAIR byte", () => {
    const mair = json(['linux-mair', '--kernel', NEWEST_KERNEL]).result;
    const wc = json(['ioremap-mapping', '--kernel', NEWEST_KERNEL, '--api', 'ioremap_wc']).result;
    const decoded = json(['decode-mair', '--mair-el1', mair.value, '--attr-indx', String(wc.attrIndx)]).result;
    expect(decoded).toMatchObject({ mair: wc.mair, attrIndx: wc.attrIndx, summary: 'Normal-NC' });
  });

  it('the single-byte form is unchanged', () => {
    expect(parse('decode-mair', ['0x44'])).toEqual({ mair: 0x44 });
    const r = run(['decode-mair', '0x44']);
    expect(r).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(r.stdout).toBe('MAIR 0x44  Normal-NC (NC)  XS=1\nNormal: outer Non-cacheable; inner Non-cacheable; XS=1.');
  });

  it('a RESERVED byte in the selected slot exits 3 naming that slot', () => {
    const r = run(['decode-mair', '--mair-el1', '0x0200', '--attr-indx', '1']);
    expect(r.status).toBe(EXIT.reserved);
    expect(r.stderr).toMatch(/^memattr decode-mair: RESERVED mairAttrs\[1\]: MAIR byte 0x02 /);
  });

  it('bad values are BAD_INPUT naming the field', () => {
    expectBadInput(['decode-mair', '--mair-el1', '0x10000000000000000', '--attr-indx', '0'], 'mairAttrs', /must fit in 64 bits/);
    expectBadInput(['decode-mair', '--mair-el1', '18446744073709551616', '--attr-indx', '0'], 'mairAttrs', /must fit in 64 bits/);
    expectBadInput(['decode-mair', '--mair-el1', '-1', '--attr-indx', '0'], 'mairAttrs', /must be a 64-bit integer .*got "-1"/);
    expectBadInput(['decode-mair', '--mair-el1', '0xFFg', '--attr-indx', '0'], 'mairAttrs', /must be a 64-bit integer/);
    expectBadInput(['decode-mair', '--mair-el1'], 'mairAttrs', /--mair-el1 \(mairAttrs\) needs a value/);
    expectBadInput(
      ['decode-mair', '--mair-el1', LINUX_MAIR, '--attr-indx', '8'],
      'attrIndx',
      /--attr-indx \(attrIndx\) must be from 0 to 7/,
    );
    expectBadInput(['decode-mair', '--mair-el1', LINUX_MAIR], 'attrIndx', /attrIndx is required with mairAttrs/);
    expectBadInput(['decode-mair', '0x44', '--attr-indx', '2'], 'attrIndx', /give mairAttrs with it/);
    expectBadInput(['decode-mair', '0x44', '--mair-el1', LINUX_MAIR, '--attr-indx', '2'], 'mairAttrs', /not both/);
  });
});

describe('scenario --gpu, --mte and --table --kernels', () => {
  it('fill gpu, mte and kernels', () => {
    expect(parse('scenario', ['--gpu', 'grace-blackwell', '--mte'])).toEqual({ gpu: 'grace-blackwell', mte: true });
    expect(parse('scenario', ['--mte=false'])).toEqual({ mte: false });
    expect(parse('scenario', ['--table', '--kernels', '6.9,7.2'])).toEqual({ kernels: ['6.9', '7.2'] });
  });

  it('--gpu picks the GPU behind an nvgrace-gpu region: Grace Hopper has the write-combining resmem', () => {
    const argv = ['scenario', '--kernel', NEWEST_KERNEL, '--vfio', 'nvgrace-gpu-resmem', '--guest', 'ioremap_wc'];
    const hopper = run([...argv, '--gpu', 'grace-hopper']);
    expect(hopper).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(hopper.stdout).toMatch(/\n\neffective: Normal-NC$/);
    expect(json([...argv, '--gpu', 'grace-hopper'])).toEqual(
      answerLine(
        `{"op":"scenario","kernel":"${NEWEST_KERNEL}","vfioDriver":"nvgrace-gpu-resmem","guestMapping":"ioremap_wc","gpu":"grace-hopper"}`,
      ),
    );
    expectBadInput([...argv, '--gpu', 'grace-blackwell'], 'gpu', /grace-blackwell has no resmem region/);
  });

  it('--gpu: a bad value, another driver, or a GPU before its driver arrived is BAD_INPUT on gpu', () => {
    const argv = ['scenario', '--kernel', NEWEST_KERNEL, '--guest', 'ioremap'];
    expectBadInput(
      [...argv, '--vfio', 'nvgrace-gpu-usemem', '--gpu', 'grace-rubin'],
      'gpu',
      /--gpu \(gpu\) must be one of grace-hopper, grace-blackwell/,
    );
    expectBadInput(
      [...argv, '--vfio', 'vfio-pci', '--gpu', 'grace-hopper'],
      'gpu',
      /applies to the nvgrace-gpu regions only, not to vfio-pci/,
    );
    expectBadInput(
      ['scenario', '--kernel', '6.9', '--guest', 'ioremap', '--vfio', 'nvgrace-gpu-usemem', '--gpu', 'grace-blackwell'],
      'gpu',
      /from 6\.14 .*not in 6\.9/,
    );
  });

  it('--mte: KVM refuses the VFIO memslot, so nothing reaches the guest; before 5.14 it is BAD_INPUT on mte', () => {
    const argv = ['scenario', '--kernel', NEWEST_KERNEL, '--vfio', 'vfio-pci', '--guest', 'ioremap_wc'];
    const mte = json([...argv, '--mte']).result;
    expect(mte).toMatchObject({ memslot: { errno: 'EINVAL' }, stage2: null, effective: null });
    expect(run([...argv, '--mte']).stdout).toMatch(/\n\neffective: none$/);
    expect(json([...argv, '--mte=false']).result).toMatchObject({ memslot: { errno: null }, effectiveType: 'Normal-NC' });
    expectBadInput(['scenario', '--kernel', OLDEST_KERNEL, '--vfio', 'vfio-pci', '--guest', 'ioremap', '--mte'], 'mte', /arrived in 5\.14/);
    expectBadInput([...argv, '--mte=yes'], 'mte', /--mte takes no value or true\/false/);
  });

  it('--table --kernels lists those kernels only; --kernels is BAD_INPUT without --table or with a kernel out of range', () => {
    const table = json(['scenario', '--table', '--kernels', '6.8,6.9']).result;
    expect(table.kernels).toEqual(['6.8', '6.9']);
    expect(new Set(table.rows.map((r: { kernel: string }) => r.kernel))).toEqual(new Set(['6.8', '6.9']));
    expectBadInput(
      ['scenario', '--table', '--kernels', '6.9,4.19'],
      'kernels',
      new RegExp(`items must be MAJOR.MINOR from ${KERNEL_RANGE}, got "4.19"`),
    );
    expectBadInput(
      ['scenario', '--kernels', '6.9', '--kernel', '6.9', '--vfio', 'vfio-pci', '--guest', 'ioremap'],
      'kernels',
      /for one scenario give --kernel/,
    );
    expectBadInput(['scenario', '--table', '--gpu', 'grace-hopper'], 'gpu', /cannot be chosen with it/);
    expectBadInput(['scenario', '--table', '--mte'], 'mte', /cannot be chosen with it/);
  });
});

describe('access --accessor st64b --host-kernel, --location-supports-ls64', () => {
  const st64b = ['access', '--accessor', 'st64b', '--type', 'Normal-NC', '--kernel', NEWEST_KERNEL];

  it('st64b is an accessor; the flags fill hostKernel and locationSupportsLs64 (=false form too)', () => {
    expect(parse('access', ['--accessor', 'st64b', '--host-kernel', '7.0', '--location-supports-ls64=false'])).toEqual({
      accessor: 'st64b',
      hostKernel: '7.0',
      locationSupportsLs64: false,
    });
    expect(parse('access', ['--location-supports-ls64'])).toEqual({ locationSupportsLs64: true });
  });

  it('defaults: the host is the guest kernel and the location supports LS64: one single-copy-atomic write', () => {
    const r = run(st64b);
    expect(r).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe(`st64b on Normal-NC (${NEWEST_KERNEL}, 64 bytes): correct`);
    expect(r.stdout).toMatch(/^writes reaching the device: 1$/m);
    expect(json(st64b).result.ls64).toMatchObject({ hostKernel: NEWEST_KERNEL, locationSupportsLs64: true, rule: 'supported' });
  });

  it('--host-kernel 6.19: KVM does not offer FEAT_LS64, the guest takes UNDEF', () => {
    const r = run([...st64b, '--host-kernel', '6.19']);
    expect(r).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(r.stdout.split('\n')[0]).toMatch(/: NOT correct$/);
    expect(r.stdout).toMatch(/^hazards: .*\bundef\b/m);
    expect(json([...st64b, '--host-kernel', '6.19'])).toEqual(
      answerLine(`{"op":"access","accessor":"st64b","memoryType":"Normal-NC","kernel":"${NEWEST_KERNEL}","hostKernel":"6.19"}`),
    );
  });

  it('--location-supports-ls64=false: not single-copy atomic, or the DFSC 0x35 abort', () => {
    const result = json([...st64b, '--location-supports-ls64=false']).result;
    expect(result.ls64).toMatchObject({ locationSupportsLs64: false });
    expect(result.hazards).toEqual(expect.arrayContaining(['split', 'abort']));
    expect(result.correct).toBe(false);
    expect(json([...st64b, '--location-supports-ls64=false'])).toEqual(
      answerLine(`{"op":"access","accessor":"st64b","memoryType":"Normal-NC","kernel":"${NEWEST_KERNEL}","locationSupportsLs64":false}`),
    );
  });

  it('bad values are BAD_INPUT naming the field', () => {
    expectBadInput(
      [...st64b, '--host-kernel', '9.9'],
      'hostKernel',
      new RegExp(`--host-kernel \\(hostKernel\\) must be MAJOR.MINOR from ${KERNEL_RANGE}, got "9.9"`),
    );
    expectBadInput([...st64b, '--location-supports-ls64=maybe'], 'locationSupportsLs64', /takes no value or true\/false, got "maybe"/);
    expectBadInput(
      ['access', '--accessor', 'writel', '--type', 'Normal-NC', '--kernel', '7.0', '--host-kernel', '7.0'],
      'hostKernel',
      /applies only to st64b, not to writel/,
    );
    expectBadInput(
      ['access', '--accessor', 'writel', '--type', 'Normal-NC', '--kernel', '7.0', '--location-supports-ls64=false'],
      'locationSupportsLs64',
      /applies only to st64b/,
    );
  });
});

describe('a command for every API operation', () => {
  it('each batch operation with fields has a command whose --json is the batch answer', () => {
    const cases: [string[], string][] = [
      [
        ['kvm-memslot', '--kernel', '7.0', '--vma-flags', 'VM_IO,VM_PFNMAP', '--vma-mem-type', 'MT_DEVICE_nGnRnE', '--mte'],
        '{"op":"kvmMemslot","kernel":"7.0","vmaFlags":["VM_IO","VM_PFNMAP"],"vmaMemType":"MT_DEVICE_nGnRnE","mte":true}',
      ],
      [
        ['vfio-mmap', '--kernel', '7.0', '--driver', 'nvgrace-gpu-usemem', '--gpu', 'grace-blackwell'],
        '{"op":"vfioMmap","kernel":"7.0","driver":"nvgrace-gpu-usemem","gpu":"grace-blackwell"}',
      ],
      [['ioremap-mapping', '--kernel', '5.13', '--api', 'ioremap_np'], '{"op":"ioremapMapping","kernel":"5.13","api":"ioremap_np"}'],
      [['linux-mair', '--kernel', '7.0', '--mte'], '{"op":"linuxMair","kernel":"7.0","mte":true}'],
      [
        ['qemu-map-bar', '--kernel', '7.0', '--vfio', 'nvgrace-gpu-resmem', '--gpu', 'grace-hopper', '--fwb'],
        '{"op":"qemuMapBar","kernel":"7.0","vfioDriver":"nvgrace-gpu-resmem","gpu":"grace-hopper","fwb":true}',
      ],
      [['qemu-emulation', '--type', 'Normal-NC'], '{"op":"qemuEmulation","memoryType":"Normal-NC"}'],
      [['timeline'], '{"op":"timeline"}'],
      [['ept-combine', '--ept-mem-type', '0', '--guest-pat', '1', '--ipat'], '{"op":"eptCombine","eptMemType":0,"guestPat":1,"ipat":true}'],
      [
        ['kvm-ept-type', '--kernel', '7.0', '--is-mmio=false', '--noncoherent-dma'],
        '{"op":"kvmEptType","kernel":"7.0","isMmio":false,"noncoherentDma":true}',
      ],
      [
        ['x86-passthrough', '--guest', 'ioremap_wc', '--kernel', '6.9'],
        '{"op":"x86Passthrough","guestMapping":"ioremap_wc","kernel":"6.9"}',
      ],
      [
        ['svpbmt-combine', '--pma', 'io', '--g-pbmt', '2', '--vs-pbmt', '1', '--henvcfg-pbmte=false'],
        '{"op":"svpbmtCombine","pma":"io","gPbmt":2,"vsPbmt":1,"henvcfgPbmte":false}',
      ],
      [
        ['riscv-passthrough', '--guest', 'ioremap_wc', '--kernel', '6.17'],
        '{"op":"riscvPassthrough","guestMapping":"ioremap_wc","kernel":"6.17"}',
      ],
      [['releases'], '{"op":"releases"}'],
      [
        ['kvm-excl-atomic-abort', '--kernel', '7.0', '--in-memslot=false', '--access', 'ls64'],
        '{"op":"kvmExclAtomicAbort","kernel":"7.0","inMemslot":false,"access":"ls64"}',
      ],
      [['kvm-guest-sea', '--kernel', '6.19', '--sea-to-user'], '{"op":"kvmGuestSea","kernel":"6.19","seaToUser":true}'],
    ];
    for (const [argv, line] of cases) {
      const r = run([...argv, '--json']);
      expect(JSON.parse(r.stdout), argv.join(' ')).toEqual(answerLine(line));
    }
  });

  it('the human output states the answer', () => {
    expect(
      run(['kvm-memslot', '--kernel', '7.0', '--vma-flags', 'VM_IO,VM_PFNMAP', '--vma-mem-type', 'MT_DEVICE_nGnRnE', '--mte']).stdout,
    ).toMatch(/^refused: -EINVAL\nkvm_arch_prepare_memory_region\(\)/);
    expect(run(['kvm-memslot', '--kernel', '7.0', '--vma-flags', 'VM_IO,VM_PFNMAP', '--vma-mem-type', 'MT_DEVICE_nGnRnE']).stdout).toMatch(
      /^accepted\n/,
    );
    expect(run(['ioremap-mapping', '--kernel', '7.0', '--api', 'ioremap_wc']).stdout).toBe(
      'ioremap_wc() in 7.0: MT_NORMAL_NC (AttrIndx 2, MAIR 0x44), Normal-NC',
    );
    expect(run(['linux-mair', '--kernel', '7.0', '--mte']).stdout.split('\n').slice(0, 4)).toEqual([
      'MAIR_EL1 0x000000040044F0FF (Linux 7.0, MTE on)',
      '  Attr0 0xFF  MT_NORMAL (MAIR_ATTR_NORMAL)',
      '  Attr1 0xF0  MT_NORMAL_TAGGED (MAIR_ATTR_NORMAL_TAGGED)',
      '  Attr2 0x44  MT_NORMAL_NC (MAIR_ATTR_NORMAL_NC)',
    ]);
    const vfio = run(['vfio-mmap', '--kernel', '7.0', '--driver', 'nvgrace-gpu-usemem', '--gpu', 'grace-blackwell']).stdout;
    expect(vfio).toMatch(/^memoryType +Normal-WB$/m);
    expect(vfio).toMatch(/^gpu +grace-blackwell$/m);
    expect(run(['qemu-emulation', '--type', 'Normal-NC']).stdout).toMatch(/^breaks\n/);
    expect(run(['qemu-emulation', '--type', 'Device-nGnRE']).stdout).toMatch(/^works\n/);
    expect(run(['ept-combine', '--ept-mem-type', '0', '--guest-pat', '1']).stdout).toMatch(
      /^WC \(EPT UC, guest PAT WC; rule ept-x-pat\)\n/,
    );
    expect(run(['x86-passthrough', '--guest', 'ioremap_wc']).stdout).toMatch(/^WC \(decided by guest\)\n/);
    expect(run(['riscv-passthrough', '--guest', 'ioremap_wc', '--kernel', '6.17']).stdout).toMatch(/^IO \(decided by both\)\n/);
    expect(run(['svpbmt-combine', '--pma', 'io', '--vs-pbmt', '1']).stdout).toMatch(/^NC \(rule vs-overrides;/);
  });

  it('kvm-excl-atomic-abort: LS64 is not offered before 7.0; from 7.0 outside a memslot KVM exits to the VMM', () => {
    expect(parse('kvm-excl-atomic-abort', ['--in-memslot=false', '--access', 'exclusive-atomic', '--routed-to', 'el1'])).toEqual({
      inMemslot: false,
      access: 'exclusive-atomic',
      routedTo: 'el1',
    });
    expect(json(['kvm-excl-atomic-abort', '--kernel', '6.19', '--in-memslot']).result.outcome).toBe('ls64-not-offered');
    const outside = run(['kvm-excl-atomic-abort', '--kernel', '7.0', '--in-memslot=false']);
    expect(outside).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(outside.stdout).toMatch(/^exit-arm-ldst64b \(io_mem_abort\(\) /);
    expect(outside.stdout).toContain('KVM_EXIT_ARM_LDST64B');
    expectBadInput(['kvm-excl-atomic-abort', '--kernel', '7.0'], 'inMemslot', /inMemslot is required/);
    expectBadInput(
      ['kvm-excl-atomic-abort', '--kernel', '7.0', '--in-memslot', '--routed-to', 'el3'],
      'routedTo',
      /must be one of el2, el1/,
    );
  });

  it('kvm-guest-sea: --sea-to-user exits to the VMM from 6.19 and is BAD_INPUT before', () => {
    expect(parse('kvm-guest-sea', ['--apei-claims', '--host-owns=false', '--sea-to-user'])).toEqual({
      apeiClaims: true,
      hostOwns: false,
      seaToUser: true,
    });
    const r = run(['kvm-guest-sea', '--kernel', '6.19', '--sea-to-user']);
    expect(r).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(r.stdout).toMatch(/^exit-arm-sea\n.*KVM_EXIT_ARM_SEA/);
    expect(json(['kvm-guest-sea', '--kernel', '6.19', '--apei-claims']).result.outcome).toBe('host-handled');
    expectBadInput(['kvm-guest-sea', '--kernel', '6.18', '--sea-to-user'], 'seaToUser', /arrived in 6\.19/);
  });

  it('releases: every covered release, the newest named by the model', () => {
    const r = run(['releases']);
    expect(r).toMatchObject({ status: EXIT.ok, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe(`Covered: ${KERNEL_RANGE} (newest ${NEWEST_KERNEL})`);
    const result = json(['releases']).result;
    expect(result.newest).toBe(NEWEST_KERNEL);
    expect(result.releases[0].version).toBe(OLDEST_KERNEL);
    expect(result.releases.at(-1).version).toBe(NEWEST_KERNEL);
    expect(r.stdout).toMatch(new RegExp(`^${NEWEST_KERNEL.replace('.', '\\.')}  \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });

  it('bad values on the new commands are BAD_INPUT naming the field', () => {
    expectBadInput(['vfio-mmap', '--kernel', '6.8', '--driver', 'nvgrace-gpu-resmem'], 'driver', /6\.9/);
    expectBadInput(['ioremap-mapping', '--kernel', '5.12', '--api', 'ioremap_np'], 'api', /arrived in 5\.13/);
    expectBadInput(['ept-combine', '--ept-mem-type', '8', '--guest-pat', '0'], 'eptMemType', /must be from 0 to 7/);
    expectBadInput(['svpbmt-combine', '--pma', 'rom'], 'pma', /must be one of main-memory, io/);
    expectBadInput(['kvm-ept-type', '--kernel', '7.0'], 'isMmio', /isMmio is required/);
    expect(run(['releases', '--kernel', '7.0'])).toEqual({
      status: EXIT.badInput,
      stdout: '',
      stderr: 'memattr releases: BAD_INPUT unknown flag --kernel; see --help',
    });
  });
});

describe('batch takes the same fields, one line each', () => {
  it('mairAttrs + attrIndx, gpu, mte, kernels, hostKernel, locationSupportsLs64, and kvmStage2MemAttrs', () => {
    const lines = [
      `{"op":"decodeMair","mairAttrs":${JSON.stringify(LINUX_MAIR_BYTES)},"attrIndx":2}`,
      '{"op":"scenario","kernel":"7.0","vfioDriver":"nvgrace-gpu-resmem","guestMapping":"ioremap_wc","gpu":"grace-blackwell"}',
      '{"op":"scenario","kernel":"7.0","vfioDriver":"vfio-pci","guestMapping":"ioremap_wc","mte":true}',
      '{"op":"scenarioTable","kernels":["7.2"]}',
      '{"op":"access","accessor":"st64b","memoryType":"Normal-NC","kernel":"7.0","hostKernel":"6.19"}',
      '{"op":"access","accessor":"st64b","memoryType":"Normal-NC","kernel":"7.0","locationSupportsLs64":false}',
      '{"op":"kvmStage2MemAttrs","kernel":"6.8","fwb":true}',
    ];
    const r = spawnSync(process.execPath, ['bin/memattr.mjs', 'batch'], { input: `${lines.join('\n')}\n`, maxBuffer: 64 << 20 });
    expect(r.status).toBe(0);
    const answers = r.stdout
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(lines.length);
    expect(expectOk(answers[0])).toMatchObject({ mair: 0x44, attrIndx: 2, summary: 'Normal-NC' });
    expect(expectError(answers[1])).toMatchObject({ code: 'BAD_INPUT', field: 'gpu' });
    expect(expectOk(answers[2])).toMatchObject({ memslot: { errno: 'EINVAL' }, effective: null });
    expect(new Set(expectOk<{ rows: { kernel: string }[] }, { message: string }>(answers[3]).rows.map((row) => row.kernel))).toEqual(
      new Set(['7.2']),
    );
    expect(expectOk(answers[4])).toMatchObject({ correct: false, ls64: { hostKernel: '6.19' } });
    expect(expectOk(answers[5])).toMatchObject({ correct: false, ls64: { locationSupportsLs64: false } });
    // Before 6.9 KVM maps every BAR Device-nGnRE (MemAttr 0x1) and guest RAM Normal write-back (FWB 0x6).
    expect(
      expectOk<{ memAttr: number }[], { message: string }>(answers[6])
        .map((v) => v.memAttr)
        .sort(),
    ).toEqual([1, 6]);
  });
});
