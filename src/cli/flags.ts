/**
 * Flag parsing for `memattr <command>`: each command declares its flags and the input field each one
 * fills, so a bad flag is reported as a BAD_INPUT naming that field.
 */
import { KERNEL_RANGE, KERNEL_VERSIONS } from '../model/index';

export type FlagKind =
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  | { readonly type: 'bool' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  /** Comma-separated items; with `range`, a bad item's message names the range instead of every value. */
  | { readonly type: 'list'; readonly values: readonly string[]; readonly range?: string }
  /**
   * A 64-bit register value (0x-hex or decimal, read with BigInt: it need not be a safe JS number),
   * filled in as its 8 bytes, byte 0 (bits 7:0) first: MAIR_EL1 as `mairAttrs`, Attr0 first.
   */
  | { readonly type: 'register64' }
  /** Text, checked by `valid` when given; the message names the range instead of listing every value. */
  | { readonly type: 'string'; readonly hint: string; readonly valid?: { readonly values: readonly string[]; readonly range: string } };

export interface FlagSpec {
  /** Flag name without dashes, e.g. "s1". */
  readonly flag: string;
  /** Input field it fills, e.g. "s1Mair". */
  readonly field: string;
  readonly kind: FlagKind;
  readonly help: string;
  /** Also accepted as the first positional argument. */
  readonly positional?: boolean;
}

/** A kernel version flag: an unknown version gets a message naming the covered range. */
export const KERNEL_FLAG: FlagKind = { type: 'string', hint: 'MAJOR.MINOR', valid: { values: KERNEL_VERSIONS, range: KERNEL_RANGE } };

/** The --help note of a command that takes a kernel version. */
export const KERNEL_NOTE = `Kernel versions: "MAJOR.MINOR" from ${KERNEL_RANGE} (the range whose behaviour was checked at the source).`;

/** Kernel versions, comma-separated; a bad one gets the range, as with KERNEL_FLAG. */
export const KERNEL_LIST_FLAG: FlagKind = { type: 'list', values: KERNEL_VERSIONS, range: `MAJOR.MINOR from ${KERNEL_RANGE}` };

export class FlagError extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** Accepts decimal (68) and hexadecimal (0x44) integers; anything else names the field. */
export function parseInteger(text: string, spec: FlagSpec & { kind: { type: 'int' } }): number {
  const trimmed = text.trim();
  let value: number;
  if (/^0x[0-9a-f]+$/i.test(trimmed)) value = Number.parseInt(trimmed.slice(2), 16);
  else if (/^[0-9]+$/.test(trimmed)) value = Number.parseInt(trimmed, 10);
  else throw new FlagError(spec.field, `--${spec.flag} (${spec.field}) must be an integer like 68 or 0x44, got ${JSON.stringify(text)}`);
  const { min, max } = spec.kind;
  if (value < min || value > max) {
    throw new FlagError(
      spec.field,
      `--${spec.flag} (${spec.field}) must be from ${min} to ${max} (0x${min.toString(16)}-0x${max.toString(16)}), got ${text}`,
    );
  }
  return value;
}

const U64_MAX = (1n << 64n) - 1n;

/** A 64-bit value as its 8 bytes, byte 0 (bits 7:0) first; anything else names the field. */
export function parseRegister64(text: string, spec: FlagSpec): number[] {
  const trimmed = text.trim();
  if (!/^0x[0-9a-f]+$/i.test(trimmed) && !/^[0-9]+$/.test(trimmed)) {
    throw new FlagError(
      spec.field,
      `--${spec.flag} (${spec.field}) must be a 64-bit integer like 0x000000000044FF04 or its decimal value, got ${JSON.stringify(text)}`,
    );
  }
  // BigInt reads "0x..." as hexadecimal and digits as decimal, exactly, at any length.
  const value = BigInt(trimmed);
  if (value > U64_MAX) {
    throw new FlagError(spec.field, `--${spec.flag} (${spec.field}) must fit in 64 bits (at most 0xFFFFFFFFFFFFFFFF), got ${text}`);
  }
  return Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
}

function convert(spec: FlagSpec, text: string): unknown {
  const kind = spec.kind;
  switch (kind.type) {
    case 'int':
      return parseInteger(text, spec as FlagSpec & { kind: { type: 'int' } });
    case 'bool':
      if (text === 'true') return true;
      if (text === 'false') return false;
      throw new FlagError(spec.field, `--${spec.flag} takes no value or true/false, got ${JSON.stringify(text)}`);
    case 'enum':
      if (!kind.values.includes(text))
        throw new FlagError(
          spec.field,
          `--${spec.flag} (${spec.field}) must be one of ${kind.values.join(', ')}, got ${JSON.stringify(text)}`,
        );
      return text;
    case 'register64':
      return parseRegister64(text, spec);
    case 'string':
      if (kind.valid && !kind.valid.values.includes(text)) {
        throw new FlagError(
          spec.field,
          `--${spec.flag} (${spec.field}) must be ${kind.hint} from ${kind.valid.range}, got ${JSON.stringify(text)}`,
        );
      }
      return text;
    case 'list': {
      const items = text.split(',').filter((s) => s.length > 0);
      for (const item of items) {
        if (!kind.values.includes(item))
          throw new FlagError(
            spec.field,
            `--${spec.flag} (${spec.field}) items must be ${kind.range ?? `among ${kind.values.join(', ')}`}, got ${JSON.stringify(item)}`,
          );
      }
      return items;
    }
  }
}

export interface Parsed {
  readonly input: Record<string, unknown>;
  readonly json: boolean;
  readonly help: boolean;
  /** Flags that are not input fields (e.g. --table), by name. */
  readonly switches: ReadonlySet<string>;
}

/**
 * Parse argv (after the command name) against the command's flag specs and extra switches.
 *
 * Hand-written rather than node:util parseArgs (checked on Node 20.20): in strict mode parseArgs
 * rejects `--fwb=false` ("does not take an argument"), and a boolean declared as a string option would
 * then require a value after a bare `--fwb`; its errors name the flag, not the input field. Non-strict
 * mode with `tokens` accepts everything (unknown flags, missing values), so all the checks below would
 * remain and parseArgs would only split `--name=value`.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], extraSwitches: readonly string[] = []): Parsed {
  const input: Record<string, unknown> = {};
  const switches = new Set<string>();
  let json = false;
  let help = false;
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq === -1 ? undefined : eq);
      if (extraSwitches.includes(name)) {
        switches.add(name);
        continue;
      }
      const spec = specs.find((s) => s.flag === name);
      if (!spec) throw new FlagError(undefined, `unknown flag --${name}; see --help`);
      let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
      if (value === undefined && spec.kind.type !== 'bool') {
        value = argv[i + 1];
        if (value === undefined) throw new FlagError(spec.field, `--${name} (${spec.field}) needs a value`);
        i++;
      }
      input[spec.field] = value === undefined ? true : convert(spec, value);
    } else positionals.push(arg);
  }
  const positionalSpec = specs.find((s) => s.positional);
  if (positionals.length > 0) {
    if (!positionalSpec || positionals.length > 1)
      throw new FlagError(undefined, `unexpected argument ${JSON.stringify(positionals[positionalSpec ? 1 : 0])}; see --help`);
    if (positionalSpec.field in input) throw new FlagError(positionalSpec.field, `${positionalSpec.field} given twice`);
    input[positionalSpec.field] = convert(positionalSpec, positionals[0] as string);
  }
  return { input, json, help, switches };
}
