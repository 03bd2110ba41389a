/**
 * The site's address follows MEMATTR_SITE_URL (and MEMATTR_BASE_URL): the config reads it, and the
 * built sitemap, `canonical` and `og:url` use it. The build is checked against the environment these
 * tests run in (the default when neither variable is set).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE_URL_VARIABLE, DEFAULT_SITE_URL, SITE_URL_VARIABLE, siteLocation } from '../../src/site-url';

const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';

describe('siteLocation', () => {
  it('defaults to where npm run serve puts the site', () => {
    expect(siteLocation({})).toEqual({ url: 'http://localhost:3000', baseUrl: '/' });
    expect(DEFAULT_SITE_URL).toBe('http://localhost:3000/');
  });

  it('takes the host and the path from MEMATTR_SITE_URL', () => {
    expect(siteLocation({ [SITE_URL_VARIABLE]: 'https://kernel.example.com' })).toEqual({
      url: 'https://kernel.example.com',
      baseUrl: '/',
    });
    expect(siteLocation({ [SITE_URL_VARIABLE]: 'https://kernel.example.com/memattr' })).toEqual({
      url: 'https://kernel.example.com',
      baseUrl: '/memattr/',
    });
    expect(siteLocation({ [SITE_URL_VARIABLE]: 'https://user.github.io/memattr/' })).toEqual({
      url: 'https://user.github.io',
      baseUrl: '/memattr/',
    });
  });

  it('lets MEMATTR_BASE_URL set the path', () => {
    expect(siteLocation({ [SITE_URL_VARIABLE]: 'https://kernel.example.com/', [BASE_URL_VARIABLE]: '/docs/memattr' })).toEqual({
      url: 'https://kernel.example.com',
      baseUrl: '/docs/memattr/',
    });
  });

  it('names the variable and the reason when a value is malformed', () => {
    expect(() => siteLocation({ [SITE_URL_VARIABLE]: 'kernel.example.com' })).toThrow(/^MEMATTR_SITE_URL: .* not an absolute URL/);
    expect(() => siteLocation({ [SITE_URL_VARIABLE]: 'ftp://kernel.example.com/' })).toThrow(
      /^MEMATTR_SITE_URL: .* https:\/\/ or http:\/\//,
    );
    expect(() => siteLocation({ [SITE_URL_VARIABLE]: 'https://kernel.example.com/?x=1' })).toThrow(
      /^MEMATTR_SITE_URL: .* query or a fragment/,
    );
    expect(() => siteLocation({ [BASE_URL_VARIABLE]: 'memattr/' })).toThrow(/^MEMATTR_BASE_URL: .* starting with \//);
  });
});

describe('docusaurus.config.ts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('takes url and baseUrl from the environment', async () => {
    vi.stubEnv(SITE_URL_VARIABLE, 'https://kernel.example.com/memattr/');
    vi.resetModules();
    const { default: config } = await import('../../docusaurus.config');
    expect({ url: config.url, baseUrl: config.baseUrl }).toEqual({ url: 'https://kernel.example.com', baseUrl: '/memattr/' });
  });
});

describe('the built site', () => {
  const { url, baseUrl } = siteLocation(process.env);
  const root = `${url}${baseUrl}`;
  const locs = [...readFileSync(join(BUILD, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);

  it(`lists every page in the sitemap under ${root}`, () => {
    expect(locs.length).toBeGreaterThan(10);
    for (const loc of locs) expect(loc.startsWith(root), loc).toBe(true);
    expect(locs).toContain(`${root}docs/intro`);
  });

  it('gives each page a canonical link and og:url at its own address', () => {
    for (const loc of locs) {
      const file = join(BUILD, loc.slice(root.length), 'index.html');
      const html = readFileSync(file, 'utf8');
      const canonical = /<link[^>]*rel=["']?canonical["']?[^>]*href=["']?([^"' >]+)/.exec(html)?.[1];
      const ogUrl = /<meta[^>]*property=["']?og:url["']?[^>]*content=["']?([^"' >]+)/.exec(html)?.[1];
      expect({ loc, canonical, ogUrl }).toEqual({ loc, canonical: loc, ogUrl: loc });
    }
  });
});
