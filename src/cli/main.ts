/**
 * The `memattr` command: the model's API on the command line (CONTRACT.md "Running it").
 * Exit status: 0 success, 2 BAD_INPUT (one line on stderr naming the field), 3 RESERVED.
 */
import type { Answer, ModelError } from '../model/index';
import { KERNEL_RANGE, OPERATION_NAMES } from '../model/index';
import { runBatch } from './batch';
import type { AnyCommand } from './command';
import { COMMANDS } from './commands/index';
import type { FlagKind } from './flags';
import { FlagError, parseFlags } from './flags';

export const EXIT = { ok: 0, badInput: 2, reserved: 3, io: 1 } as const;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 'batch'.length);
  return [
    'memattr: an executable model of arm64 memory attributes, KVM stage 2, VFIO and MMIO accessors.',
    '',
    'Usage: memattr <command> [flags]    (every command takes --help and --json)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'batch'.padEnd(width)}  Answer JSON Lines from stdin, one answer line per input line.`,
    '',
    'Exit status: 0 success, 2 bad input, 3 reserved or UNPREDICTABLE encoding.',
  ].join('\n');
}

function helpLine(flag: string, text: string): string {
  return `  ${flag.padEnd(32)} ${text}`;
}

/** How --help shows the value a flag takes, per kind of flag. */
const FLAG_VALUE_HINT: { [K in FlagKind['type']]: (kind: Extract<FlagKind, { type: K }>) => string } = {
  bool: () => '',
  int: () => ' <n>',
  register64: () => ' <0x...>',
  list: () => ' <a,b,...>',
  string: (kind) => ` <${kind.hint}>`,
  enum: (kind) => ` <${kind.values.join('|')}>`,
};

function commandHelp(c: AnyCommand): string {
  const flagLines = c.flags.map((f) => {
    const value = FLAG_VALUE_HINT[f.kind.type](f.kind as never);
    return helpLine(`--${f.flag}${value}`, `${f.help} [${f.field}]`);
  });
  const switchLines = (c.switches ?? []).map((s) => helpLine(`--${s.name}`, s.help));
  return [
    c.summary,
    '',
    `Usage: ${c.usage}`,
    '',
    'Flags:',
    ...flagLines,
    ...switchLines,
    helpLine('--json', 'print the batch-mode JSON envelope'),
    helpLine('--help', 'this text'),
    ...(c.notes && c.notes.length > 0 ? ['', ...c.notes] : []),
  ].join('\n');
}

const BATCH_HELP = [
  'Answer JSON Lines on stdin: each line is {"op": <name>, ...fields} and gets exactly one answer line,',
  'in input order: {"ok":true,"result":{...}} or {"ok":false,"error":{"code","message","field","permitted"}}.',
  '',
  'Usage: memattr batch < requests.jsonl',
  '',
  `Operations: ${OPERATION_NAMES.join(', ')}`,
  `Kernel versions are "MAJOR.MINOR" strings from ${KERNEL_RANGE}.`,
  'Numbers are JSON integers ("0x44" is BAD_INPUT here). Exit status is 0 unless stdin or stdout fails.',
].join('\n');

function errorLines(command: string, error: ModelError): string {
  const where = error.field ? `${error.field}: ` : '';
  const head = `memattr ${command}: ${error.code} ${where}${error.message}`;
  if (!error.permitted || error.permitted.length === 0) return head;
  const outcomes = error.permitted.map((p) => `  permitted: ${JSON.stringify(p)}`);
  return [head, ...outcomes].join('\n');
}

/** Runs one single command; returns its exit status. */
export function runCommand(argv: readonly string[], io: Io): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(topHelp());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`memattr: unknown command ${JSON.stringify(name)}; run memattr --help`);
    return EXIT.badInput;
  }
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(
      rest,
      command.flags,
      (command.switches ?? []).map((s) => s.name),
    );
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    const error: ModelError = e.field
      ? { code: 'BAD_INPUT', field: e.field, message: e.message }
      : { code: 'BAD_INPUT', message: e.message };
    if (rest.includes('--json')) io.out(JSON.stringify({ ok: false, error }));
    io.err(errorLines(name, error));
    return EXIT.badInput;
  }
  if (parsed.help) {
    io.out(commandHelp(command));
    return EXIT.ok;
  }
  const answer = command.run(parsed.input as never, parsed.switches) as Answer<unknown>;
  if (parsed.json) io.out(JSON.stringify(answer));
  if (!answer.ok) {
    io.err(errorLines(name, answer.error));
    return answer.error.code === 'RESERVED' ? EXIT.reserved : EXIT.badInput;
  }
  if (!parsed.json) io.out(command.render(answer.result, parsed.switches));
  return EXIT.ok;
}

export async function main(argv: readonly string[]): Promise<number> {
  const io: Io = { out: (t) => process.stdout.write(`${t}\n`), err: (t) => process.stderr.write(`${t}\n`) };
  if (argv[0] === 'batch') {
    if (argv.includes('--help') || argv.includes('-h')) {
      io.out(BATCH_HELP);
      return EXIT.ok;
    }
    if (argv.length > 1) {
      io.err(`memattr batch: BAD_INPUT unexpected argument ${JSON.stringify(argv[1])}; batch reads requests from stdin`);
      return EXIT.badInput;
    }
    try {
      await runBatch(process.stdin, process.stdout);
      return EXIT.ok;
    } catch (e) {
      io.err(`memattr batch: ${e instanceof Error ? e.message : String(e)}`);
      return EXIT.io;
    }
  }
  // A reader that goes away (`memattr claims | head -1`) fails the write: say so in one line, exit 1.
  process.stdout.on('error', (e: Error) => {
    if (process.exitCode === EXIT.io) return;
    io.err(`memattr ${argv[0] ?? ''}: ${e.message}`);
    process.exitCode = EXIT.io;
  });
  return runCommand(argv, io);
}
