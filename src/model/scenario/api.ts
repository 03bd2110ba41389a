/**
 * The scenario layer's public operations: CONTRACT.md `scenario`, and the full table behind the
 * CLI's `scenario --table`.
 */

import type { MemoryTypeName } from '../arm64/types';
import { booleanField, enumField, fieldsOf } from '../input';
import { gpuField, ioremapField, mteField, vfioDriverField } from '../linux/api';
import type { FaultKind, Stage2Prot } from '../linux/kvm-stage2';
import { FAULT_KINDS } from '../linux/kvm-stage2';
import type { KernelVersion } from '../linux/versions';
import { atLeast, FEATURES, KERNEL_VERSIONS, kernelField } from '../linux/versions';
import type { NvgraceGpu, VfioDriver } from '../linux/vfio';
import { VFIO_DRIVERS, vfioDriverArrival } from '../linux/vfio';
import type { Answer } from '../result';
import { guarded, InputError, ok } from '../result';
import type { GuestMapping, ScenarioResult } from './scenario';
import { defaultRequest, GUEST_MAPPINGS, runScenario } from './scenario';

export type { GuestMapping, ScenarioLayer, ScenarioResult, ScenarioStep } from './scenario';
export { GUEST_MAPPINGS } from './scenario';

export interface ScenarioInput {
  readonly kernel: string;
  readonly vfioDriver: VfioDriver;
  readonly guestMapping: GuestMapping;
  readonly fwb?: boolean;
  readonly dic?: boolean;
  readonly fault?: FaultKind;
  /** The guest's kernel version (default: `kernel`); it decides whether ioremap_np() exists. */
  readonly guestKernel?: string;
  /** The GPU behind an nvgrace-gpu region (default grace-hopper; grace-blackwell has no resmem). */
  readonly gpu?: NvgraceGpu;
  /** The VM enabled KVM_CAP_ARM_MTE (default false): then no VFIO memslot is accepted. */
  readonly mte?: boolean;
}

const SCENARIO_FIELDS = ['kernel', 'vfioDriver', 'guestMapping', 'fwb', 'dic', 'fault', 'guestKernel', 'gpu', 'mte'] as const;

/** CONTRACT.md `scenario`: host userspace -> VMA flags -> memslot -> KVM stage 2 -> guest stage 1 -> effective. */
export function scenario(input: ScenarioInput): Answer<ScenarioResult> {
  return guarded(() => {
    const f = fieldsOf(input, SCENARIO_FIELDS);
    const kernel = kernelField(f, 'kernel');
    const vfioDriver = vfioDriverField(f, 'vfioDriver', kernel);
    const guestKernel = kernelField(f, 'guestKernel', kernel);
    const guestMapping = ioremapField(f, 'guestMapping', guestKernel, GUEST_MAPPINGS);
    const base = defaultRequest(kernel, vfioDriver, guestMapping, booleanField(f, 'fwb', false));
    const r = runScenario({
      ...base,
      guestKernel,
      dic: booleanField(f, 'dic', base.dic),
      fault: enumField(f, 'fault', FAULT_KINDS, base.fault),
      gpu: gpuField(f, 'gpu', kernel, vfioDriver),
      mte: mteField(f, 'mte', kernel),
    });
    // Stryker disable next-line ConditionalExpression: equivalent, the fields above refused every absent driver region and mapping
    if (r === null) throw new Error('availability checked above');
    return ok(r);
  });
}

export type TableStatus = 'ok' | 'unavailable' | 'memslot-refused' | 'fault-failed';

export interface ScenarioTableRow {
  readonly kernel: KernelVersion;
  readonly vfioDriver: VfioDriver;
  readonly guestMapping: GuestMapping;
  readonly fwb: boolean;
  readonly status: TableStatus;
  readonly hostUserspace: MemoryTypeName | null;
  readonly allowAnyUncached: boolean | null;
  readonly stage2Prot: Stage2Prot | null;
  readonly stage2MemAttr: number | null;
  readonly guestStage1: MemoryTypeName | null;
  readonly effective: MemoryTypeName | null;
  /** Why there is no effective type (errno, or the version something arrived in). */
  readonly note: string | null;
}

export interface ScenarioTable {
  readonly kernels: readonly KernelVersion[];
  readonly dic: boolean;
  readonly fault: FaultKind;
  readonly rows: readonly ScenarioTableRow[];
}

export interface ScenarioTableInput {
  /** Kernel versions to list (default: every covered version). */
  readonly kernels?: readonly string[];
  readonly dic?: boolean;
  readonly fault?: FaultKind;
}

/** Why a row maps nothing: the driver or the guest mapping arrived later. */
function unavailableNote(kernel: KernelVersion, driver: VfioDriver, mapping: GuestMapping): string {
  const arrival = vfioDriverArrival(driver);
  return arrival !== null && !atLeast(kernel, arrival.since)
    ? `${driver} arrived in ${arrival.since}`
    : `${mapping}() arrived in ${FEATURES.ioremap_np.since}`;
}

/** Every driver x guest mapping x FWB x kernel version, one row each (the CLI's `--table`). */
export function scenarioTable(input: ScenarioTableInput = {}): Answer<ScenarioTable> {
  return guarded(() => {
    const f = fieldsOf(input, ['kernels', 'dic', 'fault']);
    let kernels: KernelVersion[] = [...KERNEL_VERSIONS];
    if (f.kernels !== undefined) {
      if (!Array.isArray(f.kernels)) throw new InputError('kernels', 'kernels must be an array of "MAJOR.MINOR" strings');
      kernels = f.kernels.map((k, i) => kernelField({ [`kernels[${i}]`]: k }, `kernels[${i}]`));
    }
    const dic = booleanField(f, 'dic', true);
    const fault = enumField(f, 'fault', FAULT_KINDS, 'write');
    const rows: ScenarioTableRow[] = [];
    for (const kernel of kernels) {
      for (const vfioDriver of VFIO_DRIVERS) {
        for (const guestMapping of GUEST_MAPPINGS) {
          for (const fwb of [false, true]) {
            const base = { kernel, vfioDriver, guestMapping, fwb };
            const r = runScenario({ ...defaultRequest(kernel, vfioDriver, guestMapping, fwb), dic, fault });
            if (r === null) {
              rows.push({
                ...base,
                status: 'unavailable',
                hostUserspace: null,
                allowAnyUncached: null,
                stage2Prot: null,
                stage2MemAttr: null,
                guestStage1: null,
                effective: null,
                note: unavailableNote(kernel, vfioDriver, guestMapping),
              });
              continue;
            }
            // runScenario() gives no stage 2 exactly when the memslot was refused.
            const s2 = r.stage2;
            rows.push({
              ...base,
              status: s2 === null ? 'memslot-refused' : s2.errno !== null ? 'fault-failed' : 'ok',
              hostUserspace: r.hostUserspace.memoryType,
              allowAnyUncached: r.vmaFlags.includes('VM_ALLOW_ANY_UNCACHED'),
              stage2Prot: s2 === null ? null : s2.prot,
              stage2MemAttr: s2 === null ? null : s2.memAttr,
              guestStage1: r.guestStage1.memoryType,
              effective: r.effectiveType,
              note: s2 === null ? `memslot ${r.memslot.errno}` : s2.errno !== null ? `fault ${s2.errno}` : null,
            });
          }
        }
      }
    }
    return ok({ kernels, dic, fault, rows });
  });
}
