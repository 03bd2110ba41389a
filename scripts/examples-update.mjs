#!/usr/bin/env node
// `npm run examples:update [name...]`: run examples and rewrite each file's `// Output:` block with
// what it printed, so a changed expectation shows up in review. An example that throws (or leaves a
// timer running) is left as it is and reported (exit 1). With names (`arm64/decode-normal-nc`), only
// those examples. The doc tests' own machinery (src/doctest) with the project's settings.
import { readFileSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { projectDocTest } = await tsImport('../src/doctest/project.ts', import.meta.url);
const { withOutput } = await tsImport('../src/doctest/expected.ts', import.meta.url);

const docTest = projectDocTest(process.cwd());
const wanted = process.argv.slice(2);
const all = docTest.listExamples();
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length > 0) {
  console.error(`no such example: ${unknown.join(', ')} (names look like arm64/decode-normal-nc)`);
  process.exit(2);
}
let failed = 0;
let changed = 0;
for (const name of wanted.length > 0 ? wanted : all) {
  const file = docTest.exampleFile(name);
  const source = readFileSync(file, 'utf8');
  const { run, failure } = await docTest.checkExampleSource(source, `examples/${name}.ts`);
  if (run.error || run.timersPending > 0) {
    failed++;
    console.error(`${failure}: not updated`);
    continue;
  }
  const next = withOutput(source, run.output);
  if (next !== source) {
    writeFileSync(file, next);
    changed++;
    console.log(`updated examples/${name}.ts`);
  }
}
console.log(`${changed} example(s) updated, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
