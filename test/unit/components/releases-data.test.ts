import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releases, timeline } from '../../../src/model';
import { expectOk } from '../../support/expect-ok';

describe("the release pages' snapshots", () => {
  it('is exactly what releases() answers (regenerate with: npx tsx src/components/Releases/generate.mts)', () => {
    const snapshot: unknown = JSON.parse(readFileSync('src/components/Releases/data.json', 'utf8'));
    expect(snapshot).toEqual(expectOk(releases()));
  });
  it('proposals.json is exactly the entries of timeline() that were not merged, in order (regenerate as above)', () => {
    const snapshot: unknown = JSON.parse(readFileSync('src/components/Releases/proposals.json', 'utf8'));
    const open = expectOk(timeline()).entries.filter((e) => e.status !== 'merged');
    expect(open.length).toBeGreaterThan(0);
    expect(snapshot).toEqual(open);
  });
});
