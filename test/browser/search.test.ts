/**
 * The search box as a kernel person uses it: identifiers typed the way the kernel and the Arm ARM
 * write them (`S2FWB` for FEAT_S2FWB, `ioremap_wc()` with its parentheses, `__iowrite64_copy`) find
 * the pages that discuss them, a guide page first and reference pages after; no suggestion is diagram
 * text (SVG) or example code (an <Example>'s code or output). Runs against the production build.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type StaticServer, serveStatic } from '../support/static-server';

const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';

/** Each query, the word a page must mention to be a right answer, and the page that discusses it most. */
const CASES = [
  { query: 'S2FWB', word: 's2fwb', discussedOn: '/docs/two-stages' },
  { query: 'FEAT_S2FWB', word: 'feat_s2fwb', discussedOn: '/docs/two-stages' },
  { query: 'ioremap_wc()', word: 'ioremap_wc', discussedOn: '/docs/the-change' },
  { query: 'ioremap_wc', word: 'ioremap_wc', discussedOn: '/docs/the-change' },
  { query: '__iowrite64_copy', word: '__iowrite64_copy', discussedOn: '/docs/driver-decides' },
  { query: 'VM_ALLOW_ANY_UNCACHED', word: 'vm_allow_any_uncached', discussedOn: '/docs/the-change' },
] as const;

interface DocPage {
  readonly path: string;
  readonly title: string;
  /** The article's text, lower-cased. */
  readonly text: string;
  /** The text of each diagram (svg) and each example (code and output), whitespace removed. */
  readonly pictures: readonly string[];
}

interface Suggestion {
  /** The excerpt, heading or page title shown. */
  readonly title: string;
  /** Where it is: the breadcrumb path, or the page title for a hit listed under its page. */
  readonly path: string;
}

function docPaths(): string[] {
  const xml = readFileSync(`${BUILD}/sitemap.xml`, 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname).filter((p) => p.startsWith('/docs/'));
}

const squash = (s: string) => s.replace(/[\s\u200b…]+/g, '');

/** Each page as served without JavaScript: the HTML the build wrote, which is what the index is built from. */
async function readPages(server: StaticServer): Promise<DocPage[]> {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.context.newPage();
    const pages: DocPage[] = [];
    for (const path of docPaths()) {
      await page.goto(server.url + path);
      const { title, text, pictures } = await page.evaluate(() => {
        const article = document.querySelector('article');
        if (!article) throw new Error(`no <article> on ${location.pathname}`);
        return {
          title: article.querySelector('h1')?.textContent?.trim() ?? '',
          text: article.textContent ?? '',
          pictures: [...article.querySelectorAll('svg, [data-example]')].map((e) => e.textContent ?? ''),
        };
      });
      pages.push({ path, title, text: text.toLowerCase(), pictures: pictures.map(squash).filter((p) => p !== '') });
    }
    return pages;
  } finally {
    await browser.close();
  }
}

/**
 * The navbar's search box on one landing page, its index loaded once: `suggest()` types a query and
 * returns the suggestions shown. The landing page is not indexed, so the first suggestion always
 * leads somewhere else.
 */
async function searchBox(browser: Awaited<ReturnType<typeof launchBrowser>>, baseUrl: string) {
  const page = await browser.context.newPage();
  const input = page.locator('input.navbar__search-input').first();
  const options = page.locator('[role="listbox"] [role="option"]');
  const atLanding = async () => {
    if (new URL(page.url()).pathname === '/') return;
    await page.goto(`${baseUrl}/`, { waitUntil: 'load' });
  };
  return {
    page,
    input,
    atLanding,
    async suggest(query: string): Promise<Suggestion[]> {
      await atLanding();
      await input.focus();
      // The box becomes a combobox once the index has been fetched and loaded into the worker.
      await page.locator('input.navbar__search-input[role="combobox"]').first().waitFor();
      // The previous query's suggestions go first, so that those read are this query's.
      await input.fill('');
      await options.first().waitFor({ state: 'detached' });
      await input.fill(query);
      await options.first().waitFor({ timeout: 15_000 });
      return options.evaluateAll((els) =>
        els.map((e) => ({
          title: e.querySelector('[class*="hitTitle"]')?.textContent ?? '',
          path: e.querySelector('[class*="hitPath"]')?.textContent ?? '',
        })),
      );
    },
  };
}

/** The page a suggestion belongs to: the one whose title is the suggestion's own title or a step of its path. */
function pageOf(s: Suggestion, pages: readonly DocPage[]): DocPage {
  const steps = new Set([s.title, ...s.path.split(' › ')].map((x) => x.trim()));
  const found = pages.filter((p) => steps.has(p.title));
  if (found.length !== 1) throw new Error(`suggestion ${JSON.stringify(s)} matches ${found.length} page titles`);
  return found[0] as DocPage;
}

describe('search box', () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let pages: DocPage[];
  let box: Awaited<ReturnType<typeof searchBox>>;
  beforeAll(async () => {
    server = await serveStatic(BUILD);
    pages = await readPages(server);
    browser = await launchBrowser();
    box = await searchBox(browser, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('text typed before the search code arrives stays in the box, focused, and gets suggestions', async () => {
    const page = await browser.context.newPage();
    try {
      // Hold every script the page asks for after its load event (the search box's code among them).
      let loaded = false;
      const held: (() => Promise<void>)[] = [];
      await page.route('**/*.js', (route) => {
        if (loaded) held.push(() => route.continue());
        else void route.continue();
      });
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      loaded = true;
      const input = page.locator('input.navbar__search-input').first();
      await input.click();
      await page.keyboard.type('S2FWB');
      await expect(page.locator('input.navbar__search-input[role="combobox"]').count()).resolves.toBe(0);
      loaded = false;
      await Promise.all(held.map((release) => release()));
      const box = page.locator('input.navbar__search-input[role="combobox"]').first();
      await box.waitFor();
      await expect(box.inputValue()).resolves.toBe('S2FWB');
      await expect(box.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
      await page.locator('[role="listbox"] [role="option"]').first().waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
    }
  });

  for (const c of CASES) {
    it(`"${c.query}" finds the pages that mention ${c.word}, ${c.discussedOn} among them and a guide page first`, async () => {
      const suggestions = await box.suggest(c.query);
      const found = suggestions.map((s) => pageOf(s, pages));
      expect(found.length).toBeGreaterThan(0);
      for (const p of found) expect(p.text, `${p.path} was suggested for ${c.query}`).toContain(c.word);
      expect(found.map((p) => p.path)).toContain(c.discussedOn);
      const first = found[0] as DocPage;
      expect(first.path.startsWith('/docs/reference/'), `first suggestion is ${first.path}`).toBe(false);

      // Enter opens the first suggestion, on its page; Back returns to the landing page.
      const start = box.page.url();
      await box.input.press('Enter');
      await box.page.waitForURL((u) => u.href !== start);
      expect(new URL(box.page.url()).pathname).toBe(first.path);
      await box.page.goBack();
      await box.atLanding();
    });

    it(`no suggestion for "${c.query}" is diagram text or example code`, async () => {
      const suggestions = await box.suggest(c.query);
      expect(suggestions.length).toBeGreaterThan(0);
      for (const s of suggestions) {
        const excerpt = squash(s.title);
        const from = pageOf(s, pages).pictures.filter((picture) => picture.includes(excerpt));
        expect(from, `"${s.title}" (${s.path}) is the text of a diagram or an example`).toEqual([]);
      }
    });
  }
});
