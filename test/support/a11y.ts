/**
 * The axe check of every built page in one theme (test/browser/a11y-light.test.ts and
 * a11y-dark.test.ts, two files so that the two browser-test workers can share them): no serious or
 * critical violation. Pages are checked after hydration as they first load (examples show their
 * static code), and one page again with its live editors loaded, as a reader who reaches for them sees it.
 *
 * The light pass runs every WCAG 2.1 A/AA rule, the dark pass the rules that read colours
 * (test/support/axe.ts says why). Pages are checked a few at a time: axe is CPU-bound in each page's
 * renderer, and the machine has more than one core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { COLOUR_RULES, WCAG_AA_TAGS } from './axe';
import { launchBrowser } from './browser';
import { goLive } from './live-example';
import { type StaticServer, serveStatic } from './static-server';

const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';

function sitePaths(): string[] {
  const xml = readFileSync(join(BUILD, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}

/** A page with several examples, whose live editors are checked. */
const LIVE_PAGE = '/docs/intro';

export function describeAxe(scheme: 'light' | 'dark'): void {
  describe.concurrent(`axe, ${scheme} theme`, () => {
    let server: StaticServer;
    let browser: Awaited<ReturnType<typeof launchBrowser>>;
    beforeAll(async () => {
      server = await serveStatic(BUILD);
      // colorMode.respectPrefersColorScheme is on, so the emulated preference picks the theme.
      browser = await launchBrowser({ colorScheme: scheme });
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /**
     * The theme the page shows, and its serious and critical violations as first loaded or, with
     * `live`, in its live editors.
     */
    async function violations(path: string, live: boolean) {
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url + path, { waitUntil: 'networkidle' });
        const theme = await page.evaluate(() => document.documentElement.dataset.theme);
        if (live) await goLive(page);
        const axe = live ? new AxeBuilder({ page }).include('figure[data-live]') : new AxeBuilder({ page });
        const results = await (scheme === 'light' ? axe.withTags(WCAG_AA_TAGS) : axe.withRules(COLOUR_RULES)).analyze();
        const bad = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({
            rule: v.id,
            impact: v.impact,
            nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
            count: v.nodes.length,
          }));
        return { theme, bad };
      } finally {
        await page.close();
      }
    }

    for (const path of sitePaths()) {
      it(`${path} has no serious or critical violations${scheme === 'dark' ? ' of the colour rules' : ''}`, async ({ expect }) => {
        expect(await violations(path, false)).toEqual({ theme: scheme, bad: [] });
      });
    }

    // The live editors load when a reader reaches for an example; they are the same component on
    // every page, so one page with several examples stands for all.
    it(`the live editors on ${LIVE_PAGE} have no serious or critical violations${scheme === 'dark' ? ' of the colour rules' : ''}`, async ({
      expect,
    }) => {
      expect(await violations(LIVE_PAGE, true)).toEqual({ theme: scheme, bad: [] });
    });
  });
}
