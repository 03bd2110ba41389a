/**
 * Where the site is served from, read at build time by docusaurus.config.ts. `canonical`, `og:url` and
 * the sitemap are built from it, so set it for the host the build is deployed to:
 *
 *   MEMATTR_SITE_URL=https://kernel.example.com/memattr/ npx docusaurus build
 *
 * MEMATTR_SITE_URL is the full address of the site's home page; its path becomes Docusaurus's `baseUrl`
 * unless MEMATTR_BASE_URL gives one. Without either, the site is addressed as `npm run serve` serves it.
 */

export const SITE_URL_VARIABLE = 'MEMATTR_SITE_URL';
export const BASE_URL_VARIABLE = 'MEMATTR_BASE_URL';
/** Where `npm run serve` (docusaurus serve) and `npm start` put the site. */
export const DEFAULT_SITE_URL = 'http://localhost:3000/';

export interface SiteLocation {
  /** Docusaurus `url`: scheme and host, no path. */
  readonly url: string;
  /** Docusaurus `baseUrl`: the path, starting and ending with a slash. */
  readonly baseUrl: string;
}

function withSlashes(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The site's `url` and `baseUrl` from the environment; a malformed value fails the build with its name and the reason. */
export function siteLocation(env: Readonly<Record<string, string | undefined>>): SiteLocation {
  const raw = env[SITE_URL_VARIABLE]?.trim() || DEFAULT_SITE_URL;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${SITE_URL_VARIABLE}: "${raw}" is not an absolute URL (expected e.g. https://kernel.example.com/memattr/)`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`${SITE_URL_VARIABLE}: "${raw}" must start with https:// or http://`);
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new Error(`${SITE_URL_VARIABLE}: "${raw}" must not carry a query or a fragment`);
  }
  const base = env[BASE_URL_VARIABLE]?.trim();
  if (base !== undefined && base !== '' && !base.startsWith('/')) {
    throw new Error(`${BASE_URL_VARIABLE}: "${base}" must be a path starting with / (e.g. /memattr/)`);
  }
  return { url: parsed.origin, baseUrl: withSlashes(base || parsed.pathname) };
}
