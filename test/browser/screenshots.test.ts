/**
 * Screenshots kept as test artifacts (test-results/screenshots/, gitignored): the landing page in
 * both themes, and for every component the docs use (a directory of src/components named as a JSX
 * tag in docs/**\/*.mdx), the first page that uses it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { type StaticServer, serveStatic } from '../support/static-server';

const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';
const OUT = join('test-results', 'screenshots');

function sitePaths(): Set<string> {
  const xml = readFileSync(join(BUILD, 'sitemap.xml'), 'utf8');
  return new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname.replace(/\/$/, '') || '/'));
}

/** The URL path of a docs page: front-matter slug, else its path under docs/ (index -> folder). */
function docPath(file: string, source: string): string {
  const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const slug = /^slug:\s*['"]?([^'"\n]+)['"]?\s*$/m.exec(front)?.[1];
  if (slug) return `/docs${slug.startsWith('/') ? '' : '/'}${slug}`.replace(/\/$/, '');
  const rel = relative('docs', file).replace(/\.mdx?$/, '');
  return `/docs/${rel.replace(/(^|\/)index$/, '')}`.replace(/\/$/, '');
}

/** Component name -> first docs page (by file name) that renders it. */
function pagePerComponent(): Map<string, string> {
  const components = new Set(
    readdirSync('src/components').filter((d) => /^[A-Z]/.test(d) && statSync(join('src/components', d)).isDirectory()),
  );
  const files = (readdirSync('docs', { recursive: true }) as string[])
    .filter((f) => /\.mdx$/.test(f))
    .map((f) => join('docs', f))
    .sort();
  const pages = new Map<string, string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    for (const [, tag] of source.matchAll(/<([A-Z][A-Za-z0-9]*)[\s/>]/g)) {
      if (tag && components.has(tag) && !pages.has(tag)) pages.set(tag, docPath(file, source));
    }
  }
  return pages;
}

describe('screenshots', () => {
  let server: StaticServer;
  let browsers: Record<'light' | 'dark', Awaited<ReturnType<typeof launchBrowser>>>;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await serveStatic(BUILD);
    browsers = { light: await launchBrowser({ colorScheme: 'light' }), dark: await launchBrowser({ colorScheme: 'dark' }) };
  });
  afterAll(async () => {
    await browsers?.light.close();
    await browsers?.dark.close();
    await server?.close();
  });

  async function shoot(path: string, name: string, scheme: 'light' | 'dark' = 'light'): Promise<void> {
    const page = await browsers[scheme].context.newPage();
    try {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      const file = join(OUT, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size, file).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }

  it('the landing page, light theme', () => shoot('/', 'landing-light'));
  it('the landing page, dark theme', () => shoot('/', 'landing-dark', 'dark'));

  const pages = pagePerComponent();
  const built = sitePaths();
  it('the docs use at least one component, and every page that does is built', () => {
    expect(pages.size).toBeGreaterThan(0);
    for (const [component, path] of pages) expect(built.has(path), `${component} on ${path}`).toBe(true);
  });
  for (const [component, path] of pages) {
    it(`${component} (on ${path})`, () => shoot(path, `component-${component}`));
  }
});
