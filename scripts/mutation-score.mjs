#!/usr/bin/env node
/**
 * Per-file mutation scores from Stryker's JSON report (written by `npm run mutate` to
 * reports/mutation/mutation.json; mutation-testing-report-schema).
 *
 * Score = Stryker's mutation score over all valid mutants:
 *   detected / valid = (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage).
 * Ignored mutants (a `// Stryker disable` comment giving why they are equivalent, or static mutants
 * when run with --ignoreStatic), CompileError and RuntimeError are not valid mutants and count in
 * neither; the disabled and static ones are listed per file. String literals are never mutated
 * (stryker.config.mjs), so every mutant counted is a logic mutant.
 *
 * Usage: node scripts/mutation-score.mjs [--report FILE] [--min 90] [--fail] [PATH_PREFIX...]
 *   PATH_PREFIX  only files under these prefixes (e.g. src/model/arm64)
 *   --min N      the per-file target (default 90); files below it are listed at the end
 *   --fail       exit 1 when a file is below the target
 * Importable: `mutationScores(report)` returns the rows (used by `npm run bench`).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_REPORT = 'reports/mutation/mutation.json';
export const DEFAULT_MIN = 90;

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** One row per file: counts by status and the score (null when the file has no valid mutant). */
export function mutationScores(report, prefixes = []) {
  const rows = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (prefixes.length > 0 && !prefixes.some((p) => file.startsWith(p))) continue;
    const count = (statuses) => mutants.filter((m) => statuses.has(m.status)).length;
    const detected = count(DETECTED);
    const valid = detected + count(UNDETECTED);
    rows.push({
      file,
      detected,
      valid,
      timeout: count(new Set(['Timeout'])),
      survived: count(new Set(['Survived'])),
      noCoverage: count(new Set(['NoCoverage'])),
      // Ignored mutants by why: an excluded mutator (StringLiteral) is not reported; a `// Stryker
      // disable` comment (an equivalent mutant, with its reason in the code) and `ignoreStatic` are.
      disabled: mutants.filter((m) => m.status === 'Ignored' && !/excluded mutation|Static mutant/.test(m.statusReason ?? '')).length,
      staticIgnored: mutants.filter((m) => m.status === 'Ignored' && /Static mutant/.test(m.statusReason ?? '')).length,
      score: valid === 0 ? null : (100 * detected) / valid,
    });
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

function parseArgs(argv) {
  const opts = { report: DEFAULT_REPORT, min: DEFAULT_MIN, fail: false, prefixes: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--report') opts.report = argv[++i];
    else if (a === '--min') opts.min = Number(argv[++i]);
    else if (a === '--fail') opts.fail = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else opts.prefixes.push(a.replace(/^\.\//, ''));
  }
  if (!Number.isFinite(opts.min)) throw new Error('--min needs a number');
  if (opts.report === undefined) throw new Error('--report needs a file');
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log('usage: node scripts/mutation-score.mjs [--report FILE] [--min 90] [--fail] [PATH_PREFIX...]');
    return 0;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(opts.report, 'utf8'));
  } catch (e) {
    console.error(`mutation-score: cannot read ${opts.report} (run \`npm run mutate\` first): ${e.message}`);
    return 2;
  }
  const rows = mutationScores(report, opts.prefixes);
  const width = Math.max(4, ...rows.map((r) => r.file.length));
  console.log('mutation score = (killed + timeout) / (killed + timeout + survived + no coverage); ignored (disabled, static) not counted');
  for (const r of rows) {
    const score = r.score === null ? '   n/a' : `${r.score.toFixed(1).padStart(5)} %`;
    const extra = [
      r.timeout && `${r.timeout} of them timed out`,
      r.survived && `${r.survived} survived`,
      r.noCoverage && `${r.noCoverage} no coverage`,
      r.disabled && `${r.disabled} disabled by comment`,
      r.staticIgnored && `${r.staticIgnored} static, ignored`,
    ]
      .filter(Boolean)
      .join(', ');
    console.log(`${r.file.padEnd(width)}  ${`${r.detected}/${r.valid}`.padStart(9)}  ${score}${extra ? `  (${extra})` : ''}`);
  }
  const detected = rows.reduce((n, r) => n + r.detected, 0);
  const valid = rows.reduce((n, r) => n + r.valid, 0);
  const total = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} %`;
  console.log(`${'all files'.padEnd(width)}  ${`${detected}/${valid}`.padStart(9)}  ${total}`);
  const under = rows.filter((r) => r.score !== null && r.score < opts.min);
  if (under.length === 0) console.log(`every file at or above ${opts.min} %`);
  else console.log(`under ${opts.min} %: ${under.map((r) => `${r.file} (${r.score.toFixed(1)} %)`).join(', ')}`);
  return opts.fail && under.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
