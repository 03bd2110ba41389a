import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claims } from '../../src/model/claims/api';
import { CLAIM_IDS, CLAIM_SPECS } from '../../src/model/claims/claims';

const answer = claims();
if (!answer.ok) throw new Error(answer.error.message);
const all = answer.result.claims;

describe('the claims registry and the pages', () => {
  it('has one check per claim id, and no id without a check', () => {
    expect(CLAIM_SPECS.map((c) => c.id).sort()).toEqual([...CLAIM_IDS].sort());
  });

  for (const c of all) {
    it(`${c.id}: its page exists and each of its examples is embedded on the page named by its topic`, () => {
      expect(existsSync(`docs/${c.page}.mdx`), `docs/${c.page}.mdx`).toBe(true);
      expect(c.examples.length).toBeGreaterThan(0);
      for (const name of c.examples) {
        const topic = name.split('/')[0];
        expect(existsSync(`examples/${name}.ts`), `examples/${name}.ts`).toBe(true);
        expect(readFileSync(`docs/${topic}.mdx`, 'utf8'), `docs/${topic}.mdx embeds ${name}`).toContain(`<Example name="${name}" />`);
      }
    });
  }

  it('the claims page shows the whole table', () => {
    expect(readFileSync('docs/claims.mdx', 'utf8')).toMatch(/<ClaimsTable \/>/);
  });
});
