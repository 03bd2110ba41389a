/**
 * `npm run bench`: the project's speed and weight, measured against its budgets (never asserted in
 * tests). Writes bench-results/report.json and bench-results/report.md and prints both tables.
 *
 *   npm run bench                     everything
 *   npm run bench -- --quick          skip the webpack build, Lighthouse and `npm test`
 *   npm run bench -- --no-build       measure an existing build (build/, or MEMATTR_BUILD_DIR) and the
 *                                     bare site's existing build; build times are then left out
 *   npm run bench -- --pages=/docs/intro,/docs/claims   per-page figures for these pages only
 *   npm run bench -- --lighthouse-runs=5                Lighthouse runs per page (default 3)
 *   npm run bench -- --no-test        leave out `npm test`'s wall time
 *
 * Per page (every page in the sitemap): gzip bytes of the JS and CSS fetched until `load`, as a ratio
 * to a bare create-docusaurus@3.10.2 classic TypeScript site's /docs/intro built in the same run
 * (budget 1.15x), and the Lighthouse mobile performance score, median of N runs, against the bare
 * page's median in the same run, runs interleaved (budget: at most 2 points below).
 * Also: the live example's edit-to-output time and the longest frame gap while an example floods its
 * output; the model's whole stage-1 x stage-2 matrix in the page; and, from scripts that other parts of
 * the project own, each when present (otherwise "not measured (script missing)"):
 *   scripts/bench-interactions.mjs   time of every control (Event Timing and frame gaps, budget 50 ms)
 *   scripts/bench-cli.mjs            CLI cold start beside `node -e 0`, and `memattr batch` throughput
 *   scripts/mutation-score.mjs       Stryker's mutation score per file (needs reports/mutation/mutation.json), imported
 * Their last line of output, when it is JSON, becomes figures here.
 *
 * The machine has 2 shared cores: the load average is printed first and last, and Lighthouse runs are
 * interleaved with the bare site's so that both see the same load. Browser figures use Debian's
 * Chromium (CHROMIUM_PATH, default /usr/bin/chromium); Lighthouse and the browser figures are served
 * gzip-compressed as a production host would (test/support/static-server.ts).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/support/browser';
import { serveStatic } from '../test/support/static-server';
import { CHROMIUM_ARGS } from './lib/site.mjs';
import { DEFAULT_MIN, mutationScores } from './mutation-score.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-results');
// Outside node_modules: Docusaurus does not transpile files under node_modules (the bare site's src/).
const BARE = join(OUT, 'bare-site');
const BARE_PAGE = '/docs/intro';
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const noBuild = argv.includes('--no-build');
const noTest = argv.includes('--no-test');
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const onlyPages = option('pages')
  ?.split(',')
  .filter((p) => p !== '');
const LIGHTHOUSE_RUNS = Number(option('lighthouse-runs') ?? 3);
const SITE = noBuild ? resolve(process.env.MEMATTR_BUILD_DIR ?? join(ROOT, 'build')) : join(ROOT, 'build');

/** Budgets (issue 12 and 13). */
const WEIGHT_BUDGET = 1.15;
const LIGHTHOUSE_SLACK = 2;
const FRAME_GAP_BUDGET_MS = 100;

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

interface PageRow {
  path: string;
  weight: number | null;
  ratio: number | null;
  lighthouse: number[];
}
const pageRows = new Map<string, PageRow>();
let bareWeight: number | null = null;
const bareLighthouse: number[] = [];

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
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

/** A bare create-docusaurus@3.10.2 classic TypeScript site (its template's future flags: v4, which turns Faster on). */
function bareSite(): string | null {
  if (!existsSync(join(BARE, 'node_modules'))) {
    mkdirSync(OUT, { recursive: true });
    rmSync(BARE, { recursive: true, force: true });
    const scaffold = spawnSync('npx', ['--yes', 'create-docusaurus@3.10.2', 'bare-site', 'classic', '--typescript', '--skip-install'], {
      cwd: OUT,
      encoding: 'utf8',
    });
    if (scaffold.status !== 0) return null;
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: BARE, encoding: 'utf8' });
    if (install.status !== 0) return null;
  }
  const config = readFileSync(join(BARE, 'docusaurus.config.ts'), 'utf8');
  if (!/future:\s*{\s*v4: true/.test(config)) return null;
  return BARE;
}

