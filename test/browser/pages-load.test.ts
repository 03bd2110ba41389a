import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type StaticServer, serveStatic } from '../support/static-server';

/** Every page in the built sitemap, as a path. */
function sitePaths(): string[] {
  const xml = readFileSync('build/sitemap.xml', 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}

describe('every built page', () => {
  let server: StaticServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await serveStatic('build');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const paths = sitePaths();
  it('the sitemap lists the landing page and the docs', () => {
    expect(paths).toContain('/');
    expect(paths.some((p) => p.startsWith('/docs/'))).toBe(true);
  });

  for (const path of paths) {
    it(`${path} loads with no console errors and no failed requests`, async () => {
      const page = await browser.context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      const response = await page.goto(server.url + path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy();
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
