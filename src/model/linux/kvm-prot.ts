/**
 * The stage-2 prot bits for a fault once the device decision is made: user_mem_abort() through 7.0,
 * kvm_s2_fault_compute_prot() from 7.1 (kvm-fault-path.ts).
 *
 * - An exec fault on a forced non-cacheable mapping returns -ENOEXEC (6d674e28f642, v5.0), which
 *   kvm_handle_guest_abort() turns into a prefetch abort for the guest.
 * - Forced non-cacheable: KVM_PGTABLE_PROT_NORMAL_NC when the VMA has VM_ALLOW_ANY_UNCACHED (6.9+,
 *   8c47ce3e1d2c), else KVM_PGTABLE_PROT_DEVICE; never executable (stage2_set_prot_attr() refuses X
 *   with either).
 * - Otherwise Normal: X on an exec fault, or up front with DIC (ARM64_HAS_CACHE_DIC).
 * - Dirty logging write-protects a read or exec fault, in the else-branch of the device / PFNMAP test,
 *   so only the plain-memory branches (in 6.17+ a cacheable PFN map does not).
 */
import type { PfnDecision } from './kvm-pin-pfn';
import type { Stage2Prot, Stage2Request } from './kvm-types';
import { hasFeature } from './versions';

export type ProtDecision =
  | { readonly errno: 'ENOEXEC'; readonly why: string }
  | {
      readonly errno: null;
      readonly prot: Stage2Prot;
      readonly executable: boolean;
      /** S2AP W: false when dirty logging write-protects a read or exec fault. */
      readonly writable: boolean;
      /** Why this prot; the executable and logging clauses follow stage2_set_prot_attr()'s MemAttr in a reason. */
      readonly why: string;
      readonly tail: string;
    };

function protOf(r: Stage2Request, forced: boolean): { readonly prot: Stage2Prot; readonly why: string } {
  if (!forced) return { prot: 'NORMAL', why: 'prot has neither DEVICE nor NORMAL_NC, so stage 2 is Normal Write-Back' };
  if (!hasFeature(r.kernel, 'VM_ALLOW_ANY_UNCACHED')) {
    return { prot: 'DEVICE', why: 'this version has no VM_ALLOW_ANY_UNCACHED, so every device mapping gets KVM_PGTABLE_PROT_DEVICE' };
  }
  return r.vmaFlags.includes('VM_ALLOW_ANY_UNCACHED')
    ? { prot: 'NORMAL_NC', why: 'the VMA has VM_ALLOW_ANY_UNCACHED, so prot gets KVM_PGTABLE_PROT_NORMAL_NC' }
    : { prot: 'DEVICE', why: 'the VMA lacks VM_ALLOW_ANY_UNCACHED, so prot gets KVM_PGTABLE_PROT_DEVICE' };
}

function executableOf(r: Stage2Request, forced: boolean): { readonly executable: boolean; readonly why: string } {
  if (forced) return { executable: false, why: 'never executable (XN set)' };
  if (r.fault === 'exec') {
    return { executable: true, why: 'executable because this is an exec fault (KVM_PGTABLE_PROT_X after invalidating the I-cache)' };
  }
  return r.dic
    ? { executable: true, why: 'executable up front because the CPU has DIC (ARM64_HAS_CACHE_DIC)' }
    : { executable: false, why: 'not executable yet: without DIC, X is added on the first exec fault' };
}

function writableOf(r: Stage2Request, pfn: PfnDecision & { readonly errno: null }): { readonly writable: boolean; readonly why: string } {
  const logsWrites = pfn.branch === 'memory' || pfn.branch === 'not-pfnmap-assumed-cacheable';
  if (!r.logging) return { writable: true, why: '' };
  if (!logsWrites) {
    return {
      writable: true,
      why: '; dirty logging does not write-protect this branch (the check sits in the else-branch of the device / PFNMAP test)',
    };
  }
  return r.fault === 'write'
    ? { writable: true, why: '; dirty logging is on and this is a write fault, so it maps writable' }
    : {
        writable: false,
        why: '; dirty logging is on and this is not a write fault, so it maps read-only (S2AP W clear) to catch the first write',
      };
}

export function kvmS2FaultComputeProt(r: Stage2Request, pfn: PfnDecision & { readonly errno: null }): ProtDecision {
  if (r.fault === 'exec' && pfn.forced) {
    return {
      errno: 'ENOEXEC',
      why: 'the fault is an instruction fetch, and a non-cacheable (device) stage-2 mapping is never executable: -ENOEXEC, which kvm_handle_guest_abort() turns into a prefetch abort injected into the guest.',
    };
  }
  const { prot, why } = protOf(r, pfn.forced);
  const x = executableOf(r, pfn.forced);
  const w = writableOf(r, pfn);
  return { errno: null, prot, executable: x.executable, writable: w.writable, why, tail: `${x.why}${w.why}` };
}
