/**
 * Plain-Node helpers for the scripts that drive the production build in Chromium (no tsx needed):
 * a static server for build/ and Debian's Chromium with its flags (test/support/browser.ts uses them too).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
};

/** Serves `root` on 127.0.0.1; resolves to { url, close }. */
export function serveBuild(root) {
  const server = createServer((req, res) => {
    const clean = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    for (const file of [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean}.html`)]) {
      if (existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) }),
    ),
  );
}

/** Every page of the build, from its sitemap, as paths. */
export function sitePaths(root) {
  const xml = readFileSync(join(root, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
}

/** Debian's Chromium flags for a headless run on this machine (no sandbox as root, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/**
 * In the page (pass it to page.evaluate): scrolls each island (src/components/shared/island.tsx) that
 * does not yet hold React's nodes into view, as a reader reading down the page would, until every one
 * does or `timeoutMs` passes; then scrolls back. An island may start watching the viewport only after
 * it was first scrolled past, so the islands still waiting are visited again. True when all rendered.
 */
export async function renderIslandsInPage(timeoutMs) {
  const rendered = (island) => {
    const first = island.firstElementChild;
    return first !== null && Object.keys(first).some((k) => k.startsWith('__reactFiber'));
  };
  const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const [x, y] = [window.scrollX, window.scrollY];
  const until = performance.now() + timeoutMs;
  let waiting = [...document.querySelectorAll('[data-island]')].filter((i) => !rendered(i));
  while (waiting.length > 0 && performance.now() < until) {
    for (const island of waiting) {
      island.firstElementChild?.scrollIntoView({ block: 'center' });
      // Frames for the island's IntersectionObserver to see it.
      await frames();
    }
    await new Promise((r) => setTimeout(r, 50));
    waiting = waiting.filter((i) => !rendered(i));
  }
  window.scrollTo(x, y);
  return waiting.length === 0;
}
