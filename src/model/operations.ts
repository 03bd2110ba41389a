/**
 * The batch operations by name (CONTRACT.md "Batch mode"): one table from `op` to the API function,
 * shared by the CLI's batch mode and anything else that answers JSON requests.
 */
import { combine, decodeMair, decodeS2 } from './arm64/api';
import { access } from './bus/api';
import { claims } from './claims/api';
import { compare } from './compare/api';
import { releases, timeline } from './compare/history-api';
import {
  ioremapMapping,
  kvmExclAtomicAbort,
  kvmGuestSea,
  kvmMemslot,
  kvmStage2,
  kvmStage2MemAttrs,
  linuxMair,
  vfioMmap,
} from './linux/api';
import type { Answer } from './result';
import { badInput } from './result';
import { riscvPassthrough, svpbmtCombine } from './riscv/api';
import { scenario, scenarioTable } from './scenario/api';
import { qemuEmulation, qemuMapBar, userspaceDriver } from './vmm/api';
import { eptCombine, kvmEptType, x86Passthrough } from './x86/api';

type Operation = (input: never) => Answer<unknown>;

export const OPERATIONS = {
  combine,
  kvmStage2,
  scenario,
  access,
  claims,
  decodeMair,
  decodeS2,
  kvmMemslot,
  vfioMmap,
  ioremapMapping,
  linuxMair,
  scenarioTable,
  qemuMapBar,
  qemuEmulation,
  userspaceDriver,
  compare,
  timeline,
  eptCombine,
  kvmEptType,
  x86Passthrough,
  svpbmtCombine,
  riscvPassthrough,
  releases,
  kvmExclAtomicAbort,
  kvmGuestSea,
  kvmStage2MemAttrs,
} as const satisfies Record<string, Operation>;

export type OperationName = keyof typeof OPERATIONS;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(OPERATIONS, name);
}

/** Answer one request object `{op, ...fields}`. Never throws. */
export function runOperation(request: unknown): Answer<unknown> {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return badInput(undefined, 'each line must be a JSON object with an "op" field');
  }
  const { op } = request as { op?: unknown };
  // The fields are the request without `op`, same keys in the same order. A request with a
  // "__proto__" key is copied into a null-prototype object, so that key stays an own field (and is
  // refused as unknown) instead of setting a prototype; any other into a plain object, which V8 keeps
  // in fast mode (a null-prototype object starts in dictionary mode, and reading it made batch mode
  // ~1.5x slower). A loop rather than a rest destructuring, which is several times slower on Node 20.
  const keys = Object.keys(request);
  const fields: Record<string, unknown> = keys.includes('__proto__') ? Object.create(null) : {};
  for (const key of keys) if (key !== 'op') fields[key] = (request as Record<string, unknown>)[key];
  if (op === undefined) return badInput('op', `"op" is required (one of ${OPERATION_NAMES.join(', ')})`);
  if (typeof op !== 'string')
    return badInput('op', `"op" must be a string naming an operation, got ${Array.isArray(op) ? 'an array' : typeof op}`);
  if (!isOperationName(op)) return badInput('op', `unknown op ${JSON.stringify(op)}; known: ${OPERATION_NAMES.join(', ')}`);
  const run = OPERATIONS[op] as (input: unknown) => Answer<unknown>;
  try {
    return run(fields);
  } catch (e) {
    // The ops validate their input, so this is a model bug; report it rather than crash the batch.
    return badInput(undefined, `internal error in ${op}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
