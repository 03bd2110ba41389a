import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { releases } from '../../../src/model';
import { expectOk } from '../../support/expect-ok';

describe('Releases data.json', () => {
  it('is exactly what releases() answers (regenerate with: npx tsx src/components/Releases/generate.mts)', () => {
    const snapshot: unknown = JSON.parse(readFileSync('src/components/Releases/data.json', 'utf8'));
    expect(snapshot).toEqual(expectOk(releases()));
  });
});
