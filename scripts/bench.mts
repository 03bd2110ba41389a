/**
 * `npm run bench`: the project's speed and weight, measured (never asserted in tests). Writes
 * bench-results/report.json and bench-results/report.md and prints the table.
 *
 *   npm run bench                  everything
 *   npm run bench -- --quick       skip the webpack build, the bare-site comparison, `npm test` and
 *                                  Lighthouse's mobile preset
 *   npm run bench -- --no-build    measure an existing build (build/, or MEMATTR_BUILD_DIR) without
 *                                  building; build figures are then left out
 *
 * Browser figures use Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium); Lighthouse runs
 * behind the compressing static server (test/support/static-server.ts, gzip on).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, launchBrowser } from '../test/support/browser';
import { serveStatic } from '../test/support/static-server';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-results');
// Outside node_modules: Docusaurus does not transpile files under node_modules (the bare site's src/).
const BARE = join(OUT, 'bare-site');
const quick = process.argv.includes('--quick');
const noBuild = process.argv.includes('--no-build');
const SITE = noBuild ? resolve(process.env.MEMATTR_BUILD_DIR ?? join(ROOT, 'build')) : join(ROOT, 'build');

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

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Lighthouse (the npm package, system Chromium) on `paths`, desktop and (unless --quick) mobile. */
async function lighthouseScores(buildDir: string, paths: readonly string[]): Promise<void> {
  const cli = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
  if (!existsSync(cli)) {
    record({ name: 'Lighthouse', value: null, unit: '', note: 'lighthouse is not installed: run npm install' });
    return;
  }
  const server = await serveStatic(buildDir, { gzip: true });
  const tmp = join(OUT, 'lighthouse');
  mkdirSync(tmp, { recursive: true });
  try {
    for (const preset of quick ? (['desktop'] as const) : (['desktop', 'mobile'] as const)) {
      for (const path of paths) {
        const out = join(tmp, `${preset}${path.replace(/\//g, '_') || '_'}.json`);
        rmSync(out, { force: true });
        // Asynchronously: the static server runs in this process and must keep answering.
        const r = await new Promise<{ status: number; stderr: string }>((done) => {
          execFile(
            'node',
            [
              cli,
              server.url + path,
              ...(preset === 'desktop' ? ['--preset=desktop'] : []),
              '--only-categories=performance,accessibility',
              `--chrome-flags=--headless ${CHROMIUM_ARGS.join(' ')}`,
              '--output=json',
              `--output-path=${out}`,
              '--quiet',
            ],
            // Lighthouse's chrome-launcher reads CHROME_PATH.
            { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 240_000, maxBuffer: 1 << 26 },
            (error, _stdout, stderr) => done({ status: error ? 1 : 0, stderr: String(stderr) }),
          );
        });
        if (r.status !== 0 || !existsSync(out)) {
          record({ name: `Lighthouse ${preset} ${path}`, value: null, unit: '', note: `failed: ${r.stderr.slice(-300)}` });
          continue;
        }
        const lhr = JSON.parse(readFileSync(out, 'utf8')) as {
          categories: Record<string, { score: number | null; auditRefs?: { id: string }[] }>;
          audits: Record<string, { numericValue?: number; score: number | null }>;
        };
        const score = (c: string) => Math.round((lhr.categories[c]?.score ?? Number.NaN) * 100);
        const perf = score('performance');
        const a11y = score('accessibility');
        const ms = (a: string) => Math.round(lhr.audits[a]?.numericValue ?? Number.NaN);
        // Accessibility audits that fail (score 0), whether or not they carry weight in the score.
        const failing = (lhr.categories.accessibility?.auditRefs ?? []).map((ref) => ref.id).filter((id) => lhr.audits[id]?.score === 0);
        const desktop = preset === 'desktop';
        record({
          name: `Lighthouse ${preset} performance, ${path}`,
          value: perf,
          unit: '/100',
          ...(desktop ? { budget: '>= 95 (aim)', holds: perf >= 95 } : {}),
          note: `FCP ${ms('first-contentful-paint')} ms, LCP ${ms('largest-contentful-paint')} ms, TBT ${ms('total-blocking-time')} ms, CLS ${lhr.audits['cumulative-layout-shift']?.numericValue?.toFixed(3)}`,
        });
        record({
          name: `Lighthouse ${preset} accessibility, ${path}`,
          value: a11y,
          unit: '/100',
          ...(desktop ? { budget: '100 (aim)', holds: a11y === 100 } : {}),
          ...(failing.length > 0 ? { note: `failing audits: ${failing.join(', ')}` } : {}),
        });
      }
    }
  } finally {
    await server.close();
  }
}

