/** What a `memattr` command is: its flags, the API function it calls, and how it prints a result. */
import type { Answer } from '../model/index';
import type { FlagSpec } from './flags';

export interface Command<T> {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly flags: readonly FlagSpec[];
  /** Extra switches that are not input fields (e.g. --table). */
  readonly switches?: readonly { readonly name: string; readonly help: string }[];
  /** Lines appended to --help (e.g. the kernel range the model covers). */
  readonly notes?: readonly string[];
  readonly run: (input: never, switches: ReadonlySet<string>) => Answer<T>;
  readonly render: (result: T, switches: ReadonlySet<string>) => string;
}

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous registry of commands
export type AnyCommand = Command<any>;
