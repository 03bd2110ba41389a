#!/usr/bin/env node
/**
 * Screenshots of the production build, kept as artifacts for review (not a test: a picture passes
 * nothing). Every page in the sitemap at 1280 and 390 px wide, light and dark, full page, into
 * test-results/screenshots/ (gitignored):
 *
 *   node scripts/screenshots.mjs [--build build] [--out test-results/screenshots] [--only /docs/intro]
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, serveBuild, sitePaths } from './lib/site.mjs';

const { values: args } = parseArgs({
  options: {
    build: { type: 'string', default: process.env.MEMATTR_BUILD_DIR ?? 'build' },
    out: { type: 'string', default: join('test-results', 'screenshots') },
    only: { type: 'string' },
  },
});
const BUILD = resolve(args.build);
mkdirSync(args.out, { recursive: true });
const server = await serveBuild(BUILD);
const browser = await launchChromium();
let count = 0;
try {
  for (const scheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      for (const path of sitePaths(BUILD).filter((p) => !args.only || p === args.only)) {
        await page.goto(server.url + path, { waitUntil: 'networkidle' });
        const name = `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'landing'}-${width}-${scheme}.png`;
        await page.screenshot({ path: join(args.out, name), fullPage: true });
        count++;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${count} screenshots in ${args.out}`);
