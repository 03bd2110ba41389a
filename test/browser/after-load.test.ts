/**
 * The work a page does while and once it has loaded. Docusaurus prefetches the page a Link leads to
 * when the link comes into view (its IntersectionObserver); the closed phone menu's sidebar links
 * must not count as in view, or every docs page prefetches every page of the sidebar in one long
 * main-thread task right after `load` (src/css/custom.css, the menu's panels). Prism is not part of
 * a page's load (src/components/shared/prism.ts): the code on a first load is the server's, and
 * Prism arrives when the reader first reaches for the page, or when a page reached in the app needs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { prismLight } from '../../src/css/prism-light';
import { computedColour, themeColour } from '../support/colours';
import { PHONE } from '../support/phone-layout';
import { hydrated, servedSite } from '../support/site';
import { BUILD } from '../support/sitemap';

/** Records the href of every link in the phone menu that an IntersectionObserver reports in view. */
async function recordMenuLinksSeen(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { menuLinksSeen: seen });
    const Observer = window.IntersectionObserver;
    window.IntersectionObserver = class extends Observer {
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        super((entries, observer) => {
          for (const e of entries) {
            if (e.isIntersecting && e.target instanceof HTMLAnchorElement && e.target.closest('.navbar-sidebar')) {
              seen.push(e.target.getAttribute('href') ?? '');
            }
          }
          callback(entries, observer);
        }, options);
      }
    };
  });
}

const menuLinksSeen = (page: Page) => page.evaluate(() => [...(window as unknown as { menuLinksSeen: string[] }).menuLinksSeen]);
const prefetched = (page: Page) => page.evaluate(() => document.querySelectorAll('link[rel="prefetch"]').length);

/** Whether the build's script at `path` holds Prism (its grammar helper `insertBefore`, a property in Prism's own code). */
const holdsPrism = (path: string) => /[,{]insertBefore[:(]/.test(readFileSync(join(BUILD, path), 'utf8'));

/** Scripts the page has fetched that hold Prism. */
async function prismScripts(page: Page): Promise<string[]> {
  const scripts: string[] = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js')),
  );
  return scripts.filter(holdsPrism);
}

/** The first highlighted token of the page's first code block: its classes and its colour. */
const firstToken = (page: Page) =>
  page.evaluate(() => {
    const token = document.querySelector('.theme-code-block .token:not(.plain)');
    return token && { classes: [...token.classList], colour: getComputedStyle(token).color };
  });

describe('Prism', () => {
  const site = servedSite();

  /** /docs/memory-types (its code block has no highlighted token), loaded and hydrated. */
  async function openMemoryTypes(page: Page): Promise<void> {
    await page.goto(`${site.url}/docs/memory-types`, { waitUntil: 'load' });
    await hydrated(page);
  }

  /** Follows the in-app link to /docs/intro (whose code block has highlighted tokens): a pointer click, or a click event with no pointer before it. */
  async function toIntro(page: Page, how: 'click' | 'event'): Promise<void> {
    const link = page.locator('.pagination-nav__link--prev[href="/docs/intro"]');
    await (how === 'click' ? link.click() : link.dispatchEvent('click'));
    await page.waitForURL('**/docs/intro');
  }

  /** The first highlighted token has the light theme's colour for its classes. */
  async function expectThemeColour(page: Page): Promise<void> {
    const token = await firstToken(page);
    expect(token?.colour).toBe(await computedColour(page, themeColour(prismLight, token?.classes ?? [])));
  }

  it("is not among a page's scripts at load; the reader's first pointer fetches it; a page then reached in the app has its code highlighted", async () => {
    const page = await site.browser.context.newPage();
    try {
      await openMemoryTypes(page);
      await page.waitForTimeout(500);
      expect(await prismScripts(page)).toEqual([]);
      await page.mouse.move(200, 300);
      await expect.poll(() => prismScripts(page)).not.toEqual([]);
      await toIntro(page, 'click');
      // The URL changes as the navigation starts; the page renders once its chunks are in.
      await expect.poll(() => firstToken(page)).not.toBeNull();
      await expectThemeColour(page);
    } finally {
      await page.close();
    }
  });

  it('a page reached in the app before Prism has loaded shows its code, highlighted once Prism arrives', async () => {
    const page = await site.browser.context.newPage();
    try {
      await openMemoryTypes(page);
      // A click with no pointer movement before it: nothing has asked for Prism yet.
      expect(await prismScripts(page)).toEqual([]);
      await toIntro(page, 'event');
      await expect.poll(() => page.locator('.theme-code-block code').first().textContent()).toContain('npx memattr scenario');
      await expect.poll(async () => (await firstToken(page))?.classes.includes('parameter') ?? false).toBe(true);
      await expectThemeColour(page);
    } finally {
      await page.close();
    }
  });

  it("with Prism's chunk unreachable (offline), a page reached in the app shows its code as plain text, and no error escapes", async () => {
    const page = await site.browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    try {
      await page.route('**/*.js', (route) => (holdsPrism(new URL(route.request().url()).pathname) ? route.abort() : route.continue()));
      await openMemoryTypes(page);
      await page.mouse.move(200, 300);
      await toIntro(page, 'click');
      await expect.poll(() => page.locator('.theme-code-block code').first().textContent()).toContain('npx memattr scenario --kernel');
      expect(await page.locator('.theme-code-block code .token:not(.plain)').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('after load, on a phone', () => {
  const site = servedSite();

  it("the closed menu's sidebar links are not seen as in view and prefetch nothing; opened, they are", async () => {
    const page = await site.browser.context.newPage();
    try {
      await page.setViewportSize(PHONE);
      await recordMenuLinksSeen(page);
      await page.goto(`${site.url}/docs/intro`, { waitUntil: 'load' });
      await hydrated(page);
      // Docusaurus has switched the closed menu to its sidebar panel (the switch that used to slide the links across the screen).
      await page.locator('.navbar-sidebar__items--show-secondary').waitFor({ state: 'attached' });
      await page.waitForTimeout(500);
      expect(await menuLinksSeen(page)).toEqual([]);
      const before = await prefetched(page);

      await page.getByRole('button', { name: 'Toggle navigation bar' }).click();
      await expect.poll(() => menuLinksSeen(page)).toContain('/docs/glossary');
      await expect.poll(() => prefetched(page)).toBeGreaterThan(before);
    } finally {
      await page.close();
    }
  });
});
