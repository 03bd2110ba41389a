/**
 * Islands (src/components/shared/island.tsx): the interactive components are rendered by the server
 * and hydrated after the page's load event. On the components page, which shows them all: none of
 * their code is among the scripts fetched before `load`, each island shows its server HTML in every
 * frame until React's own nodes replace it, and afterwards each holds React's nodes. On every page
 * the server's HTML of each island is in place as written. On a phone an island far down the page
 * waits for the reader to come near it, and keeps the keyboard focus it already had. After a
 * client-side navigation the islands render their components as the page renders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/phone-layout';
import { hydrated, servedSite } from '../support/site';
import { BUILD, sitePaths } from '../support/sitemap';

/** Text found only in each component's own code (a label it renders), none of it in the page's prose. */
const CODE_OF = {
  CombineMatrix: 'Matrix options',
  Timeline: 'memattr-access',
  ScenarioBuilder: 'Scenario builder',
  MairDecoder: 'MAIR attribute byte decoder',
} as const;

/** The components (CODE_OF) whose code is in the given scripts of the build. */
function componentsIn(scripts: readonly string[]): string[] {
  const code = scripts.map((p) => readFileSync(join(BUILD, p), 'utf8'));
  return Object.entries(CODE_OF)
    .filter(([, text]) => code.some((c) => c.includes(text)))
    .map(([name]) => name);
}

/** The paths of the scripts the page has fetched so far. */
function scriptsFetched(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js')),
  );
}

/** Whether an island holds React's nodes (its component has rendered), not the server's HTML. */
const reactRendered = (island: Locator) =>
  island.evaluate((i) => Object.keys(i.firstElementChild ?? {}).some((k) => k.startsWith('__reactFiber')));

interface IslandLog {
  /** Scripts whose responses had ended when the load event fired. */
  atLoad: string[];
  /** Per animation frame from the first: whether each island showed its content (a first element with a height), and whether it was React's. */
  frames: { shown: boolean; react: boolean }[][];
}

