#!/usr/bin/env node
/**
 * How long each control of the picture components takes to answer, in the production build:
 *
 *   node scripts/bench-interactions.mjs [--build build] [--runs 3] [--width 1440] [--only <substring>]
 *
 * Each control is driven with real (trusted) input through Chromium's DevTools protocol: clicks for
 * checkboxes, buttons and cells, arrow keys for selects (up to six options in turn) and typing for text
 * fields. For each action it records the longest Event Timing entry (input to next paint) and the
 * longest gap between animation frames until the page is quiet again (work a control starts after the
 * event, such as a worker's answer being drawn, shows there). A control's figure is the larger of the
 * two, its worst action, median over the runs.
 *
 * Wall-clock figures swell when other processes share the CPU, so each control is also traced, and
 * `cpu` gives the longest task on the page's main thread in CPU time (the trace's thread duration,
 * which leaves out the time the thread waited for a core): on a shared machine it is the closer
 * estimate of what a reader's otherwise idle machine would see.
 *
 * The last line printed is JSON, for scripts/bench.mts to read:
 * {"budgetMs":50,"runs":3,"width":1440,"controls":{"<page> <control>":ms,...},"cpu":{...},"worst":{"name":..,"ms":..}}
 * Timing belongs here, never in a pass/fail test.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, renderIslandsInPage, serveBuild } from './lib/site.mjs';

const { values: args } = parseArgs({
  options: {
    build: { type: 'string', default: process.env.MEMATTR_BUILD_DIR ?? 'build' },
    runs: { type: 'string', default: '3' },
    width: { type: 'string', default: '1440' },
    only: { type: 'string' },
  },
});
const BUILD = resolve(args.build);
const RUNS = Number(args.runs);
const WIDTH = Number(args.width);
const BUDGET_MS = 50;
/** After an action, the page counts as quiet once no frame has been late for this long. */
const QUIET_MS = 400;
const SETTLE_LIMIT_MS = 5000;

if (!existsSync(join(BUILD, 'index.html'))) {
  console.error(`no production build in ${BUILD}: run "npx docusaurus build" first`);
  process.exit(1);
}

