/**
 * Keyboard-only use of the built site: Tab reaches the search box, the docs sidebar and the main
 * content; the skip link moves focus into the content; a live example on /docs/intro can be reached,
 * edited and run without a mouse.
 */

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../support/site';

const _BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';

/** Where the focused element is: its region of the page and a short description. */
async function focused(page: Page): Promise<{ region: string; tag: string; text: string; inLive: boolean; editor: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { region: 'body', tag: 'body', text: '', inLive: false, editor: false };
    const region = el.closest('.navbar__search, [class*="searchBar"]')
      ? 'search'
      : el.closest('nav[aria-label="Docs sidebar"], .theme-doc-sidebar-container')
        ? 'sidebar'
        : el.closest('main article, main .theme-doc-markdown, main')
          ? 'main'
          : el.closest('nav.navbar')
            ? 'navbar'
            : 'other';
    return {
      region,
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      inLive: el.closest('[data-live]') !== null,
      // The live editor (CodeMirror's editable content).
      editor: el.classList.contains('cm-content'),
    };
  });
}

/** Presses Tab until `stop` holds for the focused element, or `limit` presses. */
async function tabUntil(page: Page, stop: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 150) {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    seen.push(`${f.region}:${f.tag}:${f.text}`);
    if (stop(f)) return { found: f, seen };
  }
  return { found: null, seen };
}

describe('keyboard-only use', () => {
  const site = servedSite();

  async function open(path: string): Promise<Page> {
    const page = await site.browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(site.url + path, { waitUntil: 'networkidle' });
    return page;
  }

  it('Tab from the top of /docs/intro reaches the search box, then the sidebar, then the main content', async () => {
    const page = await open('/docs/intro');
    const order: string[] = [];
    for (const region of ['search', 'sidebar', 'main']) {
      const { found, seen } = await tabUntil(page, (f) => f.region === region);
      expect(found, `Tab never reached the ${region}; focus went: ${seen.join(' | ')}`).not.toBeNull();
      order.push(region);
    }
    expect(order).toEqual(['search', 'sidebar', 'main']);
    await page.close();
  });

  it('the skip link is the first Tab stop and moves focus to the main content', async () => {
    const page = await open('/docs/intro');
    await page.keyboard.press('Tab');
    const first = await focused(page);
    expect(first.text.toLowerCase()).toContain('skip to main content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page)).region).toBe('main');
    await page.close();
  });

  it('a search typed in the search box opens a result page with Enter', async () => {
    const page = await open('/docs/intro');
    const { found } = await tabUntil(page, (f) => f.region === 'search' && f.tag === 'input');
    expect(found).not.toBeNull();
    await page.keyboard.type('stage');
    await page.locator('[role="option"]').first().waitFor({ state: 'visible' });
    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL((url) => url.pathname !== '/docs/intro' || url.hash !== ''), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
    await page.close();
  });

  it('a live example on /docs/intro is reached by Tab, edited and run with the keyboard alone', async () => {
    // The editor loads when the focus reaches the example's static code, and takes the focus.
    const page = await open('/docs/intro');
    const { found, seen } = await tabUntil(page, (f) => f.inLive && f.editor);
    expect(found, `Tab never reached a live editor; focus went: ${seen.join(' | ')}`).not.toBeNull();
    // Pin the example that has focus now (a :focus selector would stop matching once focus moves on).
    const index = await page.evaluate(() =>
      [...document.querySelectorAll('[data-live]')].findIndex((e) => e.contains(document.activeElement)),
    );
    const output = page.locator('[data-live]').nth(index).locator('[data-example-output]');
    const before = (await output.textContent()) ?? '';

    // Type a new last line; Esc releases Tab, Shift+Tab goes back to the Run button; Enter runs.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type("console.log('first, by keyboard');");
    await page.keyboard.press('Escape');
    for (let i = 0; i < 5 && (await focused(page)).text !== 'Run'; i++) await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Run');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await output.textContent()) ?? '', { timeout: 20_000 }).toContain('first, by keyboard');
    expect(before).not.toContain('first, by keyboard');

    // Tab forward into the editor again, add a line and run it with Ctrl+Enter.
    const back = await tabUntil(page, (f) => f.inLive && f.editor, 5);
    expect(back.found, back.seen.join(' | ')).not.toBeNull();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type("console.log('second, by keyboard');");
    await page.keyboard.press('Control+Enter');
    await expect.poll(async () => (await output.textContent()) ?? '', { timeout: 20_000 }).toContain('second, by keyboard');
    await page.close();
  });
});
