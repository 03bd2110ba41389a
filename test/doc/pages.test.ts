/**
 * No runnable code block on a page escapes testing (CONTRACT.md "Examples"): fenced TypeScript and
 * JavaScript blocks (`ts`, `tsx`, `typescript`, `js`, `javascript`, ...) run with the example runner
 * (and, when they end in an Output block, must print it; TypeScript ones must type-check) unless their
 * meta says `norun`, which then must fail with the error its `error="..."` states; `sh` blocks that
 * call `npx memattr` run under bash, with the CLI called directly, and must exit 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runnableLang, SH_RUNNABLE, SHELL_LANGS, shellScript } from '../../src/doctest/node';
import { projectDocTest } from '../../src/doctest/project';

const root = process.cwd();
const docTest = projectDocTest(root);

for (const path of docTest.listPages()) {
  const { blocks } = docTest.readPage(readFileSync(path, 'utf8'));
  const runnable = blocks.filter((b) => runnableLang(b.lang) !== null || (SHELL_LANGS.includes(b.lang) && SH_RUNNABLE.test(b.code)));
  if (runnable.length === 0) continue;
  describe(path, () => {
    for (const block of runnable) {
      const title = `${path}:${block.line} \`\`\`${block.lang}${block.meta ? ` ${block.meta}` : ''}`;
      if (runnableLang(block.lang) !== null) {
        it(title, async () => {
          const failure = await docTest.checkCodeBlock(block, path);
          if (failure) expect.fail(failure);
        });
      } else {
        it(title, () => {
          const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', shellScript(block.code)], { cwd: root, encoding: 'utf8' });
          if (r.status !== 0) expect.fail(`${path}:${block.line}: the sh block exited ${r.status ?? r.signal}:\n${r.stderr}${r.stdout}`);
        });
      }
    }
  });
}
