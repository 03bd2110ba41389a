/**
 * Every example under examples/ runs and prints its Output block (CONTRACT.md "Examples"), and
 * type-checks in the page's environment (so a reader who has not edited anything sees no type
 * error); every `<Example name>` on a page names a file; examples no page embeds are reported (see
 * policy.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeTypeDiagnostic } from '../../src/doctest/diagnostics';
import { parseExample } from '../../src/doctest/expected';
import { projectDocTest } from '../../src/doctest/project';
import { EXAMPLE_NAME } from '../../src/doctest/settings';
import { failOnUnembedded } from './policy';

const docTest = projectDocTest();
const examples = docTest.listExamples();
const pages = docTest.listPages().map((path) => ({ path, ...docTest.readPage(readFileSync(path, 'utf8')) }));

describe('examples/', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(0);
  });
  for (const name of examples) {
    it(`examples/${name}.ts prints its Output block`, async () => {
      expect(name).toMatch(EXAMPLE_NAME);
      const { failure } = await docTest.checkExample(name);
      if (failure) expect.fail(failure);
    });
    it(`examples/${name}.ts type-checks against the model as the page checks it`, () => {
      const errors = docTest.typeCheck(parseExample(readFileSync(docTest.exampleFile(name), 'utf8')).code);
      expect(errors.map((d) => `examples/${name}.ts ${describeTypeDiagnostic(d)}`)).toEqual([]);
    });
  }
});

describe('pages embed examples by name', () => {
  for (const page of pages) {
    for (const { name, line } of page.examples) {
      it(`${page.path}:${line} <Example name="${name}" /> names an example file`, () => {
        if (!examples.includes(name))
          expect.fail(`${page.path}:${line}: <Example name="${name}" /> names a missing example (no examples/${name}.ts)`);
      });
    }
  }

  it('every example is embedded by some page', () => {
    const embedded = new Set(pages.flatMap((p) => p.examples.map((e) => e.name)));
    const orphans = examples.filter((n) => !embedded.has(n));
    if (orphans.length === 0) return;
    const message = `examples no page embeds: ${orphans.map((n) => `examples/${n}.ts`).join(', ')}`;
    if (failOnUnembedded()) expect.fail(message);
    console.warn(`warning: ${message} (a failure once FAIL_ON_UNEMBEDDED_EXAMPLES in test/doc/policy.ts is true)`);
  });
});
