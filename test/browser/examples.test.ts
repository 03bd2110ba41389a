/**
 * Embedded examples in the production build: the static HTML carries each example's verified output;
 * the live editor runs edited code in a worker, reports syntax and runtime errors with their line,
 * stops a runaway loop at the time limit without freezing the page, works from the keyboard alone,
 * and is not loaded by pages without examples.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExample } from '../../src/doctest/expected';
import { listPages, readPage } from '../../src/doctest/node';
import { exampleFile } from '../../src/doctest/remark-examples';
import { launchBrowser } from '../support/browser';
import { type StaticServer, serveStatic } from '../support/static-server';

const TIME_LIMIT_MS = 2000;
const root = process.cwd();

function sitePaths(): string[] {
  const xml = readFileSync('build/sitemap.xml', 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}

/** Every example some page embeds, with the output its file says it prints. */
function embeddedExamples(): Map<string, string> {
  const names = new Set(listPages(root).flatMap((p) => readPage(readFileSync(p, 'utf8')).examples.map((e) => e.name)));
  return new Map(
    [...names].map((name) => [
      name,
      (parseExample(readFileSync(exampleFile(root, name), 'utf8')).expected ?? []).map((l) => l.text).join('\n'),
    ]),
  );
}

describe('embedded examples', () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let staticBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  /** Path -> names of the examples its static HTML shows. */
  const pagesWithExamples = new Map<string, string[]>();
  const staticFigures: { path: string; name: string; code: string; output: string }[] = [];

  beforeAll(async () => {
    server = await serveStatic('build');
    browser = await launchBrowser();
    staticBrowser = await launchBrowser({ javaScriptEnabled: false });
    // Every page as served, JavaScript off: which examples it shows, with what code and output.
    for (const path of sitePaths()) {
      const page = await staticBrowser.context.newPage();
      await page.goto(server.url + path);
      const figures = await page.locator('figure[data-example]').evaluateAll((els) =>
        els.map((el) => ({
          name: el.getAttribute('data-example') ?? '',
          code: el.querySelector('pre')?.textContent ?? '',
          output: el.querySelector('[data-example-output]')?.textContent ?? '',
        })),
      );
      if (figures.length > 0)
        pagesWithExamples.set(
          path,
          figures.map((f) => f.name),
        );
      staticFigures.push(...figures.map((f) => ({ path, ...f })));
      await page.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await staticBrowser?.close();
    await server?.close();
  });

  it('the static HTML (no JavaScript) shows every embedded example with its verified output', () => {
    const expected = embeddedExamples();
    expect(expected.size).toBeGreaterThan(0);
    const seen = new Map(staticFigures.map((f) => [f.name, f.output]));
    for (const f of staticFigures) expect(f.code.length, `${f.path}: ${f.name} shows its code`).toBeGreaterThan(0);
    for (const [name, output] of expected) expect(seen.get(name), `examples/${name}.ts in the static HTML`).toBe(output);
  });

  /** Uncaught errors per page opened by openLive(). */
  const uncaught = new WeakMap<Page, string[]>();

  /** A page with a live example, its first example's figure ready for editing. */
  async function openLive(): Promise<{ page: Page; path: string }> {
    const [path] = [...pagesWithExamples.keys()];
    if (!path) throw new Error('no page embeds an example');
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    uncaught.set(page, errors);
    await page.goto(server.url + path, { waitUntil: 'load' });
    await page.locator('figure[data-live]').first().waitFor();
    return { page, path };
  }

  const figure = (page: Page) => page.locator('figure[data-live]').first();
  const output = (page: Page) => figure(page).locator('[data-example-output]');
  async function runCode(page: Page, code: string): Promise<void> {
    await figure(page).locator('textarea').fill(code);
    await figure(page).getByRole('button', { name: 'Run' }).click();
  }

  it('editing the code and pressing Run updates the output', async () => {
    const { page } = await openLive();
    await runCode(
      page,
      "import { decodeMair } from 'memattr';\nconst r = decodeMair({ mair: 0x04 });\nconsole.log(r.ok && r.result.summary, { n: 6 * 7 });\n",
    );
    await expect.poll(() => output(page).textContent()).toBe('Device-nGnRE {"n": 42}');
    await page.close();
  });

  it('a syntax error and a thrown error show a message with the line, and the page keeps working', async () => {
    const { page } = await openLive();
    await runCode(page, 'const ok = 1;\nconst broken = ;\n');
    await expect.poll(() => output(page).textContent()).toMatch(/^line 2: SyntaxError: Unexpected token/);
    await runCode(page, "console.log('before');\nthrow new RangeError('out of range');\n");
    await expect.poll(() => output(page).textContent()).toBe('before\nline 2: RangeError: out of range');
    await expect(figure(page).locator('[role="alert"]').textContent()).resolves.toBe('\nline 2: RangeError: out of range');
    await runCode(page, "console.log('still working');\n");
    await expect.poll(() => output(page).textContent()).toBe('still working');
    expect(uncaught.get(page)).toEqual([]);
    await page.close();
  });

  it('an endless loop is stopped within the time limit, the page stays responsive, and the next run works', async () => {
    const { page } = await openLive();
    await runCode(page, 'while (true) {}\n');
    // While the worker spins, the page still answers: editing works.
    await figure(page).locator('textarea').fill("console.log('typed during the loop');\n");
    await expect(figure(page).locator('textarea').inputValue()).resolves.toBe("console.log('typed during the loop');\n");
    await expect
      .poll(() => output(page).textContent(), { timeout: TIME_LIMIT_MS + 3000 })
      .toBe('Stopped after 2 s: the code ran too long (an endless loop?).');
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => output(page).textContent()).toBe('typed during the loop');
    await page.close();
  });

  it('an infinite recursion and a huge pasted input give readable errors, and the page keeps working', async () => {
    const { page } = await openLive();
    await runCode(page, 'function f(n: number): number {\n  return f(n + 1) + 1;\n}\nf(0);\n');
    await expect.poll(() => output(page).textContent()).toMatch(/RangeError: Maximum call stack size exceeded/);
    // 200,000 lines (about 1.6 MB): shown unhighlighted, transpiled and run in the worker, off the page thread.
    const huge = `let a = 0;\n${'a += 1;\n'.repeat(200_000)}console.log(a === 200_000 ? 'x' : a);\n`;
    await figure(page)
      .locator('textarea')
      .evaluate((el, value) => {
        const area = el as HTMLTextAreaElement;
        const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
        set?.call(area, value);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      }, huge);
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => output(page).textContent(), { timeout: TIME_LIMIT_MS + 10_000 }).toMatch(/^x$|Stopped after 2 s/);
    await runCode(page, "console.log('still working');\n");
    await expect.poll(() => output(page).textContent()).toBe('still working');
    expect(uncaught.get(page)).toEqual([]);
    await page.close();
  });

  it('keyboard only: Tab reaches the labelled editor, Ctrl+Enter runs, Esc then Shift+Tab reaches Reset', async () => {
    const { page } = await openLive();
    const editorLabel = await figure(page).locator('label').textContent();
    let focused = '';
    for (let i = 0; i < 200 && focused !== 'TEXTAREA'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.tagName ?? '');
    }
    expect(focused).toBe('TEXTAREA');
    // The focused editor is the first example's, and its label names the file.
    const label = await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).labels?.[0]?.textContent ?? '');
    expect(label).toBe(editorLabel);
    expect(label).toMatch(/^examples\/.+\.ts \(editable TypeScript\)$/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type("console.log('from the keyboard');");
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => output(page).textContent()).toBe('from the keyboard');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Reset');
    await page.keyboard.press('Enter');
    const original = await figure(page).getAttribute('data-example');
    const source = parseExample(readFileSync(exampleFile(root, original ?? ''), 'utf8'));
    await expect.poll(() => figure(page).locator('textarea').inputValue()).toBe(source.code);
    await expect.poll(() => output(page).textContent()).toBe((source.expected ?? []).map((l) => l.text).join('\n'));
    await page.close();
  });

  it('the live runtime loads only on pages with examples, and the worker only when the reader starts editing', async () => {
    const scripts = async (path: string, act?: (page: Page) => Promise<void>) => {
      const page = await browser.context.newPage();
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      await page.goto(server.url + path, { waitUntil: 'load' });
      // Let idle-time loading happen (the editor loads when the browser is idle after first paint).
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
      if (act) await act(page);
      await page.close();
      return urls.filter((u) => u.endsWith('.js')).map((u) => u.slice(u.lastIndexOf('/') + 1));
    };
    const [withExamples] = [...pagesWithExamples.keys()];
    const without = sitePaths().filter((p) => !pagesWithExamples.has(p));
    expect(without).toContain('/');
    expect(withExamples).toBeDefined();

    const live = await scripts(withExamples as string, async (page) => {
      await page.locator('figure[data-live]').first().waitFor();
    });
    expect(live.some((f) => f.startsWith('example-live.'))).toBe(true);
    expect(live.some((f) => f.startsWith('example-worker.'))).toBe(false);
    const ran = await scripts(withExamples as string, async (page) => {
      await runCode(page, "console.log('hi');\n");
      await expect.poll(() => output(page).textContent()).toBe('hi');
    });
    expect(ran.some((f) => f.startsWith('example-worker.'))).toBe(true);

    for (const path of without) {
      const loaded = await scripts(path);
      expect(
        loaded.filter((f) => f.startsWith('example-')),
        path,
      ).toEqual([]);
    }
  });
});
