/**
 * Embedded examples in the production build: the static HTML carries each example's verified output;
 * the live editor runs edited code in a worker, reports syntax and runtime errors with their line,
 * stops a runaway loop at the time limit while the page keeps answering, bounds what an example
 * prints (with a note of what was cut), shows what timers print after the run, and loads only on
 * pages with examples, after the page's `load` event. Mechanisms, not timings: no assertion here
 * depends on how fast this machine is (poll timeouts only guard against a hang).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIME_LIMIT_MS, TIMEOUT_MESSAGE } from '../../src/components/Example/runner';
import { parseExample } from '../../src/doctest/expected';
import { describeCut, LIVE_OUTPUT_LIMITS } from '../../src/doctest/output';
import { projectDocTest } from '../../src/doctest/project';
import { launchBrowser } from '../support/browser';
import { editor, editorText, figure, goLive, output, setCode } from '../support/live-example';
import { BUILD, sitePaths } from '../support/sitemap';
import { type StaticServer, serveStatic } from '../support/static-server';

const docTest = projectDocTest();
/** Long enough for any run on a loaded machine: a guard against a hang, not a measurement. */
const HANG = 60_000;

/** Every example some page embeds, with the output its file says it prints. */
function embeddedExamples(): Map<string, string> {
  const names = new Set(docTest.listPages().flatMap((p) => docTest.readPage(readFileSync(p, 'utf8')).examples.map((e) => e.name)));
  return new Map(
    [...names].map((name) => [
      name,
      (parseExample(readFileSync(docTest.exampleFile(name), 'utf8')).expected ?? []).map((l) => l.text).join('\n'),
    ]),
  );
}

async function runCode(page: Page, code: string): Promise<void> {
  await setCode(page, code);
  await figure(page).getByRole('button', { name: 'Run' }).click();
}

/** A click handler on the page runs now: the main thread is not blocked. */
async function pageAnswers(page: Page): Promise<boolean> {
  await page.evaluate(() => {
    const w = window as Window & { clicked?: boolean };
    w.clicked = false;
    document.body.addEventListener('click', () => (w.clicked = true), { once: true });
  });
  await page.mouse.click(2, 2);
  return page.evaluate(() => (window as Window & { clicked?: boolean }).clicked === true);
}

