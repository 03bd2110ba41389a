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
 * The last line printed is JSON: {"cliStartMs","nodeStartMs","ratio","batchLinesPerSec","batchDistinctLinesPerSec"}.
 * Exit status 1 if a command fails or batch does not answer every line.
 */
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg === -1 ? 15 : Number(process.argv[runsArg + 1]);
const LINES = 100_000;
const SHAREABILITIES = ['NSH', 'ISH', 'OSH'];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function run(args, input) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, {
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
  return { ms, stdout: r.stdout };
}

function batchRate(input, label) {
  const rates = [];
  for (let i = 0; i < 3; i++) {
    const { ms, stdout } = run(['bin/memattr.mjs', 'batch'], input);
    let answers = 0;
    for (let at = stdout.indexOf(10); at !== -1; at = stdout.indexOf(10, at + 1)) answers++;
    if (answers !== LINES) {
      console.error(`bench-cli: batch (${label}) answered ${answers} of ${LINES} lines`);
      process.exit(1);
    }
    rates.push(LINES / (ms / 1000));
  }
  return Math.round(median(rates));
}

// Build dist/cli.mjs first if it is stale, so no timed run pays for a rebuild.
run(['bin/memattr.mjs', '--help']);

const node = [];
const cli = [];
for (let i = 0; i < RUNS; i++) {
  node.push(run(['-e', '0']).ms);
  cli.push(run(['bin/memattr.mjs', 'combine', '--s1', '0x44', '--s2', '0x5']).ms);
}
const nodeStartMs = Math.round(median(node) * 10) / 10;
const cliStartMs = Math.round(median(cli) * 10) / 10;
const ratio = Math.round((cliStartMs / nodeStartMs) * 100) / 100;
console.log(`node -e 0: median ${nodeStartMs} ms over ${RUNS} runs`);
console.log(`node bin/memattr.mjs combine --s1 0x44 --s2 0x5: median ${cliStartMs} ms over ${RUNS} runs (${ratio}x node -e 0)`);

const varied = Array.from({ length: LINES }, (_, i) =>
  JSON.stringify({ op: 'combine', s1Mair: i % 256, s2MemAttr: (i >> 8) % 16, fwb: ((i >> 12) & 1) === 1 }),
);
const batchLinesPerSec = batchRate(`${varied.join('\n')}\n`, 'varied');
console.log(`memattr batch, ${LINES} combine lines (s1Mair x s2MemAttr x fwb): ${batchLinesPerSec} lines/s (wall, incl. start-up)`);

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
const batchDistinctLinesPerSec = batchRate(`${distinct.join('\n')}\n`, 'distinct');
console.log(`memattr batch, ${LINES} distinct combine lines (every field varies): ${batchDistinctLinesPerSec} lines/s`);

console.log(JSON.stringify({ cliStartMs, nodeStartMs, ratio, batchLinesPerSec, batchDistinctLinesPerSec }));