// In-page scripts as plain JavaScript strings: functions compiled by tsx would carry its __name helper.

/**
 * Replaces the first live example's code with `code` as an input event would (the edit), clicks Run,
 * and resolves with the ms from the edit until the output shows `marker`.
 */
const LIVE_RUN = `async ([code, marker]) => {
  const figure = document.querySelector('[data-live]');
  const textarea = figure.querySelector('textarea');
  const output = figure.querySelector('[data-example-output]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
  const shown = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (output.textContent.includes(marker)) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(output, { childList: true, subtree: true, characterData: true });
  });
  const t0 = performance.now();
  setValue.call(textarea, code);
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  [...figure.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run').click();
  return (await shown) - t0;
}`;

/** combine() for every stage-1 byte x stage-2 nibble x FWB off/on: [ms, answers]. */
const MODEL_MATRIX = `() => {
  const { combine } = memattrModel;
  const t0 = performance.now();
  let n = 0;
  for (const fwb of [false, true])
    for (let s1Mair = 0; s1Mair < 256; s1Mair++)
      for (let s2MemAttr = 0; s2MemAttr < 16; s2MemAttr++) if (combine({ s1Mair, s2MemAttr, fwb })) n++;
  return [performance.now() - t0, n];
}`;

/** Clicks the CombineMatrix's FWB box; resolves with ms until the table shows the new setting and has painted. */
const FWB_TOGGLE = `async () => {
  const table = document.querySelector('table[data-fwb]');
  const fwb = [...table.closest('figure').querySelectorAll('fieldset label')].find((l) => l.textContent.includes('FWB')).querySelector('input');
  const before = table.dataset.fwb;
  const t0 = performance.now();
  fwb.click();
  await new Promise((resolve) => {
    (function wait() {
      if (table.dataset.fwb !== before) resolve();
      else requestAnimationFrame(wait);
    })();
  });
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return performance.now() - t0;
}`;

/**
 * Edit-to-output latency of the first live example on `path`: add a line to the editor's code, press
 * Run, and time (in the page) from the edit to the output showing the new line. The first run
 * (which starts the worker) is reported apart; the figure is the median of 20 runs after it.
 */
