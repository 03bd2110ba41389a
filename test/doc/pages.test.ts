/**
 * No runnable code block on a page escapes testing (CONTRACT.md "Examples"): fenced `ts`/`tsx`
 * blocks run with the example runner (and, when they end in an Output block, must print it) unless
 * their meta says `norun`, which then must give the expected error as `error="..."`; `sh` blocks that
 * call `npx memattr` run under bash and must exit 0.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCodeBlock, listPages, readPage, SH_RUNNABLE, shellScript } from '../../src/doctest/node';

const root = process.cwd();

for (const path of listPages(root)) {
  const { blocks } = readPage(readFileSync(path, 'utf8'));
  const runnable = blocks.filter((b) => ['ts', 'tsx', 'sh', 'bash', 'shell'].includes(b.lang));
  if (runnable.length === 0) continue;
  describe(path, () => {
    for (const block of runnable) {
      const title = `${path}:${block.line} \`\`\`${block.lang}${block.meta ? ` ${block.meta}` : ''}`;
      if (block.lang === 'ts' || block.lang === 'tsx') {
        it(title, async () => {
          const failure = await checkCodeBlock(block, `${path}`);
          if (failure) expect.fail(failure);
        });
      } else if (SH_RUNNABLE.test(block.code)) {
        it(title, () => {
          const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', shellScript(block.code)], { cwd: root, encoding: 'utf8' });
          if (r.status !== 0) expect.fail(`${path}:${block.line}: the sh block exited ${r.status ?? r.signal}:\n${r.stderr}${r.stdout}`);
        });
      }
    }
  });
}