function sitemapPaths(buildDir: string): string[] {
  const xml = readFileSync(join(buildDir, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
}

/** gzip bytes (level 9) of the JS and CSS each page fetches until its load event. */
async function pageWeights(buildDir: string, paths: readonly string[]): Promise<Map<string, number>> {
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
const LIGHTHOUSE_CLI = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');

interface LighthouseResult {
  readonly performance: number;
  readonly accessibility: number | null;
  readonly note: string;
  readonly failing: readonly string[];
}

/** One Lighthouse run (the npm package, system Chromium) against `url`; null when it fails. */
async function lighthouse(url: string, preset: 'mobile' | 'desktop', out: string, categories: string): Promise<LighthouseResult | string> {
  rmSync(out, { force: true });
  // Asynchronously: the static server runs in this process and must keep answering.
  const r = await new Promise<{ status: number; stderr: string }>((done) => {
    execFile(
      'node',
      [
        LIGHTHOUSE_CLI,
        url,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        `--only-categories=${categories}`,
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
  if (r.status !== 0 || !existsSync(out)) return `failed: ${r.stderr.slice(-300)}`;
  const lhr = JSON.parse(readFileSync(out, 'utf8')) as {
    categories: Record<string, { score: number | null; auditRefs?: { id: string }[] }>;
    audits: Record<string, { numericValue?: number; score: number | null }>;
  };
  const score = (c: string) => (lhr.categories[c] ? Math.round((lhr.categories[c]?.score ?? Number.NaN) * 100) : null);
  const ms = (a: string) => Math.round(lhr.audits[a]?.numericValue ?? Number.NaN);
  return {
    performance: score('performance') ?? Number.NaN,
    accessibility: score('accessibility'),
    note: `FCP ${ms('first-contentful-paint')} ms, LCP ${ms('largest-contentful-paint')} ms, TBT ${ms('total-blocking-time')} ms, CLS ${lhr.audits['cumulative-layout-shift']?.numericValue?.toFixed(3)}`,
    failing: (lhr.categories.accessibility?.auditRefs ?? []).map((ref) => ref.id).filter((id) => lhr.audits[id]?.score === 0),
  };
}

/**
 * Lighthouse mobile performance of every page and of the bare site's /docs/intro, LIGHTHOUSE_RUNS
 * rounds, each round the bare page first and then every page, so both sides see the same load.
 */
async function lighthouseMobile(buildDir: string, bareDir: string | null, paths: readonly string[]): Promise<void> {
  const ours = await serveStatic(buildDir, { gzip: true });
  const bare = bareDir ? await serveStatic(bareDir, { gzip: true }) : null;
  const tmp = join(OUT, 'lighthouse');
  mkdirSync(tmp, { recursive: true });
  try {
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run++) {
      console.log(`Lighthouse mobile, round ${run} of ${LIGHTHOUSE_RUNS} (load ${load()})`);
      if (bare) {
        const r = await lighthouse(bare.url + BARE_PAGE, 'mobile', join(tmp, `bare-mobile-${run}.json`), 'performance');
        if (typeof r === 'string') console.log(`  bare ${BARE_PAGE}: ${r}`);
        else bareLighthouse.push(r.performance);
      }
      for (const path of paths) {
        const r = await lighthouse(
          ours.url + path,
          'mobile',
          join(tmp, `mobile${path.replace(/\//g, '_') || '_'}-${run}.json`),
          'performance',
        );
        if (typeof r === 'string') console.log(`  ${path}: ${r}`);
        else pageRows.get(path)?.lighthouse.push(r.performance);
      }
    }
  } finally {
    await ours.close();
    await bare?.close();
  }
}

/** Lighthouse desktop (performance and accessibility) of the landing page and the heaviest page, once each. */
async function lighthouseDesktop(buildDir: string, paths: readonly string[]): Promise<void> {
  const server = await serveStatic(buildDir, { gzip: true });
  const tmp = join(OUT, 'lighthouse');
  mkdirSync(tmp, { recursive: true });
  try {
    for (const path of paths) {
      const r = await lighthouse(
        server.url + path,
        'desktop',
        join(tmp, `desktop${path.replace(/\//g, '_') || '_'}.json`),
        'performance,accessibility',
      );
      if (typeof r === 'string') {
        record({ name: `Lighthouse desktop ${path}`, value: null, unit: '', note: r });
        continue;
      }
      record({ name: `Lighthouse desktop performance, ${path}`, value: r.performance, unit: '/100', note: r.note });
      record({
        name: `Lighthouse desktop accessibility, ${path}`,
        value: r.accessibility,
        unit: '/100',
        budget: '100 (aim)',
        holds: r.accessibility === 100,
        ...(r.failing.length > 0 ? { note: `failing audits: ${r.failing.join(', ')}` } : {}),
      });
    }
  } finally {
    await server.close();
  }
}

// In-page scripts as plain JavaScript strings: functions compiled by tsx would carry its __name helper.

/** The first live example: its figure, editable area and Run button, once the live editor has loaded. */
const LIVE_EDITOR = `document.querySelector('[data-live]')`;

/**
 * Replaces the first live example's code with \`code\` as a reader's paste would (CodeMirror's
 * contenteditable: select all, insert text), clicks Run, and resolves with the ms from the edit until
 * the output shows \`marker\`.
 */
const LIVE_RUN = `async ([code, marker]) => {
  const figure = ${LIVE_EDITOR};
  const content = figure.querySelector('.cm-content');
  const output = figure.querySelector('[data-example-output]');
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
  content.focus();
  document.execCommand('selectAll');
  document.execCommand('insertText', false, code);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  [...figure.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run').click();
  return (await shown) - t0;
}`;

/** The first live example's code, line by line as CodeMirror draws it. */
const LIVE_CODE = `() => [...${LIVE_EDITOR}.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\\n')`;

/** Records animation-frame timestamps on window.__frames from now on. */
const FRAME_PROBE = `() => {
  window.__frames = [];
  const tick = (t) => {
    window.__frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}`;

/**
 * The longest gap between two animation frames since FRAME_PROBE, and the page's height. Waits for two
 * more frames first, so that a freeze still going on when this is called is counted.
 */
const FRAME_GAPS = `async () => {
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const f = window.__frames;
  let longest = 0;
  for (let i = 1; i < f.length; i++) longest = Math.max(longest, f[i] - f[i - 1]);
  return [longest, document.documentElement.scrollHeight, f.length];
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

/** The first page (of `paths`) with an example, loaded until its live editor is in place; null if none. */
async function pageWithLiveExample(page: import('playwright-core').Page, base: string, paths: readonly string[]): Promise<string | null> {
  for (const path of paths) {
    await page.goto(base + path, { waitUntil: 'load' });
    if ((await page.locator('[data-example], [data-live]').count()) === 0) continue;
    // The editor loads when the reader reaches for an example.
    await page.locator('[data-example]').first().dispatchEvent('pointerover');
    await page.locator('[data-live]').first().waitFor({ state: 'attached', timeout: 15_000 });
    return path;
  }
  return null;
}

/**
 * Edit-to-output latency of the first live example: add a line to the editor's code, press Run, and
 * time (in the page) from the edit to the output showing the new line. The first run (which starts the
 * worker) is reported apart; the figure is the median of 20 runs after it.
 */
async function liveLatency(buildDir: string, paths: readonly string[]): Promise<void> {
  const server = await serveStatic(buildDir, { gzip: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    const path = await pageWithLiveExample(page, server.url, paths).catch(() => null);
    const editor = page.locator('[data-live] .cm-content').first();
    if (path === null || (await editor.count()) === 0) {
      record({
        name: 'live example edit-to-output',
        value: null,
        unit: 'ms',
        note: 'no live example with an editor ([data-live] .cm-content)',
      });
      return;
    }
    const original = await page.evaluate<string>(`(${LIVE_CODE})()`);
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

/** Code a reader might paste that floods the output (issue 12: 1,000,000 array elements; 200,000 lines). */
const FLOODS = [
  { label: '1,000,000-element array', code: 'const a = Array.from({ length: 1_000_000 }, (_, i) => i);\nconsole.log(a);\n' },
  { label: '200,000 lines', code: "for (let i = 0; i < 200_000; i++) console.log('line', i);\n" },
] as const;

/**
 * The longest frame gap while a live example floods its output: paste the code into the editor as a
 * reader would (focus, select all, insert text), press Run, and record animation frames for 8 s (the
 * run limit is 2 s; drawing the output comes after). A frame that is late because the page froze is
 * counted when it finally comes.
 */
async function floodFrameGap(buildDir: string, paths: readonly string[]): Promise<void> {
  const server = await serveStatic(buildDir, { gzip: true });
  const browser = await launchBrowser();
  try {
    for (const flood of FLOODS) {
      const page = await browser.context.newPage();
      const name = `output flood (${flood.label}): longest frame gap after Run`;
      try {
        const path = await pageWithLiveExample(page, server.url, paths);
        if (path === null) {
          record({ name, value: null, unit: 'ms', note: 'no page with a live example' });
          continue;
        }
        const live = page.locator('[data-live]').first();
        await live.locator('.cm-content').first().click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.insertText(flood.code);
        await page.evaluate(`(${FRAME_PROBE})()`);
        await live.getByRole('button', { name: /^Run/ }).first().click();
        await page.waitForTimeout(8000);
        const [gap, height, frames] = await page.evaluate<[number, number, number]>(`(${FRAME_GAPS})()`);
        record({
          name: `${name} (${path})`,
          value: round(gap),
          unit: 'ms',
          budget: `<= ${FRAME_GAP_BUDGET_MS} ms`,
          holds: gap <= FRAME_GAP_BUDGET_MS,
          note: `${frames} frames recorded; page height afterwards ${height} px`,
        });
      } catch (e) {
        record({ name, value: null, unit: 'ms', note: `failed: ${e instanceof Error ? e.message.split('\n')[0] : e}` });
      } finally {
        await page.close();
      }
    }
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

/** The model alone in a page of the built site: combine() for all 256 x 16 x 2 inputs, median of 10 after one warm-up. */
async function modelMatrix(buildDir: string): Promise<void> {
  const server = await serveStatic(buildDir, { gzip: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`, { waitUntil: 'load' });
    await page.addScriptTag({ content: await modelBundle() });
    const model: [number, number][] = [];
    for (let i = 0; i < 11; i++) model.push(await page.evaluate<[number, number]>(`(${MODEL_MATRIX})()`));
    const med = median(model.slice(1).map(([ms]) => ms));
    record({
      name: `stage-1 x stage-2 matrix, model only: combine() x ${model[0]?.[1]} (256 x 16 x FWB off/on) in the page, median of 10`,
      value: round(med),
      unit: 'ms',
      budget: '<= 50 ms',
      holds: med <= 50,
      note: `first (cold) ${round(model[0]?.[0] ?? Number.NaN)} ms`,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Runs `node scripts/<script> ...args` when the script exists, echoes its output, and returns its last
 * line parsed as JSON (null when the script is missing, fails, or ends without JSON).
 */
function helperScript(label: string, script: string, args: readonly string[], precondition?: () => string | null): unknown {
  const file = join(ROOT, 'scripts', script);
  if (!existsSync(file)) {
    record({ name: label, value: null, unit: '', note: `not measured (script missing: scripts/${script})` });
    return null;
  }
  const missing = precondition?.() ?? null;
  if (missing !== null) {
    record({ name: label, value: null, unit: '', note: `not measured (${missing})` });
    return null;
  }
  console.log(`\n-- ${label}: node scripts/${script} ${args.join(' ')}`);
  const r = spawnSync('node', [file, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = (r.stdout ?? '').trimEnd().split('\n');
  console.log(lines.slice(0, -1).join('\n'));
  if (r.status !== 0) {
    record({ name: label, value: null, unit: '', note: `scripts/${script} failed (exit ${r.status ?? r.signal})` });
    return null;
  }
  try {
    return JSON.parse(lines.at(-1) ?? '');
  } catch {
    console.log(lines.at(-1));
    record({ name: label, value: null, unit: '', note: `scripts/${script} ended without a JSON line; its output is above` });
    return null;
  }
}

/** Every numeric leaf of a JSON value as a figure: `label: a.b.c`. */
function recordNumbers(label: string, value: unknown, path = ''): void {
  if (typeof value === 'number') record({ name: `${label}: ${path || 'value'}`, value: value, unit: '' });
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) recordNumbers(label, v, path ? `${path}.${k}` : k);
}

function interactions(buildDir: string): void {
  const label = 'interaction times (scripts/bench-interactions.mjs)';
  const out = helperScript(label, 'bench-interactions.mjs', ['--build', buildDir]) as {
    budgetMs?: number;
    controls?: Record<string, number>;
  } | null;
  if (!out) return;
  const budget = out.budgetMs ?? 50;
  if (!out.controls) {
    recordNumbers(label, out);
    return;
  }
  for (const [control, ms] of Object.entries(out.controls)) {
    record({ name: `interaction: ${control}`, value: round(ms), unit: 'ms', budget: `<= ${budget} ms`, holds: ms <= budget });
  }
}

function cli(): void {
  const out = helperScript('CLI cold start and batch throughput (scripts/bench-cli.mjs)', 'bench-cli.mjs', []);
  if (out) recordNumbers('CLI', out);
}

/** The areas issue 13 holds to the per-file target; other model files are reported without one. */
const MUTATION_TARGET_AREAS = ['src/model/arm64/', 'src/model/linux/', 'src/model/scenario/'];

/** Stryker's score per file from the last `npm run mutate` (scripts/mutation-score.mjs reads the report). */
function mutationScore(): void {
  const report = join(ROOT, 'reports', 'mutation', 'mutation.json');
  if (!existsSync(report)) {
    record({ name: 'mutation score', value: null, unit: '', note: 'not measured (no Stryker report: run npm run mutate first)' });
    return;
  }
  const rows = mutationScores(JSON.parse(readFileSync(report, 'utf8')));
  for (const r of rows) {
    if (r.score === null) continue;
    const targeted = MUTATION_TARGET_AREAS.some((a) => r.file.startsWith(a));
    record({
      name: `mutation score ${r.file}`,
      value: round(r.score),
      unit: '%',
      ...(targeted ? { budget: `>= ${DEFAULT_MIN} %`, holds: r.score >= DEFAULT_MIN } : {}),
      note: `${r.detected}/${r.valid} logic mutants detected${r.disabled ? `, ${r.disabled} disabled as equivalent` : ''}`,
    });
  }
}

function recordPages(): void {
  const bareMedian = bareLighthouse.length > 0 ? median(bareLighthouse) : null;
  record({ name: `bare Docusaurus 3.10.2 ${BARE_PAGE} weight (gzip JS+CSS until load)`, value: bareWeight, unit: 'B' });
  if (!quick)
    record({
      name: `bare Docusaurus 3.10.2 ${BARE_PAGE} Lighthouse mobile performance, median of ${bareLighthouse.length}`,
      value: bareMedian,
      unit: '/100',
      note: `runs ${bareLighthouse.join(', ')}`,
    });
  for (const row of pageRows.values()) {
    record({
      name: `weight ${row.path} / bare ${BARE_PAGE}`,
      value: row.ratio === null ? null : round(row.ratio, 3),
      unit: 'x',
      budget: `<= ${WEIGHT_BUDGET}x`,
      holds: row.ratio !== null && row.ratio <= WEIGHT_BUDGET,
      note: `${row.weight} B`,
    });
    if (quick) continue;
    const med = row.lighthouse.length > 0 ? median(row.lighthouse) : null;
    record({
      name: `Lighthouse mobile performance ${row.path}, median of ${row.lighthouse.length}`,
      value: med,
      unit: '/100',
      budget:
        bareMedian === null ? 'bare site not measured' : `>= ${bareMedian - LIGHTHOUSE_SLACK} (bare ${bareMedian} - ${LIGHTHOUSE_SLACK})`,
      holds: med !== null && bareMedian !== null && med >= bareMedian - LIGHTHOUSE_SLACK,
      note: `runs ${row.lighthouse.join(', ')}`,
    });
  }
}

function pageTable(): string {
  const bareMedian = bareLighthouse.length > 0 ? median(bareLighthouse) : null;
  const rows = [...pageRows.values()].map((r) => {
    const med = r.lighthouse.length > 0 ? median(r.lighthouse) : null;
    const weightOk = r.ratio !== null && r.ratio <= WEIGHT_BUDGET;
    const lhOk = med !== null && bareMedian !== null && med >= bareMedian - LIGHTHOUSE_SLACK;
    return `| ${r.path} | ${r.weight ?? 'n/a'} | ${r.ratio === null ? 'n/a' : r.ratio.toFixed(3)} ${weightOk ? 'holds' : 'MISSED'} | ${
      quick ? 'not run' : `${med ?? 'n/a'} (${r.lighthouse.join(', ')}) ${lhOk ? 'holds' : 'MISSED'}`
    } |`;
  });
  return [
    `Per page, against bare Docusaurus 3.10.2 ${BARE_PAGE}: ${bareWeight ?? 'n/a'} B; Lighthouse mobile ${
      quick ? 'not run' : `${bareMedian ?? 'n/a'} (${bareLighthouse.join(', ')})`
    }. Budgets: weight <= ${WEIGHT_BUDGET}x, Lighthouse >= bare - ${LIGHTHOUSE_SLACK}.`,
    '',
    '| page | gzip JS+CSS until load (B) | / bare | Lighthouse mobile perf, median (runs) |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const startLoad = load();
  console.log(`memattr bench (2-core machine, shared: expect noise). Load average at start: ${startLoad}\n`);

  if (!noBuild && !build('faster', ROOT, 'memattr')) process.exitCode = 1;
  const bare = bareSite();
  const bareBuilt =
    bare !== null && (noBuild ? existsSync(join(bare, 'build', 'index.html')) : build('faster', bare, 'bare Docusaurus 3.10.2'));
  if (!bareBuilt) record({ name: 'bare Docusaurus 3.10.2 site', value: null, unit: '', note: 'could not scaffold or build it' });
  const bareBuild = bareBuilt ? join(bare as string, 'build') : null;

  const allPaths = sitemapPaths(SITE);
  const paths = onlyPages ? allPaths.filter((p) => onlyPages.includes(p)) : allPaths;
  const weights = await pageWeights(SITE, paths);
  bareWeight = bareBuild ? ((await pageWeights(bareBuild, [BARE_PAGE])).get(BARE_PAGE) ?? null) : null;
  for (const path of paths) {
    const weight = weights.get(path) ?? null;
    pageRows.set(path, { path, weight, ratio: weight !== null && bareWeight ? weight / bareWeight : null, lighthouse: [] });
  }

  if (!quick) {
    await lighthouseMobile(SITE, bareBuild, paths);
    const heaviest = [...pageRows.values()].reduce((a, b) => ((b.weight ?? 0) > (a.weight ?? 0) ? b : a));
    await lighthouseDesktop(SITE, [...new Set(['/', heaviest.path])]);
  }
  recordPages();

  await liveLatency(SITE, allPaths);
  await floodFrameGap(SITE, allPaths);
  await modelMatrix(SITE);
  interactions(SITE);
  cli();
  mutationScore();

  if (!quick) {
    if (!noBuild) {
      build('webpack', ROOT, 'memattr');
      build('faster', ROOT, 'memattr');
    }
    if (!noTest) {
      const test = timed('npm', ['test'], { cwd: ROOT, env: { ...process.env, npm_config_loglevel: 'error' } });
      record({ name: 'npm test wall time', value: round(test.seconds), unit: 's', note: test.status === 0 ? 'passed' : 'FAILED' });
    }
  }

  const endLoad = load();
  const rows = figures.map(
    (f) =>
      `| ${f.name} | ${f.value ?? 'n/a'} ${f.unit} | ${f.budget ?? ''} | ${f.budget ? (f.holds ? 'holds' : 'missed') : ''} | ${(f.note ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`,
  );
  const md = [
    `Measured ${new Date().toISOString()}; load average (1, 5, 15 min) at start ${startLoad}, at end ${endLoad}.`,
    '',
    pageTable(),
    '',
    '| figure | value | budget | status | note |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  writeFileSync(
    join(OUT, 'report.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        quick,
        load: { start: startLoad, end: endLoad },
        bare: { weight: bareWeight, lighthouse: bareLighthouse },
        pages: [...pageRows.values()],
        figures,
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(join(OUT, 'report.md'), `${md}\n`);
  console.log(`\n${md}\n\nwritten: bench-results/report.json, bench-results/report.md`);
}

await main();
