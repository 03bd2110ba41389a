/** The doc-test harness itself, on fixtures with deliberately wrong expectations (test/doc/fixtures). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { compareOutput, normaliseOutput, parseExample, withOutput } from '../../src/doctest/expected';
import { checkCodeBlock, checkExampleFile, listExamples, readPage } from '../../src/doctest/node';
import remarkExamples, { exampleFile } from '../../src/doctest/remark-examples';
import { runExample } from '../../src/doctest/run';

const fixtures = join(process.cwd(), 'test/doc/fixtures');
const check = (name: string) => checkExampleFile(process.cwd(), exampleFile(fixtures, name));

describe('example files', () => {
  it('lists fixture examples by name', () => {
    expect(listExamples(fixtures)).toEqual(['fixture/missing-line', 'fixture/passes', 'fixture/throws', 'fixture/wrong-output']);
  });

  it('passes an example whose output matches, ignoring trailing spaces and trailing empty lines', async () => {
    expect((await check('fixture/passes')).failure).toBeNull();
  });

  it('fails a wrong expectation, naming the file and the line of the first differing expected line', async () => {
    expect((await check('fixture/wrong-output')).failure).toBe(
      'test/doc/fixtures/examples/fixture/wrong-output.ts:10: output differs from the Output block: expected "Normal-NC", got "Device-nGnRE"',
    );
  });

  it('fails output the block lacks, naming the line where it would go', async () => {
    expect((await check('fixture/missing-line')).failure).toBe(
      'test/doc/fixtures/examples/fixture/missing-line.ts:7: output differs from the Output block: expected (no line), got "two"',
    );
  });

  it('fails an example that throws, naming the line that threw', async () => {
    expect((await check('fixture/throws')).failure).toBe(
      "test/doc/fixtures/examples/fixture/throws.ts:6: the example failed: line 6: TypeError: Cannot read properties of undefined (reading 'y')",
    );
  });
});

describe('the Output block', () => {
  const source = "console.log('a');\n\n// Output:\n// a\n//\n// b   \n";
  it('is the last comment block; a bare // is an empty line', () => {
    const parsed = parseExample(source);
    expect(parsed.code).toBe("console.log('a');");
    expect(parsed.expected).toEqual([
      { text: 'a', line: 4 },
      { text: '', line: 5 },
      { text: 'b   ', line: 6 },
    ]);
  });

  it('normalises nothing but trailing spaces and trailing empty lines', () => {
    expect(normaliseOutput('a  \n\tb\t\n\n\n')).toEqual(['a', '\tb\t']);
    expect(compareOutput('A', parseExample('x\n// Output:\n// a\n'))).toEqual({ line: 3, expected: 'a', actual: 'A' });
  });

  it('a file without one has no expectation', () => {
    expect(parseExample('console.log(1);\n// a comment, not an Output block\n').expected).toBeNull();
  });

  it('is rewritten from actual output by examples:update', () => {
    expect(withOutput("console.log('x');\n\n// Output:\n// y\n", 'x\n\nz  \n')).toBe("console.log('x');\n\n// Output:\n// x\n//\n// z\n");
  });
});

describe('the runner', () => {
  it('reports syntax errors with their line', async () => {
    const r = await runExample('const a = 1;\nconst b = ;\n', {});
    expect(r.error).toEqual({ kind: 'syntax', message: 'SyntaxError: Unexpected token', line: 2 });
  });

  it('accepts only memattr as an import, and says so on the import line', async () => {
    const r = await runExample("const a = 1;\nimport { readFileSync } from 'node:fs';\nconsole.log(readFileSync, a);\n", {});
    expect(r.error).toEqual({
      kind: 'import',
      message: "Error: Cannot import 'node:fs': examples can import only from 'memattr'",
      line: 2,
    });
  });

  it('supports top-level await and keeps output printed before an error', async () => {
    const r = await runExample("console.log(await Promise.resolve(3));\nthrow new RangeError('no');\n", {});
    expect(r).toEqual({ output: '3', error: { kind: 'runtime', message: 'RangeError: no', line: 2 } });
  });
});

describe('pages', () => {
  it('finds embedded examples and a missing one', () => {
    const page = readPage(readFileSync(join(fixtures, 'docs/missing-example.mdx'), 'utf8'));
    expect(page.examples).toEqual([
      { name: 'fixture/passes', line: 3 },
      { name: 'fixture/no-such-example', line: 5 },
    ]);
  });

  it('the build plugin fails on a missing example, naming the page and line', () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkExamples, { root: fixtures });
    const source = readFileSync(join(fixtures, 'docs/missing-example.mdx'), 'utf8');
    expect(() => processor.runSync(processor.parse(source), { path: 'docs/missing-example.mdx' } as never)).toThrow(
      'docs/missing-example.mdx:5: <Example name="fixture/no-such-example" /> names a missing example: no file examples/fixture/no-such-example.ts',
    );
  });

  it('the build plugin gives an embedded example its code and verified output', () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkExamples, { root: fixtures });
    const tree = processor.runSync(processor.parse('<Example name="fixture/passes" />\n'));
    const [esm, element] = (
      tree as unknown as { children: { type: string; name?: string; attributes?: { name: string; value: string }[] }[] }
    ).children;
    expect(esm?.type).toBe('mdxjsEsm');
    expect(element?.name).toBe('MemattrExample');
    expect(Object.fromEntries((element?.attributes ?? []).map((a) => [a.name, a.value]))).toEqual({
      name: 'fixture/passes',
      code: readFileSync(exampleFile(fixtures, 'fixture/passes'), 'utf8').split('\n\n// Output:')[0],
      output: 'Normal [1, 2]\ntrailing spaces are ignored',
    });
  });

  it('code blocks: pass, wrong output, norun with and without an expected error, a throw', async () => {
    const page = readPage(readFileSync(join(fixtures, 'docs/blocks.mdx'), 'utf8'));
    const results = await Promise.all(page.blocks.map((b) => checkCodeBlock(b, 'blocks.mdx')));
    expect(results).toEqual([
      null,
      'blocks.mdx:14: output differs from the Output block: expected "right", got "wrong"',
      null,
      'blocks.mdx:21: a `norun` block must name its expected error in the meta, e.g. norun error="TS2322"',
      'blocks.mdx:27: the block failed: line 2: Error: boom 1',
    ]);
  });
});
