#!/usr/bin/env node
/**
 * The CLI's speed, side by side in one run (issue 13 item 7; scripts/bench.mts calls it):
 *
 *   node scripts/bench-cli.mjs [--runs 15]
 *
 * - start-up: `node -e 0` and `node bin/memattr.mjs combine --s1 0x44 --s2 0x5`, interleaved, --runs
 *   times each; medians and their ratio;
 * - batch: 100,000 combine lines (s1Mair x s2MemAttr x fwb, 8,192 distinct requests, each ~12 times)
 *   through `node bin/memattr.mjs batch`, wall time including start-up, median of 3;
 * - batch, distinct: 100,000 combine lines that are all different (every combine field varies), so no
 *   answer is reused: the model's own speed.
 *
 * Each batch figure is given twice: lines per second of wall time, and (where /usr/bin/time exists)
 * lines per second of the CPU time the run used, which other jobs on a shared machine disturb less.
 *
 * The last line printed is JSON: {"cliStartMs","nodeStartMs","ratio","batchLinesPerSec","batchDistinctLinesPerSec",
 * "batchLinesPerCpuSec","batchDistinctLinesPerCpuSec"} (the last two null without /usr/bin/time).
 * Exit status 1 if a command fails or batch does not answer every line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg === -1 ? 15 : Number(process.argv[runsArg + 1]);
const LINES = 100_000;
const SHAREABILITIES = ['NSH', 'ISH', 'OSH'];
// CPU time tells a loaded machine (other jobs on the cores) from a slow program.
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs node with `args`; wall milliseconds and, where /usr/bin/time exists, the CPU seconds it used. */
function run(args, input) {
  const t0 = performance.now();
  const [cmd, argv] = TIME ? [TIME, ['-f', '__CPU__ %U %S', process.execPath, ...args]] : [process.execPath, args];
  const r = spawnSync(cmd, argv, {
    cwd: ROOT,
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    console.error(`bench-cli: node ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr.toString().slice(0, 500)}`);
    process.exit(1);
  }
  const cpu = /__CPU__ ([\d.]+) ([\d.]+)/.exec(r.stderr.toString());
  return { ms, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null, stdout: r.stdout };
}

function batchRate(input, label) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const { ms, cpuSeconds, stdout } = run(['bin/memattr.mjs', 'batch'], input);
    let answers = 0;
    for (let at = stdout.indexOf(10); at !== -1; at = stdout.indexOf(10, at + 1)) answers++;
    if (answers !== LINES) {
      console.error(`bench-cli: batch (${label}) answered ${answers} of ${LINES} lines`);
      process.exit(1);
    }
    runs.push({ rate: LINES / (ms / 1000), cpuSeconds });
  }
  runs.sort((a, b) => a.rate - b.rate);
  const { rate, cpuSeconds } = runs[1];
  return {
    rate: Math.round(rate),
    perCpuSec: cpuSeconds === null || cpuSeconds === 0 ? null : Math.round(LINES / cpuSeconds),
    cpu: cpuSeconds === null ? '' : `; that run used ${cpuSeconds.toFixed(2)} s of CPU`,
  };
}

// Build dist/cli.mjs first if it is stale, so no timed run pays for a rebuild.
run(['bin/memattr.mjs', '--help']);

const node = [];
const cli = [];
for (let i = 0; i < RUNS; i++) {
  node.push(run(['-e', '0']));
  cli.push(run(['bin/memattr.mjs', 'combine', '--s1', '0x44', '--s2', '0x5']));
}
const cpuNote = (runs) => (TIME ? `; CPU median ${Math.round(median(runs.map((r) => r.cpuSeconds)) * 1000)} ms` : '');
const nodeStartMs = Math.round(median(node.map((r) => r.ms)) * 10) / 10;
const cliStartMs = Math.round(median(cli.map((r) => r.ms)) * 10) / 10;
const ratio = Math.round((cliStartMs / nodeStartMs) * 100) / 100;
console.log(`node -e 0: median ${nodeStartMs} ms over ${RUNS} runs${cpuNote(node)}`);
console.log(
  `node bin/memattr.mjs combine --s1 0x44 --s2 0x5: median ${cliStartMs} ms over ${RUNS} runs (${ratio}x node -e 0)${cpuNote(cli)}`,
);

const varied = Array.from({ length: LINES }, (_, i) =>
  JSON.stringify({ op: 'combine', s1Mair: i % 256, s2MemAttr: (i >> 8) % 16, fwb: ((i >> 12) & 1) === 1 }),
);
const varied3 = batchRate(`${varied.join('\n')}\n`, 'varied');
const batchLinesPerSec = varied3.rate;
const batchLinesPerCpuSec = varied3.perCpuSec;
console.log(
  `memattr batch, ${LINES} combine lines (s1Mair x s2MemAttr x fwb): ${batchLinesPerSec} lines/s (median of 3, wall incl. start-up${varied3.cpu}${
    batchLinesPerCpuSec === null ? '' : `: ${batchLinesPerCpuSec} lines per CPU second`
  })`,
);

// Every field of combine varies: 256 x 16 x 2 x 3 x 3 x 2 x 2 x 2 x 2 combinations, 100,000 of them picked
// by a stride coprime with their count, so no two lines are alike.
const COMBINATIONS = 256 * 16 * 2 * 3 * 3 * 2 * 2 * 2 * 2;
const distinct = Array.from({ length: LINES }, (_, i) => {
  let k = (i * 1_000_003) % COMBINATIONS;
  const pick = (n) => {
    const v = k % n;
    k = Math.floor(k / n);
    return v;
  };
  return JSON.stringify({
    op: 'combine',
    s1Mair: pick(256),
    s2MemAttr: pick(16),
    fwb: pick(2) === 1,
    s1Sh: SHAREABILITIES[pick(3)],
    s2Sh: SHAREABILITIES[pick(3)],
    featXS: pick(2) === 1,
    featMTE2: pick(2) === 1,
    s2FnXS: pick(2) === 1,
    s1EffectiveSh: pick(2) === 1,
  });
});
const distinct3 = batchRate(`${distinct.join('\n')}\n`, 'distinct');
const batchDistinctLinesPerSec = distinct3.rate;
const batchDistinctLinesPerCpuSec = distinct3.perCpuSec;
console.log(
  `memattr batch, ${LINES} distinct combine lines (every field varies): ${batchDistinctLinesPerSec} lines/s (median of 3, wall incl. start-up${distinct3.cpu}${
    batchDistinctLinesPerCpuSec === null ? '' : `: ${batchDistinctLinesPerCpuSec} lines per CPU second`
  })`,
);

console.log(
  JSON.stringify({
    cliStartMs,
    nodeStartMs,
    ratio,
    batchLinesPerSec,
    batchDistinctLinesPerSec,
    batchLinesPerCpuSec,
    batchDistinctLinesPerCpuSec,
  }),
);
