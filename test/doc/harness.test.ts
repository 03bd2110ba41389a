/**
 * The doc-test machinery itself (src/doctest), on its own fixtures (test/doc/fixtures) with their
 * own options: a module map with a second module, deliberately wrong expectations and broken blocks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as model from 'memattr';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { compareOutput, normaliseOutput, parseExample, withOutput } from '../../src/doctest/expected';
import { formatLogArgs } from '../../src/doctest/format';
import { createDocTest, runnableLang } from '../../src/doctest/node';
import { describeCut, LIVE_OUTPUT_LIMITS, OutputSink } from '../../src/doctest/output';
import remarkExamples from '../../src/doctest/remark-examples';
import { type LateOutput, runExample } from '../../src/doctest/run';
import { PROJECT_SETTINGS } from '../../src/doctest/settings';

const fixtures = join(process.cwd(), 'test/doc/fixtures');
const fixtureLib = await import('./fixtures/lib/index');
const docTest = createDocTest({
  ...PROJECT_SETTINGS,
  root: fixtures,
  modules: { memattr: model, 'fixture-lib': fixtureLib },
  moduleEntries: { memattr: join(process.cwd(), 'src/model/index.ts'), 'fixture-lib': 'lib/index.ts' },
});
const check = (name: string) => docTest.checkExample(name);

describe('example files', () => {
  it('lists fixture examples by name', () => {
    expect(docTest.listExamples()).toEqual([
      'fixture/missing-line',
      'fixture/other-module',
      'fixture/passes',
      'fixture/throws',
      'fixture/timer-pending',
      'fixture/wrong-output',
    ]);
  });

  it('passes an example whose output matches, ignoring trailing spaces and trailing empty lines', async () => {
    expect((await check('fixture/passes')).failure).toBeNull();
  });

  it('imports every module of the module map it is given', async () => {
    expect((await check('fixture/other-module')).failure).toBeNull();
  });

  it('fails a wrong expectation, naming the file and the line of the first differing expected line', async () => {
    expect((await check('fixture/wrong-output')).failure).toBe(
      'examples/fixture/wrong-output.ts:10: output differs from the Output block: expected "Normal-NC", got "Device-nGnRE"',
    );
  });

  it('fails output the block lacks, naming the line where it would go', async () => {
    expect((await check('fixture/missing-line')).failure).toBe(
      'examples/fixture/missing-line.ts:7: output differs from the Output block: expected (no line), got "two"',
    );
  });

  it('fails an example that throws, naming the line that threw', async () => {
    expect((await check('fixture/throws')).failure).toBe(
      "examples/fixture/throws.ts:6: the example failed: line 6: TypeError: Cannot read properties of undefined (reading 'y')",
    );
  });

  it('fails an example that leaves a timer pending (its output would come after the test looked)', async () => {
    expect((await check('fixture/timer-pending')).failure).toBe(
      'examples/fixture/timer-pending.ts: the example left 1 timer(s) pending when it finished, so what they print is not checked (await them)',
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

describe('the formatter', () => {
  it('prints strings as they are and other values as JSON-like text, on one line when it fits in 72 columns', () => {
    expect(formatLogArgs(['a', 1, -0, 2n, null, undefined, [1, 'x'], { k: true }])).toBe('a 1 -0 2n null undefined [1, "x"] {"k": true}');
  });

  it('breaks a value wider than 72 columns into one key per line, nested values indented', () => {
    const wide = { memoryType: 'Normal', inner: 'WB', outer: 'WB', shareability: 'ISH', rule: 'fwb-force-wb', n: [1] };
    expect(formatLogArgs([wide])).toBe(
      '{\n  "memoryType": "Normal",\n  "inner": "WB",\n  "outer": "WB",\n  "shareability": "ISH",\n  "rule": "fwb-force-wb",\n  "n": [1]\n}',
    );
  });

  it('prints what JSON cannot carry as JavaScript would, and a cycle as [Circular]', () => {
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(formatLogArgs([new Map([[1, 'a']]), new Set([2]), new RangeError('no'), function f() {}, cycle])).toBe(
      'Map(1) {1 => "a"} Set(1) {2} RangeError: no [Function f] {"self": [Circular]}',
    );
  });
});

describe('the runner', () => {
  const modules = { memattr: model };

  it('reports syntax errors with their line and column', async () => {
    const r = await runExample('const a = 1;\nconst b = ;\n', { modules });
    expect(r.error).toEqual({ kind: 'syntax', message: 'SyntaxError: Unexpected token', line: 2, column: 11 });
  });

  it('reports a runtime error at its line and column in the TypeScript, although the types were stripped before it', async () => {
    const r = await runExample('const x: number = 1;\nconst y: string = (undefined as unknown as { foo: string }).foo;\n', { modules });
    expect(r.error).toEqual({
      kind: 'runtime',
      message: "TypeError: Cannot read properties of undefined (reading 'foo')",
      line: 2,
      column: 61,
    });
  });

  it('accepts only the module map as imports, and says so on the import line', async () => {
    const r = await runExample("const a = 1;\nimport { readFileSync } from 'node:fs';\nconsole.log(readFileSync, a);\n", { modules });
    expect(r.error).toMatchObject({
      kind: 'import',
      message: "Error: Cannot import 'node:fs': examples can import only from 'memattr'",
      line: 2,
    });
  });

  it('supports top-level await and keeps output printed before an error', async () => {
    const r = await runExample("console.log(await Promise.resolve(3));\nthrow new RangeError('no');\n", { modules });
    expect(r).toEqual({
      output: '3',
      error: { kind: 'runtime', message: 'RangeError: no', line: 2, column: 7 },
      cut: null,
      timersPending: 0,
    });
  });

  it('without limits keeps all output (the doc tests compare everything)', async () => {
    const r = await runExample("for (let i = 0; i < 2000; i++) console.log('line', i);\n", { modules });
    expect(r.output.split('\n')).toHaveLength(2000);
    expect(r.cut).toBeNull();
  });

  it('with the live limits keeps at most their lines and characters and counts the rest', async () => {
    const r = await runExample('console.log(Array.from({ length: 1_000_000 }, (_, i) => i));\n', { modules, limits: LIVE_OUTPUT_LIMITS });
    const lines = r.output.split('\n');
    expect(lines).toHaveLength(LIVE_OUTPUT_LIMITS.maxLines);
    expect(lines.slice(0, 3)).toEqual(['[', '  0,', '  1,']);
    // 1,000,002 lines printed ('[', a million values, ']'), 500 shown.
    expect(r.cut?.lines).toBe(1_000_002 - LIVE_OUTPUT_LIMITS.maxLines);
    expect(describeCut(r.cut ?? { lines: 0, bytes: 0 })).toBe('… 999,502 more lines (9.9 MB) not shown');
  });

  it('the character limit cuts a long line at the limit, and nothing after a cut is kept', () => {
    const sink = new OutputSink({ maxLines: 10, maxChars: 12 });
    expect(sink.add('12345')).toBe('12345');
    expect(sink.add('abcdefghij')).toBe('abcdef');
    expect(sink.add('x')).toBeNull();
    expect(sink.text()).toBe('12345\nabcdef');
    // 'ghij' (4 bytes) of the cut line, then 'x' and its newline.
    expect(sink.cut()).toEqual({ lines: 2, bytes: 6 });
    expect(describeCut({ lines: 1, bytes: 999 })).toBe('… 1 more line (999 B) not shown');
  });

  it('hands output printed after the run (a timer) to onLate, errors in timers included, within the same limits', async () => {
    const late: LateOutput[] = [];
    const r = await runExample(
      "setTimeout(() => console.log('late'), 5);\nsetTimeout(() => {\n  throw new Error('boom');\n}, 10);\nconsole.log('now');\n",
      { modules, limits: { maxLines: 2, maxChars: 100 }, onLate: (l) => late.push(l) },
    );
    expect(r).toEqual({ output: 'now', error: null, cut: null, timersPending: 2 });
    await expect.poll(() => late.length).toBe(2);
    expect(late).toEqual([
      { text: 'late', cut: null },
      { text: null, cut: { lines: 1, bytes: 'Uncaught line 3: Error: boom'.length + 1 } },
    ]);
  });

  it('without onLate cancels pending timers and counts them', async () => {
    let hits = 0;
    const probe = { hit: () => hits++ };
    const r = await runExample("import { hit } from 'probe';\nsetTimeout(hit, 1);\nconsole.log('now');\n", { modules: { probe } });
    expect(r).toMatchObject({ output: 'now', timersPending: 1 });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(hits).toBe(0);
  });
});

describe('the type checker', () => {
  it('reports TS2322 with its line and column', () => {
    expect(docTest.typeCheck("const ok = 1;\nconst x: number = 'a';\n")).toEqual([
      { code: 2322, message: "Type 'string' is not assignable to type 'number'.", line: 2, column: 7, endLine: 2, endColumn: 8 },
    ]);
  });

  it("checks against the model's types: a misspelt result field is TS2551 with the right name suggested", () => {
    const found = docTest.typeCheck(
      "import { scenario } from 'memattr';\nconst r = scenario({ kernel: '6.8', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' });\nif (r.ok) console.log(r.result.efectiveType);\n",
    );
    expect(found.map((d) => [d.code, d.line, d.column])).toEqual([[2551, 3, 32]]);
    expect(found[0]?.message).toContain("Did you mean 'effectiveType'?");
  });

  it('knows the runner globals (console, timers) and no DOM', () => {
    expect(docTest.typeCheck("const t = setTimeout(() => console.log('x'), 1);\nclearTimeout(t);\nawait 0;\n")).toEqual([]);
    expect(docTest.typeCheck('document.title;\n').map((d) => d.code)).toEqual([2584]);
  });
});

describe('pages', () => {
  it('finds embedded examples and a missing one', () => {
    const page = docTest.readPage(readFileSync(join(fixtures, 'docs/missing-example.mdx'), 'utf8'));
    expect(page.examples).toEqual([
      { name: 'fixture/passes', line: 3 },
      { name: 'fixture/no-such-example', line: 5 },
    ]);
  });

  it('finds the elements of the component it is given, and only those', () => {
    const other = createDocTest({ ...docTest.options, component: 'Demo' });
    expect(other.readPage('<Example name="fixture/passes" />\n\n<Demo name="fixture/throws" />\n').examples).toEqual([
      { name: 'fixture/throws', line: 3 },
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
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkExamples, { root: fixtures, component: 'Demo' });
    const tree = processor.runSync(processor.parse('<Demo name="fixture/passes" />\n'));
    const [esm, element] = (
      tree as unknown as { children: { type: string; name?: string; attributes?: { name: string; value: string }[] }[] }
    ).children;
    expect(esm?.type).toBe('mdxjsEsm');
    expect(element?.name).toBe('MemattrExample');
    expect(Object.fromEntries((element?.attributes ?? []).map((a) => [a.name, a.value]))).toEqual({
      name: 'fixture/passes',
      code: readFileSync(docTest.exampleFile('fixture/passes'), 'utf8').split('\n\n// Output:')[0],
      output: 'Normal [1, 2]\ntrailing spaces are ignored',
    });
  });

  it('TypeScript and JavaScript blocks run, norun blocks fail as stated, other languages are left alone', async () => {
    const page = docTest.readPage(readFileSync(join(fixtures, 'docs/blocks.mdx'), 'utf8'));
    const runnable = page.blocks.filter((b) => runnableLang(b.lang) !== null);
    expect(page.blocks.length - runnable.length).toBe(1);
    const results = await Promise.all(runnable.map(async (b) => [b.line, await docTest.checkCodeBlock(b, 'blocks.mdx')]));
    expect(results).toEqual([
      [3, null],
      [10, 'blocks.mdx:14: output differs from the Output block: expected "right", got "wrong"'],
      [17, null],
      [21, 'blocks.mdx:21: a `norun` block must name its expected error in the meta, e.g. norun error="TS2322"'],
      [25, 'blocks.mdx:27: the block failed: line 2: Error: boom 1'],
      [30, 'blocks.mdx:30: the block should fail to type-check with TS2339, but the checker found TS2322 on line 31'],
      [34, null],
      [38, 'blocks.mdx:38: the block should fail with "TypeError", but it ran without error'],
      [
        42,
        `blocks.mdx:42: the block should fail with "RangeError", but it failed with "TypeError: Cannot read properties of null (reading 'f')" on line 44`,
      ],
      [47, null],
      [55, null],
      [62, "blocks.mdx:64: the block failed: line 2: TypeError: Cannot read properties of undefined (reading 'call')"],
      [67, "blocks.mdx:69: the block does not type-check: line 2, column 7: TS2322: Type 'number' is not assignable to type 'string'."],
      [73, 'blocks.mdx:73: the example left 1 timer(s) pending when it finished, so what they print is not checked (await them)'],
    ]);
  });
});
