/**
 * Every built page, each loaded once (test/browser/every-page-1.test.ts and every-page-2.test.ts,
 * half the sitemap's HTML each, so that the two browser-test workers share them):
 * - it loads with HTTP 200, no console error, no page error and no failed request;
 * - axe finds no serious or critical violation of the WCAG 2.1 A/AA rules in the light theme;
 * - the reader's system then turns dark (Docusaurus follows prefers-color-scheme while no theme has
 *   been picked), and axe finds no serious or critical violation of the rules that read colours
 *   (test/support/axe.ts says why those) in the dark theme;
 * - the window then narrows to a phone's 390 px (test/support/phone-layout.ts): no table column under
 *   40 px, no sideways scrolling of the page, and every table wider than its box shows that it
 *   scrolls. Layout reads no colour, so the dark theme stands for both.
 * One page is also checked with its live editors loaded, as a reader who reaches for them sees it,
 * after a first load in the dark theme. Pages are checked a few at a time: axe is CPU-bound in each
 * page's renderer, and the machine has more than one core.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { axeFor } from './axe';
import { goLive } from './live-example';
import { MIN_COLUMN_PX, narrowCells, overflowingTables, PHONE, sidewaysScroll } from './phone-layout';
import { hydrated, servedSite } from './site';
import { BUILD, sitePaths } from './sitemap';

/** A page with several examples, whose live editors are checked. */
const LIVE_PAGE = '/docs/intro';

type Scheme = 'light' | 'dark';

/** Every problem the page reports from now on: console errors, page errors, failed requests, HTTP errors. */
function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** The system's colour scheme turns to `scheme`; resolves once the page shows it and React has re-rendered. */
async function systemTurns(page: Page, scheme: Scheme): Promise<string | undefined> {
  await page.emulateMedia({ colorScheme: scheme });
  await page.waitForFunction((s) => document.documentElement.dataset.theme === s, scheme, { timeout: 5_000 }).catch(() => undefined);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => document.documentElement.dataset.theme);
}

/**
 * Serious and critical violations in `scheme` (every WCAG A/AA rule in light, the colour rules in
 * dark), in the whole page or, with `live`, in its live editors.
 */
async function violations(page: Page, scheme: Scheme, live: boolean) {
  const results = await axeFor(page, scheme, live ? 'figure[data-live]' : undefined).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
      count: v.nodes.length,
    }));
}

/**
 * The sitemap's pages split into `of` parts of about the same work: axe's time grows with a page's
 * size, so the largest page goes first to the part with the least HTML so far.
 */
function pagesOfPart(part: number, of: number): string[] {
  const size = (path: string) => statSync(join(BUILD, path, 'index.html')).size;
  const parts = Array.from({ length: of }, () => ({ bytes: 0, paths: [] as string[] }));
  for (const path of sitePaths().sort((a, b) => size(b) - size(a))) {
    const lightest = parts.reduce((min, p) => (p.bytes < min.bytes ? p : min));
    lightest.bytes += size(path);
    lightest.paths.push(path);
  }
  return parts[part - 1]?.paths ?? [];
}

/** The checks above for one of `of` parts of the sitemap's pages (1-based), the live editors' in the last. */
export function describeEveryPage(part: number, of: number): void {
  const paths = pagesOfPart(part, of);
  describe.concurrent(`every built page, part ${part} of ${of}`, () => {
    // colorMode.respectPrefersColorScheme is on, so the emulated preference picks the theme.
    const site = servedSite({ colorScheme: 'light' });

    for (const path of paths) {
      it(`${path} loads without errors; axe finds no serious or critical violation in light (every rule) or dark (the colour rules); at 390 px no table column under ${MIN_COLUMN_PX} px, no sideways scroll, and wide tables show they scroll`, async ({
        expect,
      }) => {
        const page = await site.browser.context.newPage();
        try {
          const problems = recordProblems(page);
          const response = await page.goto(site.url + path, { waitUntil: 'networkidle' });
          await hydrated(page);
          const light = {
            theme: await page.evaluate(() => document.documentElement.dataset.theme),
            bad: await violations(page, 'light', false),
          };
          const dark = { theme: await systemTurns(page, 'dark'), bad: await violations(page, 'dark', false) };
          await page.setViewportSize(PHONE);
          const phone = { narrow: await narrowCells(page), sideways: await sidewaysScroll(page) };
          expect({ status: response?.status(), problems, light, dark, phone }).toEqual({
            status: 200,
            problems: [],
            light: { theme: 'light', bad: [] },
            dark: { theme: 'dark', bad: [] },
            phone: { narrow: [], sideways: 0 },
          });
          // A table's cue follows its box's size a frame or more after the resize.
          await expect.poll(async () => (await overflowingTables(page)).filter((t) => !t.cue), { timeout: 10_000 }).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }

    // The live editors load when a reader reaches for an example; they are the same component on
    // every page, so one page with several examples stands for all. This page is first loaded in the
    // dark theme, as a reader whose system prefers it gets it.
    if (part === of) {
      it(`${LIVE_PAGE} first loads dark for a dark system, and axe finds no serious or critical violation in its live editors, dark then light`, async ({
        expect,
      }) => {
        const page = await site.browser.context.newPage();
        try {
          const problems = recordProblems(page);
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.goto(site.url + LIVE_PAGE, { waitUntil: 'networkidle' });
          const firstTheme = await page.evaluate(() => document.documentElement.dataset.theme);
          await hydrated(page);
          await goLive(page);
          const dark = { theme: firstTheme, bad: await violations(page, 'dark', true) };
          const light = { theme: await systemTurns(page, 'light'), bad: await violations(page, 'light', true) };
          expect({ problems, dark, light }).toEqual({ problems: [], dark: { theme: 'dark', bad: [] }, light: { theme: 'light', bad: [] } });
        } finally {
          await page.close();
        }
      });
      it('the sitemap lists the landing page and the docs', ({ expect }) => {
        const all = sitePaths();
        expect(all).toContain('/');
        expect(all.some((p) => p.startsWith('/docs/'))).toBe(true);
      });
    }
  });
}