/** In the page: Event Timing entries and animation-frame timestamps, kept on window.__bench. */
function installProbes() {
  const bench = { events: [], frames: [] };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.events.push({ start: e.startTime, duration: e.duration, name: e.name });
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  const tick = (t) => {
    bench.frames.push(t);
    if (bench.frames.length > 4000) bench.frames.splice(0, 2000);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Runs one action and returns {event, gap} in ms for it. */
async function measure(page, action) {
  const t0 = await page.evaluate(() => performance.now());
  await action();
  const started = Date.now();
  // Wait until the frames run on time again for QUIET_MS (a worker's answer, a deferred render).
  for (;;) {
    await page.waitForTimeout(100);
    const quiet = await page.evaluate(
      ([since, quietMs]) => {
        const f = window.__bench.frames.filter((t) => t >= since);
        if (f.length < 2) return false;
        const last = f[f.length - 1];
        let lastLate = since;
        for (let i = 1; i < f.length; i++) if (f[i] - f[i - 1] > 34) lastLate = f[i];
        return performance.now() - lastLate > quietMs && performance.now() - last < 50;
      },
      [t0, QUIET_MS],
    );
    if (quiet || Date.now() - started > SETTLE_LIMIT_MS) break;
  }
  return page.evaluate((since) => {
    const b = window.__bench;
    const event = Math.max(0, ...b.events.filter((e) => e.start >= since - 1).map((e) => e.duration));
    const f = b.frames.filter((t) => t >= since);
    let gap = 0;
    for (let i = 1; i < f.length; i++) gap = Math.max(gap, f[i] - f[i - 1]);
    // The first frame after the action closes the gap that holds the action itself.
    const first = f[0] === undefined ? 0 : f[0] - since;
    return { event, gap: Math.max(gap, first) };
  }, t0);
}

const worst = (samples) => samples.reduce((m, s) => Math.max(m, s.event, s.gap), 0);

/**
 * Up to MAX_SELECT_STEPS changes of a select with the arrow keys (each press is one interaction):
 * down from the current option while there are options below, else up.
 */
const MAX_SELECT_STEPS = 6;
async function cycleSelect(page, locator) {
  const n = await locator.evaluate((s) => s.options.length);
  const start = await locator.evaluate((s) => s.selectedIndex);
  await locator.focus();
  const samples = [];
  const down = start < n - 1;
  for (let i = 0; i < Math.min(MAX_SELECT_STEPS, down ? n - 1 - start : start); i++)
    samples.push(await measure(page, () => page.keyboard.press(down ? 'ArrowDown' : 'ArrowUp')));
  return worst(samples);
}

async function click(page, locator) {
  return worst([await measure(page, () => locator.click())]);
}

const matrixControls = (prefix) => [
  [`${prefix} matrix FWB toggle`, async (p) => worst([await measure(p, () => p.getByLabel('FEAT_S2FWB on (HCR_EL2.FWB = 1)').click())])],
  [`${prefix} matrix FWB toggle back`, (p) => click(p, p.getByLabel('FEAT_S2FWB on (HCR_EL2.FWB = 1)'))],
  [
    `${prefix} matrix cell click`,
    (p) => click(p, p.locator('table[data-fwb] button[data-s1="187"][data-s2="1"]')), // 0xBB x 0x1
  ],
  [
    `${prefix} matrix arrow key`,
    async (p) => {
      await p.locator('table[data-fwb] button[data-s1="187"][data-s2="1"]').focus();
      return worst([await measure(p, () => p.keyboard.press('ArrowRight')), await measure(p, () => p.keyboard.press('ArrowDown'))]);
    },
  ],
  [`${prefix} matrix show all 236`, (p) => click(p, p.getByLabel(/Show all \d+ defined MAIR bytes/))],
  [`${prefix} matrix FWB toggle, all rows`, (p) => click(p, p.getByLabel('FEAT_S2FWB on (HCR_EL2.FWB = 1)'))],
  [`${prefix} matrix FWB toggle back, all rows`, (p) => click(p, p.getByLabel('FEAT_S2FWB on (HCR_EL2.FWB = 1)'))],
  [`${prefix} matrix show all off`, (p) => click(p, p.getByLabel(/Show all \d+ defined MAIR bytes/))],
];

const scenarioControls = (prefix) => [
  [`${prefix} scenario host kernel`, (p) => cycleSelect(p, p.getByLabel('Host kernel'))],
  [`${prefix} scenario VFIO driver`, (p) => cycleSelect(p, p.getByLabel('VFIO driver'))],
  [`${prefix} scenario guest mapping`, (p) => cycleSelect(p, p.getByLabel('Guest mapping'))],
  [`${prefix} scenario FWB`, (p) => click(p, p.getByLabel('FEAT_S2FWB', { exact: true }))],
  [`${prefix} scenario DIC`, (p) => click(p, p.getByLabel('CTR_EL0.DIC'))],
];

const timelineControls = (prefix) => [
  [`${prefix} timeline accessor`, (p) => cycleSelect(p, p.getByTestId('timeline-accessor'))],
  [`${prefix} timeline memory type`, (p) => cycleSelect(p, p.getByTestId('timeline-memtype'))],
  [
    `${prefix} timeline accessor, copies, Normal-NC`,
    async (p) => {
      await p.getByTestId('timeline-memtype').selectOption('Normal-NC');
      return cycleSelect(p, p.getByTestId('timeline-accessor'));
    },
  ],
  [
    `${prefix} timeline bytes copied`,
    async (p) => {
      await p.getByTestId('timeline-accessor').selectOption('__iowrite32_copy');
      await p.waitForTimeout(1500);
      return cycleSelect(p, p.getByLabel('Bytes copied'));
    },
  ],
  [`${prefix} timeline guest kernel`, (p) => cycleSelect(p, p.getByLabel('Guest kernel'))],
  [
    `${prefix} timeline st64b location`,
    async (p) => {
      await p.getByTestId('timeline-accessor').selectOption('st64b');
      await p.getByTestId('timeline-location').waitFor();
      return click(p, p.getByTestId('timeline-location'));
    },
  ],
];

// The filter's own select: cards and the column header carry the word "Verdict" too.
const claimsControls = (prefix) => [
  [`${prefix} claims verdict filter`, (p) => cycleSelect(p, p.getByRole('combobox', { name: 'Verdict' }))],
];
const compareControls = (prefix) => [[`${prefix} compare kernel`, (p) => cycleSelect(p, p.getByLabel('arm64 and guest kernel'))]];
const decoderControls = (prefix) => [
  [
    `${prefix} MAIR decoder typing`,
    async (p) => {
      const input = p.getByLabel('Attr<n> byte');
      await input.fill('0x4');
      await input.focus();
      return worst([await measure(p, () => p.keyboard.press('F')), await measure(p, () => p.keyboard.press('Backspace'))]);
    },
  ],
  [`${prefix} MAIR decoder FEAT_XS`, (p) => click(p, p.getByLabel('FEAT_XS', { exact: true }))],
];

/** Page -> controls measured on it, in order (each control starts from the state the previous left). */
const PAGES = [
  [
    '/docs/reference/components',
    'components:',
    [
      ...matrixControls('components:'),
      ...scenarioControls('components:'),
      ...timelineControls('components:'),
      ...claimsControls('components:'),
      ...decoderControls('components:'),
    ],
  ],
  ['/docs/two-stages', 'two-stages:', matrixControls('two-stages:')],
  ['/docs/the-change', 'the-change:', scenarioControls('the-change:')],
  ['/docs/driver-decides', 'driver-decides:', timelineControls('driver-decides:')],
  ['/docs/claims', 'claims:', claimsControls('claims:')],
  ['/docs/beyond', 'beyond:', compareControls('beyond:')],
  ['/docs/memory-types', 'memory-types:', decoderControls('memory-types:')],
];

/** The longest main-thread task in a Chromium trace, in CPU milliseconds. */
function longestMainTaskCpu(traceJson) {
  const events = JSON.parse(traceJson.toString()).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = 0;
  for (const e of events) {
    if (e.name === 'RunTask' && e.tdur !== undefined && main.has(`${e.pid}:${e.tid}`)) longest = Math.max(longest, e.tdur / 1000);
  }
  return longest;
}

const { url, close } = await serveBuild(BUILD);
const browser = await launchChromium();
const samples = new Map();
const cpuSamples = new Map();
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [path, , controls] of PAGES) {
      const wanted = controls.filter(([name]) => !args.only || name.includes(args.only));
      if (wanted.length === 0) continue;
      const context = await browser.newContext({ viewport: { width: WIDTH, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(5000);
      await page.goto(url + path, { waitUntil: 'load' });
      // Hydrated: React has attached its props to the page's controls, and every island (rendered once
      // the reader comes near it, src/components/shared/island.tsx) holds React's own nodes.
      await page.waitForFunction(() => {
        const c = document.querySelector('article input, article select, article button');
        return c !== null && Object.keys(c).some((k) => k.startsWith('__react'));
      });
      if (!(await page.evaluate(renderIslandsInPage, 30_000))) throw new Error(`${path}: an island did not render`);
      await page.evaluate(installProbes);
      await page.waitForTimeout(500);
      for (const [name, act] of wanted) {
        if ((await page.locator('article').count()) === 0) continue;
        let ms;
        await browser.startTracing(page, { categories: ['__metadata', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
        try {
          ms = await act(page);
        } catch (e) {
          await browser.stopTracing();
          console.error(`${name}: ${e instanceof Error ? e.message.split('\n')[0] : e}`);
          continue;
        }
        const cpu = longestMainTaskCpu(await browser.stopTracing());
        if (!samples.has(name)) samples.set(name, []);
        samples.get(name).push(ms);
        if (!cpuSamples.has(name)) cpuSamples.set(name, []);
        cpuSamples.get(name).push(cpu);
        console.log(`run ${run + 1} ${name}: ${ms.toFixed(1)} ms (longest main-thread task ${cpu.toFixed(1)} ms CPU)`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await close();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const controls = Object.fromEntries([...samples].map(([name, xs]) => [name, Math.round(median(xs) * 10) / 10]));
const cpu = Object.fromEntries([...cpuSamples].map(([name, xs]) => [name, Math.round(median(xs) * 10) / 10]));
let worstControl = { name: null, ms: 0 };
for (const [name, ms] of Object.entries(controls)) if (ms > worstControl.ms) worstControl = { name, ms };
console.log(JSON.stringify({ budgetMs: BUDGET_MS, runs: RUNS, width: WIDTH, controls, cpu, worst: worstControl }));