async function liveLatency(buildDir: string, path: string): Promise<void> {
  const server = await serveStatic(buildDir, { gzip: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    const editor = page.locator('[data-live] textarea').first();
    try {
      await editor.waitFor({ state: 'attached', timeout: 15_000 });
    } catch {
      record({
        name: `live example edit-to-output (${path})`,
        value: null,
        unit: 'ms',
        note: 'no live example ([data-live] textarea) on the page',
      });
      return;
    }
    const original = await editor.inputValue();
    const once = async (i: number): Promise<number> => {
      const marker = `bench run ${i}`;
      const code = `${original}\nconsole.log(${JSON.stringify(marker)});`;
      return page.evaluate<number>(`(${LIVE_RUN})(${JSON.stringify([code, marker])})`);
    };
    const first = await once(0);
    const runs: number[] = [];
    for (let i = 1; i <= 20; i++) runs.push(await once(i));
    const med = median(runs);
    record({ name: `live example first run, worker start-up included (${path})`, value: round(first), unit: 'ms' });
    record({
      name: `live example edit-to-output, median of 20 (${path})`,
      value: round(med),
      unit: 'ms',
      budget: '<= 100 ms',
      holds: med <= 100,
      note: `min ${round(Math.min(...runs))}, max ${round(Math.max(...runs))}`,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The public model API as one IIFE script (global `memattrModel`), built with Vite for the page. */
async function modelBundle(): Promise<string> {
  const { build: viteBuild } = await import('vite');
  const out = await viteBuild({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry: join(ROOT, 'src', 'model', 'index.ts'), formats: ['iife'], name: 'memattrModel', fileName: 'memattr-model' },
    },
  });
  const first = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
  const chunk = first.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('vite produced no chunk');
  return chunk.code;
}

/**
 * The whole stage-1 x stage-2 matrix in the browser, three ways: the model alone (combine() for all
 * 256 x 16 x 2 inputs, in a page of the built site); and the CombineMatrix component recomputing and
 * painting after an FWB toggle, with its usual rows and with every defined MAIR byte shown (time from
 * the click until the table shows the new setting and a frame has been painted). Medians of 10, after
 * one warm-up.
 */
async function matrixTime(buildDir: string, paths: readonly string[]): Promise<void> {
  const server = await serveStatic(buildDir, { gzip: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.addScriptTag({ content: await modelBundle() });
    const model: [number, number][] = [];
    for (let i = 0; i < 11; i++) model.push(await page.evaluate<[number, number]>(`(${MODEL_MATRIX})()`));
    const modelMed = median(model.slice(1).map(([ms]) => ms));
    record({
      name: `stage-1 x stage-2 matrix, model only: combine() x ${model[0]?.[1]} (256 x 16 x FWB off/on) in the page, median of 10`,
      value: round(modelMed),
      unit: 'ms',
      budget: '<= 50 ms',
      holds: modelMed <= 50,
      note: `first (cold) ${round(model[0]?.[0] ?? Number.NaN)} ms`,
    });

    let found: string | null = null;
    for (const path of paths) {
      await page.goto(server.url + path, { waitUntil: 'networkidle' });
      if ((await page.locator('table[data-fwb]').count()) > 0) {
        found = path;
        break;
      }
    }
    if (found === null) {
      record({ name: 'CombineMatrix FWB toggle', value: null, unit: 'ms', note: 'no CombineMatrix (table[data-fwb]) on any page' });
      return;
    }
    const toggles = async (label: string) => {
      const cells = await page.locator('table[data-fwb]').first().locator('button[data-s1]').count();
      const times: number[] = [];
      for (let i = 0; i < 11; i++) times.push(await page.evaluate<number>(`(${FWB_TOGGLE})()`));
      const med = median(times.slice(1));
      record({
        name: `CombineMatrix FWB toggle, ${label}: recompute and paint of ${cells} cells, median of 10 (${found})`,
        value: round(med),
        unit: 'ms',
        budget: '<= 50 ms',
        holds: med <= 50,
        note: `first toggle ${round(times[0] as number)} ms`,
      });
    };
    await toggles('usual rows');
    const showAll = page.getByLabel(/Show all/).first();
    if ((await showAll.count()) > 0) {
      await showAll.check();
      await toggles('every defined MAIR byte');
    }
  } finally {
    await browser.close();
    await server.close();
  }
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

  if (!noBuild && !build('faster', ROOT, 'memattr')) process.exitCode = 1;
  const paths = sitemapPaths(SITE).filter((p) => p !== '/search');
  const weights = await pageWeight(SITE, paths);
  const docs = [...weights].filter(([p]) => p.startsWith('/docs/'));
  const [heaviestPath, heaviest] = docs.reduce((a, b) => (b[1] > a[1] ? b : a));
  record({ name: 'landing page weight (gzip JS+CSS until load)', value: weights.get('/') ?? null, unit: 'B' });
  record({ name: `heaviest docs page weight (${heaviestPath})`, value: heaviest, unit: 'B' });

  await lighthouseScores(SITE, ['/', heaviestPath]);
  await liveLatency(SITE, '/docs/intro');
  await matrixTime(SITE, paths);

  if (!quick) {
    if (!noBuild) {
      build('webpack', ROOT, 'memattr');
      build('faster', ROOT, 'memattr');
    }
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
    (f) =>
      `| ${f.name} | ${f.value ?? 'n/a'} ${f.unit} | ${f.budget ?? ''} | ${f.budget ? (f.holds ? 'holds' : 'missed') : ''} | ${(f.note ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
  );
  const md = ['| figure | value | budget | status | note |', '|---|---|---|---|---|', ...rows].join('\n');
  writeFileSync(join(OUT, 'report.json'), `${JSON.stringify({ date: new Date().toISOString(), quick, figures }, null, 2)}\n`);
  writeFileSync(join(OUT, 'report.md'), `${md}\n`);
  console.log(`\n${md}\n\nwritten: bench-results/report.json, bench-results/report.md`);
}

await main();