describe('embedded examples', () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let staticBrowser: Awaited<ReturnType<typeof launchBrowser>>;
  /** Path -> names of the examples its static HTML shows. */
  const pagesWithExamples = new Map<string, string[]>();
  const staticFigures: { path: string; name: string; code: string; output: string }[] = [];

  beforeAll(async () => {
    server = await serveStatic(BUILD);
    browser = await launchBrowser();
    staticBrowser = await launchBrowser({ javaScriptEnabled: false });
    // Every page as served, JavaScript off: which examples it shows, with what code and output.
    const page = await staticBrowser.context.newPage();
    for (const path of sitePaths()) {
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
    }
    await page.close();
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

  /** A page with a live example, its first example's editor ready. */
  async function openLive(): Promise<{ page: Page; path: string }> {
    const [path] = [...pagesWithExamples.keys()];
    if (!path) throw new Error('no page embeds an example');
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    uncaught.set(page, errors);
    await page.goto(server.url + path, { waitUntil: 'load' });
    await goLive(page);
    await editor(page).waitFor();
    return { page, path };
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

  it('an endless loop: the page answers while it spins, the stop message names the limit, and the next run works', async () => {
    expect(TIMEOUT_MESSAGE).toContain(`${TIME_LIMIT_MS / 1000} s`);
    const { page } = await openLive();
    await runCode(page, 'while (true) {}\n');
    // The run is still going (its button says so), and a click handler on the page runs: the loop is off the page's thread.
    await expect.poll(() => figure(page).getByRole('button', { name: 'Running…' }).count()).toBe(1);
    expect(await pageAnswers(page)).toBe(true);
    await setCode(page, "console.log('typed during the loop');\n");
    await expect.poll(() => output(page).textContent(), { timeout: HANG }).toBe(TIMEOUT_MESSAGE);
    await figure(page).getByRole('button', { name: 'Run' }).click();
    // The next run starts a new worker (the stopped one was terminated): on a busy machine, seconds.
    await expect.poll(() => output(page).textContent(), { timeout: HANG }).toBe('typed during the loop');
    await page.close();
  });

  it('an infinite recursion and a 200,000-line paste give readable errors; the editor draws only what is in view', async () => {
    const { page } = await openLive();
    await runCode(page, 'function f(n: number): number {\n  return f(n + 1) + 1;\n}\nf(0);\n');
    await expect.poll(() => output(page).textContent()).toMatch(/RangeError: Maximum call stack size exceeded/);
    // 200,000 lines (about 1.6 MB) pasted, ending in an endless loop, so the run always ends at the limit.
    const huge = `let a = 0;\n${'a += 1;\n'.repeat(200_000)}while (a > 0) {}\n`;
    await editor(page).click();
    await page.keyboard.press('Control+A');
    await editor(page).evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, huge);
    await expect
      .poll(() => figure(page).locator('.cm-lineNumbers .cm-gutterElement').last().textContent())
      .toBe(String(huge.split('\n').length));
    // The document has 200,003 lines; the page holds only the few in view.
    expect(await figure(page).locator('.cm-line').count()).toBeLessThan(500);
    await figure(page).getByRole('button', { name: 'Run' }).click();
    expect(await pageAnswers(page)).toBe(true);
    await expect.poll(() => output(page).textContent(), { timeout: HANG }).toBe(TIMEOUT_MESSAGE);
    await runCode(page, "console.log('still working');\n");
    await expect.poll(() => output(page).textContent()).toBe('still working');
    expect(uncaught.get(page)).toEqual([]);
    await page.close();
  });

  it('a flood of output is cut in the worker to the live limits, with a note of what was cut', async () => {
    const { page } = await openLive();
    const cutNote = () => figure(page).locator('[data-example-cut]').textContent();
    // One log of a 100,000-element array (100,002 lines: '[', the values, ']').
    await runCode(page, 'console.log(Array.from({ length: 100_000 }, (_, i) => i));\n');
    await expect.poll(cutNote, { timeout: HANG }).toMatch(/^\n… 99,502 more lines \(.+\) not shown$/);
    const shown = (await output(page).textContent()) ?? '';
    // The limits' lines, then the note: the page never received (or drew) the rest.
    expect(shown.split('\n')).toHaveLength(LIVE_OUTPUT_LIMITS.maxLines + 1);
    expect(shown.split('\n').slice(0, 3)).toEqual(['[', '  0,', '  1,']);
    // One log of 2 million characters on a single line: cut at the character limit.
    await runCode(page, "console.log('x'.repeat(2_000_000));\n");
    await expect.poll(cutNote, { timeout: HANG }).toBe(`\n${describeCut({ lines: 1, bytes: 2_000_000 - LIVE_OUTPUT_LIMITS.maxChars })}`);
    expect(((await output(page).textContent()) ?? '').split('\n')[0]).toBe('x'.repeat(LIVE_OUTPUT_LIMITS.maxChars));
    // 200,000 lines printed one by one: cut the same way, and the page stays small.
    await runCode(page, "for (let i = 0; i < 200_000; i++) console.log('line', i);\n");
    await expect.poll(cutNote, { timeout: HANG }).toMatch(/^\n… 199,500 more lines \(.+\) not shown$/);
    expect(((await output(page).textContent()) ?? '').split('\n')).toHaveLength(LIVE_OUTPUT_LIMITS.maxLines + 1);
    expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(5000);
    await page.close();
  });

  it('output printed after the run (a timer) is shown, marked as late, and bounded', async () => {
    const { page } = await openLive();
    await runCode(page, "console.log('now');\nsetTimeout(() => console.log('later'), 50);\n");
    await expect
      .poll(() => figure(page).locator('[data-example-late]').textContent())
      .toBe('\n── printed after the run finished ──\nlater');
    await expect(output(page).textContent()).resolves.toBe('now\n── printed after the run finished ──\nlater');
    await expect(figure(page).locator('[data-example-status]').textContent()).resolves.toMatch(/1 timer is still pending/);
    // A timer that never stops printing is held to the same limits.
    await runCode(page, "let i = 0;\nsetInterval(() => console.log('tick', i++), 0);\n");
    await expect.poll(() => figure(page).locator('[data-example-cut]').count(), { timeout: HANG }).toBe(1);
    const late = (await figure(page).locator('[data-example-late]').textContent()) ?? '';
    expect(late.split('\n').filter((l) => l.startsWith('tick '))).toHaveLength(LIVE_OUTPUT_LIMITS.maxLines);
    // The next run replaces the ticking worker: nothing late leaks into it.
    await runCode(page, "console.log('quiet');\n");
    await expect.poll(() => output(page).textContent()).toBe('quiet');
    await page.waitForTimeout(200);
    await expect(output(page).textContent()).resolves.toBe('quiet');
    await page.close();
  });

  it('keyboard only: Tab reaches the labelled editor, Ctrl+Enter runs, Esc then Shift+Tab reaches Reset', async () => {
    const { page } = await openLive();
    let focused = '';
    for (let i = 0; i < 200 && focused !== 'cm-content'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.className.split(' ')[0] ?? '');
    }
    expect(focused).toBe('cm-content');
    // The focused editor is the first example's, and its name says which file and that it is editable.
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const file = await figure(page)
      .locator('figcaption')
      .locator('span')
      .first()
      .evaluate((el) => el.firstChild?.textContent ?? '');
    expect(label).toBe(`${file} (editable TypeScript)`);
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
    const source = parseExample(readFileSync(docTest.exampleFile(original ?? ''), 'utf8'));
    await expect.poll(() => editorText(page)).toBe(source.code);
    await expect.poll(() => output(page).textContent()).toBe((source.expected ?? []).map((l) => l.text).join('\n'));
    await page.close();
  });

  it('the editor loads only when the reader reaches an example (never while the page loads); the run worker only when the reader runs', async () => {
    const scripts = async (path: string, act?: (page: Page) => Promise<void>) => {
      const page = await browser.context.newPage();
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      await page.goto(server.url + path, { waitUntil: 'load' });
      // Let anything that waits for an idle moment after the load event happen.
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
      const untouched = urls.filter((u) => u.endsWith('.js'));
      if (act) await act(page);
      await page.close();
      const name = (u: string) => u.slice(u.lastIndexOf('/') + 1);
      return { all: urls.filter((u) => u.endsWith('.js')).map(name), untouched: untouched.map(name) };
    };
    const [withExamples] = [...pagesWithExamples.keys()];
    const without = sitePaths().filter((p) => !pagesWithExamples.has(p));
    expect(without).toContain('/');
    expect(withExamples).toBeDefined();

    const live = await scripts(withExamples as string, async (page) => {
      await page.locator('figure[data-example]').first().hover();
      await editor(page).waitFor();
    });
    expect(live.all.some((f) => f.startsWith('example-live.'))).toBe(true);
    expect(live.all.some((f) => f.startsWith('example-worker.'))).toBe(false);
    const ran = await scripts(withExamples as string, async (page) => {
      await goLive(page);
      await runCode(page, "console.log('hi');\n");
      await expect.poll(() => output(page).textContent()).toBe('hi');
    });
    expect(ran.all.some((f) => f.startsWith('example-worker.'))).toBe(true);

    // The editor's chunks: example-* and whatever holds CodeMirror (the bundler may give it a chunk of its own).
    const editorChunks = live.all.filter(
      (f) => f.startsWith('example-') || readFileSync(`${BUILD}/assets/js/${f}`, 'utf8').includes('cm-lineNumbers'),
    );
    expect(editorChunks.some((f) => f.startsWith('example-live.'))).toBe(true);
    expect(live.untouched.filter((f) => editorChunks.includes(f))).toEqual([]);
    for (const path of without) {
      const loaded = await scripts(path);
      expect(
        loaded.all.filter((f) => editorChunks.includes(f) || f.startsWith('example-')),
        path,
      ).toEqual([]);
    }
  });
});
