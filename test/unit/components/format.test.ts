import { describe, expect, it } from 'vitest';
import { selectClaims } from '../../../src/components/ClaimsTable/select';
import { attrsName, hexByte, hexNibble, shortName } from '../../../src/components/shared/format';
import { claims } from '../../../src/model';

describe('shared formatting', () => {
  it('spells MAIR bytes and MemAttr nibbles as the kernel does', () => {
    expect(hexByte(0x4)).toBe('0x04');
    expect(hexByte(0xbb)).toBe('0xBB');
    expect(hexNibble(0xf)).toBe('0xF');
  });

  it('a type is named by its summary, or by both sides when they differ', () => {
    expect(attrsName({ memoryType: 'Normal', inner: 'NC', outer: 'NC', summary: 'Normal-NC' })).toBe('Normal-NC');
    expect(attrsName({ memoryType: 'Normal', inner: 'WB', outer: 'NC', summary: null })).toBe('Normal (inner WB, outer NC)');
  });

  it('short names: Device types without the prefix, mixed sides spelled out', () => {
    expect(shortName({ memoryType: 'Device-nGnRE', inner: null, outer: null })).toBe('nGnRE');
    expect(shortName({ memoryType: 'Normal', inner: 'WB', outer: 'WB' })).toBe('WB');
    expect(shortName({ memoryType: 'Normal', inner: 'NC', outer: 'WB' })).toBe('iNC/oWB');
  });
});

describe('ClaimsTable selection', () => {
  const a = claims();
  if (!a.ok) throw new Error(a.error.message);
  const all = a.result.claims;

  it('shows every claim by default and keeps the order asked for', () => {
    expect(selectClaims(all).rows).toHaveLength(all.length);
    const ids = all
      .slice(0, 2)
      .map((c) => c.id)
      .reverse();
    expect(selectClaims(all, ids).rows.map((c) => c.id)).toEqual(ids);
  });

  it('reports ids that do not exist', () => {
    expect(selectClaims(all, ['no-such-claim']).missing).toEqual(['no-such-claim']);
  });
});
