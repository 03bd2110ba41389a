/**
 * The built site served over HTTP and a fresh Chromium, for the tests of one describe block: started
 * before its first test, closed after its last. Call it in the describe block's body.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { renderIslandsInPage } from '../../scripts/lib/site.mjs';
import { launchBrowser } from './browser';
import { BUILD } from './sitemap';
import { type StaticServer, serveStatic } from './static-server';

export interface ServedSite {
  /** The site's origin, e.g. http://127.0.0.1:41234 (valid from beforeAll on). */
  readonly url: string;
  readonly browser: Awaited<ReturnType<typeof launchBrowser>>;
}

export function servedSite(options: Parameters<typeof launchBrowser>[0] = {}): ServedSite {
  let server: StaticServer | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  beforeAll(async () => {
    server = await serveStatic(BUILD);
    browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('servedSite(): the site starts in beforeAll; use it inside a test');
    return value;
  };
  return {
    get url() {
      return started(server).url;
    },
    get browser() {
      return started(browser);
    },
  };
}

/**
 * Resolves once React has hydrated the page: Docusaurus enables its colour-mode switch then, and every
 * island (src/components/shared/island.tsx, rendered once the reader comes near it) holds React's own
 * nodes. Each island is scrolled into view in turn, as a reader reading down the page would, and the
 * page is scrolled back to where it was.
 */
export async function hydrated(page: Page): Promise<void> {
  // Attached, not visible: on a phone the switch sits in the closed sidebar menu.
  await page
    .locator('button[aria-label^="Switch between dark and light mode"]:not([disabled])')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 });
  const done = await page.evaluate(renderIslandsInPage, 30_000);
  if (!done) throw new Error('hydrated(): an island did not render within 30 s of being scrolled into view');
}
