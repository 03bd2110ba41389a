import { existsSync, readFileSync } from 'node:fs';
import { claims } from 'memattr';
import { describe, expect, it } from 'vitest';

const answer = claims();
if (!answer.ok) throw new Error(answer.error.message);
const all = answer.result.claims;

describe('the claims registry and the pages', () => {
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
