/**
 * The live editor on the built site, as a reader meets it (issue 12, "The editor" and "Type errors
 * in the page"): line numbers; the failing line marked with its error for syntax, runtime and type
 * errors; type checking loaded only after the first edit, never blocking Run; every token at least
 * 4.5:1 in light and dark, in the editor, the static example and plain code blocks; a visible
 * "editable" cue; visible feedback on Run; Copy; edits kept in sessionStorage until Reset; a quote
 * typed over a selection replaces it; code and output scroll sideways instead of wrapping; and the
 * page does not move when the editor replaces the static code. Mechanisms only, no timings.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismDark } from '../../src/css/prism-dark';
import { prismLight } from '../../src/css/prism-light';
import { parseExample } from '../../src/doctest/expected';
import { projectDocTest } from '../../src/doctest/project';
import { launchBrowser } from '../support/browser';
import { computedColour, themeColour } from '../support/colours';
import { editor, editorText, figure, goLive, output, setCode } from '../support/live-example';
import { hydrated } from '../support/site';
import { type StaticServer, serveStatic } from '../support/static-server';

const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';
const HANG = 60_000;
const docTest = projectDocTest();
const urlOf = (path: string) => `/${path.replace(/\.mdx?$/, '').replace(/\/index$/, '')}`;
/** The first page that embeds an example, and that example. */
const [PAGE, FIRST] = (() => {
  for (const path of docTest.listPages()) {
    const [first] = docTest.readPage(readFileSync(path, 'utf8')).examples;
    if (first) return [urlOf(path), first.name];
  }
  throw new Error('no page embeds an example');
})();
const ORIGINAL = parseExample(readFileSync(docTest.exampleFile(FIRST), 'utf8')).code;
/** A page whose examples have comments (the token the dark theme drew at 2.32:1), and plain code blocks. */
const COMMENTED = (() => {
  for (const path of docTest.listPages()) {
    const { examples, blocks } = docTest.readPage(readFileSync(path, 'utf8'));
    const commented = examples.some((e) => parseExample(readFileSync(docTest.exampleFile(e.name), 'utf8')).code.includes('// '));
    if (commented && blocks.length > 0) return urlOf(path);
  }
  throw new Error('no page has an example with a comment and a plain code block');
})();

/** Contrast of every piece of text under `selector`s against the background it is drawn on (WCAG 2). */
function contrasts(page: Page, selector: string): Promise<{ text: string; colour: string; background: string; ratio: number }[]> {
  return page.evaluate((sel) => {
    const parse = (c: string): number[] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) throw new Error(`unexpected colour ${c}`);
      const p = (m[1] as string)
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
    };
    const background = (el: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if ((c[3] as number) > 0) layers.push(c);
        if ((c[3] as number) >= 1) break;
      }
      let rgb = [255, 255, 255];
      for (const l of layers.reverse()) rgb = rgb.map((v, i) => (l[i] as number) * (l[3] as number) + v * (1 - (l[3] as number)));
      return rgb;
    };
    const luminance = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
    };
    const out: { text: string; colour: string; background: string; ratio: number }[] = [];
    for (const el of document.querySelectorAll(sel)) {
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      if (own.length === 0) continue;
      const fg = parse(getComputedStyle(el).color);
      const bg = background(el);
      const a = luminance(fg.slice(0, 3));
      const b = luminance(bg);
      out.push({
        text: own.map((n) => n.textContent).join(''),
        colour: getComputedStyle(el).color,
        background: `rgb(${bg.map(Math.round).join(', ')})`,
        ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
      });
    }
    return out;
  }, selector);
}

