/**
 * `npm run bench`: the project's speed and weight, measured (never asserted in tests). Writes
 * bench-results/report.json and bench-results/report.md and prints the table.
 *
 *   npm run bench                  everything
 *   npm run bench -- --quick       skip the webpack build, the bare-site comparison and `npm test`
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/support/browser';
import { serveStatic } from '../test/support/static-server';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-results');
const BARE = join(ROOT, 'node_modules', '.cache', 'memattr-bench', 'bare-site');
const quick = process.argv.includes('--quick');

interface Figure {
  readonly name: string;
  readonly value: number | null;
  readonly unit: string;
  readonly budget?: string;
  readonly holds?: boolean;
  readonly note?: string;
}
const figures: Figure[] = [];

function record(f: Figure): void {
  figures.push(f);
  const budget = f.budget ? `  (budget ${f.budget}: ${f.holds ? 'holds' : 'MISSED'})` : '';
  console.log(`${f.name}: ${f.value ?? 'n/a'} ${f.unit}${budget}${f.note ? ` — ${f.note}` : ''}`);
}

/** Runs a command, returning wall seconds and the peak resident set of its largest process (MB). */
function timed(cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const useTime = existsSync('/usr/bin/time');
  const t0 = performance.now();
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-f', '__PEAK_KB__ %M', cmd, ...args], { ...options, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { ...options, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  const peak = /__PEAK_KB__ (\d+)/.exec(r.stderr ?? '');
  return { seconds, peakMb: peak ? Number(peak[1]) / 1024 : null, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function batchThroughput(): void {
  const make = (n: number) =>
    `${Array.from({ length: n }, (_, i) => JSON.stringify({ op: 'combine', s1Mair: i % 256, s2MemAttr: i % 16, fwb: i % 3 === 0 })).join('\n')}\n`;
  const small = timed('node', ['bin/memattr.mjs', 'batch'], { cwd: ROOT, input: make(10_000) });
  record({
    name: 'memattr batch, 10,000 combine lines (wall, incl. start-up)',
    value: round(small.seconds, 2),
    unit: 's',
    budget: '< 3 s',
    holds: small.seconds < 3,
  });
  const big = timed('node', ['bin/memattr.mjs', 'batch'], { cwd: ROOT, input: make(100_000) });
  const answered = big.stdout.split('\n').filter((l) => l !== '').length;
  const rate = answered / big.seconds;
  record({
    name: 'memattr batch throughput, 100,000 lines',
    value: Math.round(rate),
    unit: 'lines/s',
    budget: '>= 10,000',
    holds: rate >= 10_000 && answered === 100_000,
  });
  record({ name: 'memattr batch peak memory, 100,000 lines', value: big.peakMb === null ? null : round(big.peakMb), unit: 'MB' });
}

function build(bundler: 'faster' | 'webpack', cwd: string, label: string): boolean {
  const env = { ...process.env, BUILD_BUNDLER: bundler === 'webpack' ? 'webpack' : '', npm_config_loglevel: 'error' };
  rmSync(join(cwd, '.docusaurus'), { recursive: true, force: true });
  rmSync(join(cwd, 'node_modules', '.cache'), { recursive: true, force: true, maxRetries: 2 });
  const r = timed('npx', ['docusaurus', 'build'], { cwd, env });
  if (r.status !== 0) {
    record({ name: `${label} build (${bundler})`, value: null, unit: 's', note: `failed: ${r.stderr.slice(-300)}` });
    return false;
  }
  record({
    name: `${label} production build, ${bundler === 'faster' ? 'Docusaurus Faster (Rspack)' : 'webpack'}`,
    value: round(r.seconds),
    unit: 's',
  });
  record({ name: `${label} build peak memory, ${bundler}`, value: r.peakMb === null ? null : Math.round(r.peakMb), unit: 'MB' });
  return true;
}

/** gzip bytes of the JS and CSS a page fetches until its load event. */
async function pageWeight(buildDir: string, paths: string[]): Promise<Map<string, number>> {
  const server = await serveStatic(buildDir);
  const browser = await launchBrowser();
  const weights = new Map<string, number>();
  try {
    for (const path of paths) {
      const page = await browser.context.newPage();
      const bodies: Promise<number>[] = [];
      let loaded = false;
      page.on('response', (res) => {
        const type = res.request().resourceType();
        if (loaded || (type !== 'script' && type !== 'stylesheet')) return;
        bodies.push(
          res.body().then(
            (b) => gzipSync(b, { level: 9 }).length,
            () => 0,
          ),
        );
      });
      await page.goto(server.url + path, { waitUntil: 'load' });
      loaded = true;
      const sizes = await Promise.all(bodies);
      weights.set(
        path,
        sizes.reduce((a, b) => a + b, 0),
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return weights;
}

function sitemapPaths(buildDir: string): string[] {
  const xml = readFileSync(join(buildDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}

/** A bare create-docusaurus@3.10.2 classic TypeScript site, built with the same future flags. */
function bareSite(): string | null {
  if (!existsSync(join(BARE, 'node_modules'))) {
    mkdirSync(join(BARE, '..'), { recursive: true });
    rmSync(BARE, { recursive: true, force: true });
    const scaffold = spawnSync('npx', ['--yes', 'create-docusaurus@3.10.2', 'bare-site', 'classic', '--typescript', '--skip-install'], {
      cwd: join(BARE, '..'),
      encoding: 'utf8',
    });
    if (scaffold.status !== 0) return null;
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: BARE, encoding: 'utf8' });
    if (install.status !== 0) return null;
  }
  // Same future flags as docusaurus.config.ts: the template already ships { v4: true }.
  const config = readFileSync(join(BARE, 'docusaurus.config.ts'), 'utf8');
  if (!/future:\s*{\s*v4: true/.test(config)) return null;
  return BARE;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  console.log('memattr bench (2-core machine; expect 10-20 % noise)\n');
  batchThroughput();

  if (!build('faster', ROOT, 'memattr')) process.exitCode = 1;
  const paths = sitemapPaths(join(ROOT, 'build')).filter((p) => p !== '/search');
  const weights = await pageWeight(join(ROOT, 'build'), paths);
  const docs = [...weights].filter(([p]) => p.startsWith('/docs/'));
  const [heaviestPath, heaviest] = docs.reduce((a, b) => (b[1] > a[1] ? b : a));
  record({ name: 'landing page weight (gzip JS+CSS until load)', value: weights.get('/') ?? null, unit: 'B' });
  record({ name: `heaviest docs page weight (${heaviestPath})`, value: heaviest, unit: 'B' });

  if (!quick) {
    build('webpack', ROOT, 'memattr');
    build('faster', ROOT, 'memattr');
    const bare = bareSite();
    if (bare && build('faster', bare, 'bare Docusaurus 3.10.2')) {
      const bareWeight = (await pageWeight(join(bare, 'build'), ['/docs/intro'])).get('/docs/intro') ?? 0;
      const ratio = heaviest / bareWeight;
      record({ name: 'bare Docusaurus 3.10.2 /docs/intro weight', value: bareWeight, unit: 'B' });
      record({ name: 'heaviest docs page / bare docs/intro', value: round(ratio, 2), unit: 'x', budget: '<= 1.3x', holds: ratio <= 1.3 });
    } else {
      record({
        name: 'bare Docusaurus 3.10.2 /docs/intro weight',
        value: null,
        unit: 'B',
        note: 'could not scaffold or build the bare site',
      });
    }
    const test = timed('npm', ['test'], { cwd: ROOT, env: { ...process.env, npm_config_loglevel: 'error' } });
    record({ name: 'npm test wall time', value: round(test.seconds), unit: 's', note: test.status === 0 ? 'passed' : 'FAILED' });
  }

  const rows = figures.map(
    (f) => `| ${f.name} | ${f.value ?? 'n/a'} ${f.unit} | ${f.budget ?? ''} | ${f.budget ? (f.holds ? 'holds' : 'missed') : ''} |`,
  );
  const md = ['| figure | value | budget | status |', '|---|---|---|---|', ...rows].join('\n');
  writeFileSync(join(OUT, 'report.json'), `${JSON.stringify({ date: new Date().toISOString(), quick, figures }, null, 2)}\n`);
  writeFileSync(join(OUT, 'report.md'), `${md}\n`);
  console.log(`\n${md}\n\nwritten: bench-results/report.json, bench-results/report.md`);
}

await main();
