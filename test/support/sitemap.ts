/** The built site's pages, as paths, from its sitemap (the build the browser tests run against). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD = process.env.MEMATTR_BUILD_DIR ?? 'build';

export function sitePaths(): string[] {
  const xml = readFileSync(join(BUILD, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}
