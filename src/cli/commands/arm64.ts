/** `decode-mair`, `decode-s2` and `combine`: the arm64 core on the command line. */
import type { CombineResult, DecodeMairResult, DecodeS2Result } from '../../model/index';
import { combine, decodeMair, decodeS2, SHAREABILITIES } from '../../model/index';
import type { Command } from '../command';
import { hex } from '../format';

function attrsLine(r: DecodeMairResult | CombineResult): string {
  if (r.memoryType !== 'Normal') return r.memoryType;
  const side = (c: string | null, a: string | null, t: boolean | null) => (c === 'NC' ? 'NC' : `${c} ${a}${t ? ' transient' : ''}`);
  const inner = side(r.inner, r.innerAlloc, r.innerTransient);
  const outer = side(r.outer, r.outerAlloc, r.outerTransient);
  const name = r.summary ?? 'Normal';
  return inner === outer ? `${name} (${inner})` : `${name} (inner ${inner}, outer ${outer})`;
}

export const decodeMairCommand: Command<DecodeMairResult> = {
  name: 'decode-mair',
  summary: 'Decode a stage-1 MAIR attribute byte (Attr<n>), given alone or as MAIR_EL1 with an AttrIndx.',
  usage: 'memattr decode-mair <byte> | --mair-el1 <64-bit value> --attr-indx <0-7>  [--feat-xs=false] [--feat-mte2=false] [--json]',
  flags: [
    {
      flag: 'mair',
      field: 'mair',
      kind: { type: 'int', min: 0, max: 255 },
      help: 'the attribute byte, 0-255 or 0x00-0xFF',
      positional: true,
    },
    {
      flag: 'mair-el1',
      field: 'mairAttrs',
      kind: { type: 'register64' },
      help: 'the whole MAIR_EL1 as read (0x-hex or decimal, up to 64 bits); batch takes its 8 bytes, Attr0 first',
    },
    {
      flag: 'attr-indx',
      field: 'attrIndx',
      kind: { type: 'int', min: 0, max: 7 },
      help: "the descriptor's AttrIndx, 0-7: which Attr<n> of --mair-el1 to decode",
    },
    { flag: 'feat-xs', field: 'featXS', kind: { type: 'bool' }, help: 'FEAT_XS implemented (default true; --feat-xs=false to turn off)' },
    { flag: 'feat-mte2', field: 'featMTE2', kind: { type: 'bool' }, help: 'FEAT_MTE2 implemented (default true)' },
  ],
  run: decodeMair,
  render: (r) =>
    [
      `${r.attrIndx === undefined ? 'MAIR' : `MAIR_EL1.Attr${r.attrIndx}`} ${hex(r.mair, 2)}  ${attrsLine(r)}  XS=${r.xs}${r.tagged ? '  tagged' : ''}`,
      r.explanation,
    ].join('\n'),
};

export const decodeS2Command: Command<DecodeS2Result> = {
  name: 'decode-s2',
  summary: 'Decode a stage-2 descriptor MemAttr[3:0] nibble, with FEAT_S2FWB off or on.',
  usage: 'memattr decode-s2 <nibble> [--fwb] [--json]',
  flags: [
    { flag: 'mem-attr', field: 'memAttr', kind: { type: 'int', min: 0, max: 15 }, help: 'MemAttr, 0-15 or 0x0-0xF', positional: true },
    { flag: 'fwb', field: 'fwb', kind: { type: 'bool' }, help: 'HCR_EL2.FWB = 1 (FEAT_S2FWB)' },
  ],
  run: decodeS2,
  render: (r) => `MemAttr ${hex(r.memAttr, 1)} (FWB ${r.fwb ? 'on' : 'off'})  ${r.explanation}`,
};

export const combineCommand: Command<CombineResult> = {
  name: 'combine',
  summary: "Combine a guest's stage-1 MAIR byte with a stage-2 MemAttr: the effective attributes of a data access.",
  usage: 'memattr combine --s1 <byte> --s2 <nibble> [--fwb] [--s1-sh ISH] [--s2-sh ISH] [--json]',
  flags: [
    { flag: 's1', field: 's1Mair', kind: { type: 'int', min: 0, max: 255 }, help: 'stage-1 MAIR attribute byte (required)' },
    { flag: 's2', field: 's2MemAttr', kind: { type: 'int', min: 0, max: 15 }, help: 'stage-2 MemAttr[3:0] (required)' },
    { flag: 'fwb', field: 'fwb', kind: { type: 'bool' }, help: 'HCR_EL2.FWB = 1 (FEAT_S2FWB)' },
    { flag: 's1-sh', field: 's1Sh', kind: { type: 'enum', values: SHAREABILITIES }, help: 'stage-1 SH field: NSH, ISH (default) or OSH' },
    { flag: 's2-sh', field: 's2Sh', kind: { type: 'enum', values: SHAREABILITIES }, help: 'stage-2 SH field: NSH, ISH (default) or OSH' },
    { flag: 'feat-xs', field: 'featXS', kind: { type: 'bool' }, help: 'FEAT_XS implemented (default true)' },
    { flag: 'feat-mte2', field: 'featMTE2', kind: { type: 'bool' }, help: 'FEAT_MTE2 implemented (default true)' },
    { flag: 's2-fnxs', field: 's2FnXS', kind: { type: 'bool' }, help: 'stage-2 descriptor FnXS bit set' },
    {
      flag: 's1-effective-sh',
      field: 's1EffectiveSh',
      kind: { type: 'bool' },
      help: 'the IMPDEF "apply effective shareability at stage 1" choice',
    },
  ],
  run: combine,
  render: (r) =>
    [
      `result  ${attrsLine(r)}, ${r.shareability}, XS=${r.xs}${r.tagged ? ', tagged' : ''}`,
      `rule    ${r.rule}`,
      `why     ${r.explanation}`,
    ].join('\n'),
};
