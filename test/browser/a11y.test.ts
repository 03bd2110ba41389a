/**
 * Every built page passes axe (WCAG 2 A and AA rules) with no serious or critical violation, in the
 * light and the dark theme. Pages are checked after hydration, with every example's live editor
 * loaded, so editors and components are checked as readers see them.
 *
 * The light pass runs every WCAG 2.1 A/AA rule, the dark pass the rules that read colours
 * (test/support/axe.ts says why). Pages are checked a few at a time: axe is CPU-bound in each page's
 * renderer, and the machine has more than one core.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { COLOUR_RULES, WCAG_AA_TAGS } from '../support/axe';
import { launchBrowser } from '../support/browser';
import { goLive } from '../support/live-example';
import { type StaticServer, serveStatic } from '../support/static-server';

const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';

function sitePaths(): string[] {
  const xml = readFileSync(join(BUILD, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}

for (const scheme of ['light', 'dark'] as const) {
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

    for (const path of sitePaths()) {
      it(`${path} has no serious or critical violations${scheme === 'dark' ? ' of the colour rules' : ''}`, async ({ expect }) => {
        const page = await browser.context.newPage();
        try {
          await page.goto(server.url + path, { waitUntil: 'networkidle' });
          // The live editors too, as a reader who reaches for the examples sees them.
          await goLive(page);
          await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe(scheme);
          const axe = new AxeBuilder({ page });
          const results = await (scheme === 'light' ? axe.withTags(WCAG_AA_TAGS) : axe.withRules(COLOUR_RULES)).analyze();
          const bad = results.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({
              rule: v.id,
              impact: v.impact,
              nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
              count: v.nodes.length,
            }));
          expect(bad).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }
  });
}