describe('the live editor', () => {
  let server: StaticServer;
  let light: Awaited<ReturnType<typeof launchBrowser>>;
  let dark: Awaited<ReturnType<typeof launchBrowser>>;
  let noScript: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    server = await serveStatic(BUILD);
    light = await launchBrowser();
    dark = await launchBrowser({ colorScheme: 'dark' });
    noScript = await launchBrowser({ javaScriptEnabled: false });
    await light.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await light?.close();
    await dark?.close();
    await noScript?.close();
    await server?.close();
  });

  async function open(options: { browser?: typeof light; width?: number; path?: string } = {}): Promise<Page> {
    const page = await (options.browser ?? light).context.newPage();
    await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
    await page.goto(server.url + (options.path ?? PAGE), { waitUntil: 'load' });
    await goLive(page);
    await figure(page).waitFor({ timeout: HANG });
    return page;
  }

  it('numbers every line, in the editor and already in the static view', async () => {
    const lines = ORIGINAL.split('\n').length;
    const numbers = Array.from({ length: lines }, (_, i) => String(i + 1));
    const plain = await noScript.context.newPage();
    await plain.goto(server.url + PAGE);
    const staticNumbers = await plain.locator('figure[data-example]').first().locator('[aria-hidden="true"] > div').allTextContents();
    expect(staticNumbers).toEqual(numbers);
    await plain.close();
    const page = await open();
    const gutter = await figure(page).locator('.cm-lineNumbers .cm-gutterElement').allTextContents();
    // CodeMirror keeps one hidden element to size the gutter; the visible ones are the lines.
    expect(gutter.filter((n) => n !== '').slice(-lines)).toEqual(numbers);
    await page.close();
  });

  it('marks the failing line with its error: syntax, runtime and type errors, with a gutter marker and the message', async () => {
    const page = await open();
    const marked = async (line: number, message: RegExp) => {
      await expect
        .poll(
          () =>
            figure(page)
              .locator('.cm-line[data-error-line]')
              .evaluateAll((els) => els.map((e) => e.getAttribute('data-error-line'))),
          { timeout: HANG },
        )
        .toEqual([String(line)]);
      // The gutter marker sits on that line (measured in one go: the type checker may redraw the gutter), and hovering it shows the message.
      await expect
        .poll(() =>
          figure(page).evaluate((fig, n) => {
            const lineBox = fig.querySelector(`.cm-line[data-error-line="${n}"]`)?.getBoundingClientRect();
            const markerBox = fig.querySelector('.cm-lint-marker-error')?.getBoundingClientRect();
            return !!lineBox && !!markerBox && markerBox.top >= lineBox.top && markerBox.bottom <= lineBox.bottom + 1;
          }, line),
        )
        .toBe(true);
      const marker = figure(page).locator('.cm-lint-marker-error');
      await marker.hover();
      await expect.poll(() => page.locator('.cm-tooltip').first().textContent()).toMatch(message);
      await page.mouse.move(0, 0);
    };
    await setCode(page, 'const ok = 1;\nconst broken = ;\n');
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await marked(2, /SyntaxError: Unexpected token/);
    await setCode(page, 'const ok = 1;\nconsole.log(ok);\nconst o = null as unknown as { f(): void };\no.f();\n');
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await marked(4, /TypeError: Cannot read properties of null \(reading 'f'\)/);
    await setCode(page, "const ok = 1;\nconsole.log(ok);\nconst x: number = 'a';\n");
    await marked(3, /TS2322: Type 'string' is not assignable to type 'number'/);
    await page.close();
  });

  it("type-checks only once the reader edits, against the model's types, and a type error does not stop Run", async () => {
    const page = await light.context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(server.url + PAGE, { waitUntil: 'load' });
    await goLive(page);
    await editor(page).waitFor({ timeout: HANG });
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => figure(page).locator('[data-example-status]').textContent()).toMatch(/^Run 1 finished/);
    const checker = (p: string) => p.startsWith('/typecheck/') || p.includes('example-typecheck');
    expect(requests.filter(checker)).toEqual([]);

    await setCode(
      page,
      "import { scenario } from 'memattr';\nconst x: number = 'a';\nconst r = scenario({ kernel: '6.9', vfioDriver: 'vfio-pci', guestMapping: 'ioremap_wc' });\nif (r.ok) console.log(x, r.result.efectiveType);\n",
    );
    await expect
      .poll(() => figure(page).locator('[data-type-error]').allTextContents(), { timeout: HANG })
      .toEqual([
        "line 2, column 7: TS2322: Type 'string' is not assignable to type 'number'.",
        "line 4, column 35: TS2551: Property 'efectiveType' does not exist on type 'ScenarioResult'. Did you mean 'effectiveType'?",
      ]);
    expect(requests.filter((p) => p.startsWith('/typecheck/')).map((p) => p.replace(/\.[0-9a-f]{10}\./, '.'))).toEqual([
      '/typecheck/files.json',
      '/typecheck/typescript-6.0.3.js',
    ]);
    // As in the TypeScript playground, the code still runs.
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => output(page).textContent()).toBe('a undefined');
    await page.close();
  });

  it('every token is at least 4.5:1 against its background, light and dark: editor, static example, plain code blocks', async () => {
    const failures: string[] = [];
    const check = async (where: string, page: Page, selector: string) => {
      const found = await contrasts(page, selector);
      expect(found.length, `${where}: no text found under ${selector}`).toBeGreaterThan(0);
      for (const f of found)
        if (f.ratio < 4.5) failures.push(`${where}: ${JSON.stringify(f.text)} ${f.colour} on ${f.background}: ${f.ratio.toFixed(2)}:1`);
    };
    // Every kind of token TypeScript highlighting gives (comment, keyword, string, number, type, function, property, operator).
    const sample =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the editor is given a template literal to highlight
      "// a comment\nimport { combine } from 'memattr';\ninterface Pick { readonly s1Mair: number }\nconst p: Pick = { s1Mair: 0x44 };\nconst on = true && !null;\nconsole.log(`${p.s1Mair}`, combine({ s1Mair: 4, s2MemAttr: 5 }).ok, typeof on, 1 + 2 / 3);\n";
    const modes = [
      ['light', light],
      ['dark', dark],
    ] as const;
    for (const [mode, browser] of modes) {
      // The static example code, as the page shows it until the editor loads (here: never), and a plain code block.
      const still = await browser.context.newPage();
      await still.route('**/example-live.*.js', (r) => r.abort());
      await still.goto(server.url + COMMENTED, { waitUntil: 'load' });
      await hydrated(still);
      await check(
        `${mode} static example`,
        still,
        'figure[data-example] pre .token-line, figure[data-example] pre .token-line *, figure[data-example] [aria-hidden="true"] > div',
      );
      await check(`${mode} plain code block`, still, '.theme-code-block .token-line, .theme-code-block .token-line *');
      await still.close();
    }
    expect(failures).toEqual([]);
    for (const [mode, browser] of modes) {
      const page = await open({ browser });
      await setCode(page, sample);
      await check(`${mode} editor`, page, `figure[data-live] .cm-line, figure[data-live] .cm-line *, figure[data-live] .cm-gutterElement`);
      await page.close();
    }
    expect(failures).toEqual([]);
  });

  it("the static code and the plain code blocks are drawn in the reader's colour mode from the first paint, and the page's load leaves the server's HTML of them as it is", async () => {
    for (const [mode, browser, theme] of [
      ['light', light, prismLight],
      ['dark', dark, prismDark],
    ] as const) {
      const page = await browser.context.newPage();
      await page.route('**/example-live.*.js', (r) => r.abort());
      // Before any of the page's scripts run: the colours the first paint uses.
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          const line = document.querySelector('figure[data-example] pre .token-line');
          const keyword = document.querySelector('figure[data-example] pre .token.keyword');
          (window as unknown as { __first: unknown }).__first = {
            text: line && getComputedStyle(line).color,
            keyword: keyword && getComputedStyle(keyword).color,
            keywordNode: keyword,
            block: [...document.querySelectorAll('.theme-code-block code .token')].map((t) => [
              [...t.classList],
              getComputedStyle(t).color,
            ]),
            blockNode: document.querySelector('.theme-code-block code .token'),
          };
        });
      });
      await page.goto(server.url + COMMENTED, { waitUntil: 'load' });
      await hydrated(page);
      const plain = await computedColour(page, themeColour(theme, []));
      const keywordColour = await computedColour(page, themeColour(theme, ['token', 'keyword']));
      const seen = await page.evaluate(
        ([plain, keywordColour]) => {
          const first = (
            window as unknown as {
              __first: { text: string; keyword: string; keywordNode: Element; block: [string[], string][]; blockNode: Element | null };
            }
          ).__first;
          const keyword = document.querySelector('figure[data-example] pre .token.keyword');
          return {
            firstText: first.text === plain,
            firstKeyword: first.keyword === keywordColour,
            sameNode: keyword !== null && keyword === first.keywordNode,
            reactNodes: [...document.querySelectorAll('figure[data-example] pre *')].filter((e) =>
              Object.keys(e).some((k) => k.startsWith('__reactFiber')),
            ).length,
            nowKeyword: keyword !== null && getComputedStyle(keyword).color === keywordColour,
            block: first.block,
            blockSameNode: first.blockNode !== null && first.blockNode === document.querySelector('.theme-code-block code .token'),
            blockReactNodes: [...document.querySelectorAll('.theme-code-block code *')].filter((e) =>
              Object.keys(e).some((k) => k.startsWith('__reactFiber')),
            ).length,
          };
        },
        [plain, keywordColour] as const,
      );
      const { block, ...rest } = seen;
      const wrongColour: string[] = [];
      for (const [classes, colour] of block)
        if (colour !== (await computedColour(page, themeColour(theme, classes)))) wrongColour.push(`${classes.join(' ')}: ${colour}`);
      expect({ ...rest, blockTokens: block.length > 0, blockColours: wrongColour }, mode).toEqual({
        firstText: true,
        firstKeyword: true,
        sameNode: true,
        reactNodes: 0,
        nowKeyword: true,
        blockTokens: true,
        blockColours: [],
        blockSameNode: true,
        blockReactNodes: 0,
      });
      await page.close();
    }
  });

  it('shows that the code is editable with a visible cue, not only to screen readers', async () => {
    const page = await open();
    const cue = figure(page).locator('figcaption').getByText('editable', { exact: true });
    await expect(cue.isVisible()).resolves.toBe(true);
    const box = await cue.boundingBox();
    expect(box && box.width > 10 && box.height > 5).toBe(true);
    await page.close();
  });

  it('Run gives visible feedback even when the output does not change', async () => {
    const page = await open();
    // Every animation the page starts, and on what.
    await page.evaluate(() => {
      const w = window as Window & { animated?: string[] };
      w.animated = [];
      const animate = Element.prototype.animate;
      Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
        w.animated?.push(this.hasAttribute('data-example-output') ? 'output' : this.tagName);
        return animate.apply(this, args);
      };
    });
    const status = figure(page).locator('[data-example-status]');
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Run 1 finished at \d\d:\d\d:\d\d in \d+ ms\.$/);
    const first = await output(page).textContent();
    await figure(page).getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Run 2 finished at \d\d:\d\d:\d\d in \d+ ms\.$/);
    expect(await output(page).textContent()).toBe(first);
    // The status is announced politely, and the output was briefly highlighted on each run.
    expect(await status.getAttribute('role')).toBe('status');
    const animated = await page.evaluate(() => (window as Window & { animated?: string[] }).animated ?? []);
    expect(animated.filter((a) => a === 'output')).toHaveLength(2);
    await page.close();
  });

  it('Copy puts the code in the clipboard', async () => {
    const page = await open();
    await setCode(page, "console.log('copied');\n");
    await figure(page).getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe("console.log('copied');\n");
    await expect(figure(page).locator('[data-example-status]').textContent()).resolves.toBe('Copied');
    await page.close();
  });

  it('an edit stays while the reader moves around the site, and Reset restores the original and forgets the edit', async () => {
    const page = await open();
    const edited = `${ORIGINAL}\nconsole.log('kept');`;
    await setCode(page, edited);
    // Away through the site's own navigation, then back, each time once the page shows (the URL
    // changes before the next page's code has loaded and the old page has gone).
    const heading = () => page.locator('h1').first().textContent();
    const title = await heading();
    await page.locator(`nav[aria-label="Docs sidebar"] a[href^="/docs/"]:not([href="${PAGE}"])`).first().click();
    await expect.poll(heading, { timeout: HANG }).not.toBe(title);
    // Back on the page, the kept edit is shown at once, without reaching for the example.
    await page.goBack();
    await expect.poll(heading, { timeout: HANG }).toBe(title);
    await editor(page).waitFor({ timeout: HANG });
    await expect.poll(() => editorText(page)).toBe(edited);
    await expect(figure(page).locator('text=of the code before your edit').count()).resolves.toBe(1);
    // A reload in the same tab keeps it too.
    await page.reload({ waitUntil: 'load' });
    await editor(page).waitFor({ timeout: HANG });
    await expect.poll(() => editorText(page)).toBe(edited);
    await figure(page).getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => editorText(page)).toBe(ORIGINAL);
    expect(await page.evaluate((k) => sessionStorage.getItem(k), `memattr-example:${FIRST}`)).toBeNull();
    // With no edit kept, the page opens on the static code again; reaching for it gives the original.
    await page.reload({ waitUntil: 'load' });
    await goLive(page);
    await editor(page).waitFor({ timeout: HANG });
    await expect.poll(() => editorText(page)).toBe(ORIGINAL);
    await page.close();
  });

  it('typing a quote over a selection replaces the selection', async () => {
    const page = await open();
    await setCode(page, "ioremap('ioremap_wc');");
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < "'ioremap_wc'".length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.type("'");
    await expect.poll(() => editorText(page)).toBe("ioremap(');");
    await page.close();
  });

  it('code and output scroll sideways and never wrap, on a phone as on a desktop', async () => {
    const long = `const wide = '${'x'.repeat(300)}';\nconsole.log(wide);\n`;
    // The static view, before any script: every line one line tall, scrolling sideways.
    const plain = await noScript.context.newPage();
    await plain.setViewportSize({ width: 390, height: 900 });
    await plain.goto(server.url + PAGE);
    const still = await plain
      .locator('figure[data-example]')
      .first()
      .evaluate((fig) => {
        const pre = fig.querySelector('pre') as HTMLElement;
        const lines = [...pre.children].map((l) => l.getBoundingClientRect().height);
        const scroller = pre.parentElement as HTMLElement;
        return {
          shortest: Math.min(...lines),
          tallest: Math.max(...lines),
          whiteSpace: getComputedStyle(pre).whiteSpace,
          scroller: getComputedStyle(scroller).overflowX,
          outputWhiteSpace: getComputedStyle(fig.querySelector('[data-example-output]') as HTMLElement).whiteSpace,
        };
      });
    expect(still).toMatchObject({ whiteSpace: 'pre', scroller: 'auto', outputWhiteSpace: 'pre' });
    expect(still.tallest).toBe(still.shortest);
    await plain.close();
    for (const width of [390, 1280]) {
      const page = await open({ width });
      await setCode(page, long);
      await figure(page).getByRole('button', { name: 'Run' }).click();
      await expect.poll(() => output(page).textContent()).toBe('x'.repeat(300));
      const layout = await figure(page).evaluate((fig) => {
        const lineHeight = (fig.querySelector('.cm-line') as HTMLElement).getBoundingClientRect().height;
        const lines = [...fig.querySelectorAll('.cm-line')].map((l) => l.getBoundingClientRect().height);
        const scroller = fig.querySelector('.cm-scroller') as HTMLElement;
        const out = fig.querySelector('[data-example-output]') as HTMLElement;
        return {
          lineHeight,
          tallestLine: Math.max(...lines),
          codeScrolls: scroller.scrollWidth > scroller.clientWidth,
          outputWhiteSpace: getComputedStyle(out).whiteSpace,
          outputScrolls: out.scrollWidth > out.clientWidth,
          pageScrolls: document.documentElement.scrollWidth > document.documentElement.clientWidth,
        };
      });
      expect(layout.tallestLine, `${width}px: a wrapped editor line`).toBe(layout.lineHeight);
      expect(layout).toMatchObject({ codeScrolls: true, outputWhiteSpace: 'pre', outputScrolls: true, pageScrolls: false });
      await page.close();
    }
  });

  it('the page does not move when the editor replaces the static code', async () => {
    for (const width of [390, 1280]) {
      const page = await light.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      // Each example's height as first laid out (the static view), then once every example is live.
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          (window as Window & { staticHeights?: number[] }).staticHeights = [...document.querySelectorAll('figure[data-example]')].map(
            (f) => f.getBoundingClientRect().height,
          );
        });
      });
      await page.goto(server.url + PAGE, { waitUntil: 'load' });
      await goLive(page);
      const count = await page.locator('figure[data-example]').count();
      await expect.poll(() => page.locator('figure[data-live]').count(), { timeout: HANG }).toBe(count);
      const before = await page.evaluate(() => (window as Window & { staticHeights?: number[] }).staticHeights);
      const after = await page.locator('figure[data-example]').evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
      expect(after, `${width}px`).toEqual(before);
      await page.close();
    }
  });
});