describe('islands', () => {
  const site = servedSite();

  /** The components page loaded at phone size, and the MAIR decoder's island, far down it. */
  async function decoderOnPhone(page: Page): Promise<Locator> {
    await page.setViewportSize(PHONE);
    await page.goto(`${site.url}/docs/reference/components`, { waitUntil: 'load' });
    return page.locator('[data-island]', { has: page.getByLabel(CODE_OF.MairDecoder) });
  }

  it('the components page fetches no component code before its load event, and every island shows its server HTML in every frame until React renders it', async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.addInitScript(() => {
        const w = window as unknown as { __islands: IslandLog };
        w.__islands = { atLoad: [], frames: [] };
        const tick = () => {
          const frame = [...document.querySelectorAll('[data-island]')].map((i) => ({
            shown: i.firstElementChild !== null && i.firstElementChild.getBoundingClientRect().height > 0,
            react: i.firstElementChild !== null && Object.keys(i.firstElementChild).some((k) => k.startsWith('__reactFiber')),
          }));
          w.__islands.frames.push(frame);
          // Until every island holds React's nodes.
          if (frame.length === 0 || !frame.every((i) => i.react)) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        addEventListener('load', () => {
          w.__islands.atLoad = performance
            .getEntriesByType('resource')
            .map((e) => new URL(e.name).pathname)
            .filter((p) => p.endsWith('.js'));
        });
      });
      await page.goto(`${site.url}/docs/reference/components`, { waitUntil: 'load' });
      await hydrated(page);
      const rec = await page.evaluate(() => (window as unknown as { __islands: IslandLog }).__islands);
      const early = componentsIn(rec.atLoad);
      expect(rec.atLoad.length).toBeGreaterThan(0);
      expect(early, 'components whose code was fetched before load').toEqual([]);
      // The frames drawn while the page loads and hydrates: each island always showed its content.
      const drawn = rec.frames.filter((f) => f.length > 0);
      expect(drawn.length).toBeGreaterThan(0);
      const empty = drawn.filter((f) => f.some((i) => !i.shown)).length;
      expect(empty, 'frames with an island showing nothing').toBe(0);
      expect(drawn.at(-1)?.every((i) => i.react)).toBe(true);
      // And the code arrived after load: the page now holds each component's code.
      const fetched = componentsIn(await scriptsFetched(page));
      expect(fetched).toEqual(Object.keys(CODE_OF));
    } finally {
      await page.close();
    }
  });

  it("on a phone, an island far below the viewport stays the server's HTML, its code not fetched, until the reader scrolls near it", async () => {
    const page = await site.browser.context.newPage();
    try {
      const decoder = await decoderOnPhone(page);
      // The first island is within a screen's height of the top: it renders after load.
      await expect.poll(() => reactRendered(page.locator('[data-island]').first()), { timeout: 30_000 }).toBe(true);
      const top = await decoder.evaluate((i) => (i.firstElementChild as Element).getBoundingClientRect().top);
      expect(top).toBeGreaterThan(2 * PHONE.height);
      await expect(reactRendered(decoder)).resolves.toBe(false);
      expect(componentsIn(await scriptsFetched(page))).not.toContain('MairDecoder');
      await decoder.evaluate((i) => i.firstElementChild?.scrollIntoView({ block: 'center' }));
      await expect.poll(() => reactRendered(decoder), { timeout: 30_000 }).toBe(true);
      expect(componentsIn(await scriptsFetched(page))).toContain('MairDecoder');
    } finally {
      await page.close();
    }
  });

  it("the keyboard focus on a control in an island's server HTML stays on that control when the component replaces it", async () => {
    const page = await site.browser.context.newPage();
    try {
      const decoder = await decoderOnPhone(page);
      const input = decoder.locator('input').first();
      const label = await input.evaluate((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? e.getAttribute('aria-label'));
      expect(label).toBeTruthy();
      await expect(input.evaluate((e) => Object.keys(e).some((k) => k.startsWith('__reactFiber')))).resolves.toBe(false);
      // As Tab would: the focus lands on the server's HTML, and the island loads its component.
      await input.focus();
      await expect
        .poll(() => decoder.evaluate((i) => Object.keys(i.firstElementChild ?? {}).some((k) => k.startsWith('__reactFiber'))), {
          timeout: 30_000,
        })
        .toBe(true);
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLInputElement | null;
        return {
          react: e !== null && Object.keys(e).some((k) => k.startsWith('__reactFiber')),
          inIsland: e?.closest('[data-island]') !== null,
          label: e?.labels?.[0]?.textContent ?? e?.getAttribute('aria-label') ?? null,
        };
      });
      expect(focused).toEqual({ react: true, inIsland: true, label });
    } finally {
      await page.close();
    }
  });

  it("every page's HTML holds each island's markup in place, with no part left for a script to move in", () => {
    // React's server renderer writes a Suspense boundary it moved out of place as a <template id="B:n">
    // and the boundary's content as a hidden <div id="S:n"> at the end of the body.
    const pages = sitePaths().map((path) => ({ path, html: readFileSync(join(BUILD, path, 'index.html'), 'utf8') }));
    const withIslands = pages.filter((p) => p.html.includes('data-island'));
    expect(withIslands.length).toBeGreaterThan(1);
    const moved = pages.filter((p) => /<template id="?B:|<div hidden id="?S:/.test(p.html)).map((p) => p.path);
    expect(moved).toEqual([]);
  });

  it('after a client-side navigation the islands of the page reached render their components', async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.goto(`${site.url}/docs/intro`, { waitUntil: 'load' });
      await hydrated(page);
      // Navigate in the app, as a sidebar link does.
      await page.evaluate(() => {
        window.history.pushState(null, '', '/docs/reference/components');
        window.dispatchEvent(new PopStateEvent('popstate'));
      });
      await page
        .locator('h1', { hasText: /components/i })
        .first()
        .waitFor();
      await hydrated(page);
      await expect(page.locator('[data-island] table[data-fwb] button').count()).resolves.toBeGreaterThan(0);
      await expect(page.locator('[data-island] [aria-label="MAIR attribute byte decoder"]').count()).resolves.toBe(1);
    } finally {
      await page.close();
    }
  });
});
