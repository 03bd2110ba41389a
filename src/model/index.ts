/**
 * memattr's public API. Examples, pages, components and the CLI import from here only
 * (`import { combine } from 'memattr'`); the operation names match CONTRACT.md's batch `op`s.
 */

export type { CombineInput, CombineResult, DecodeMairInput, DecodeMairResult, DecodeS2Input, DecodeS2Result, FlatAttrs } from './arm64/api';
export { combine, decodeMair, decodeS2 } from './arm64/api';
export type { CombineRule } from './arm64/combine';
export { COMBINE_RULES } from './arm64/combine';
export { encodeMair } from './arm64/mair';
export type { ClassifiedAttrs, ClassifiedS2, MemoryClass } from './arm64/memory-class';
export { MEMORY_CLASSES, memoryClass, memoryClassOfName, s2MemoryClass } from './arm64/memory-class';
export { S2_FWB_MEMATTRS } from './arm64/stage2';
export type {
  AllocHint,
  Cacheability,
  CacheSide,
  DeviceType,
  MemAttrs,
  MemoryTypeName,
  S1Attrs,
  S2Attrs,
  Shareability,
} from './arm64/types';
export { ALLOC_HINTS, CACHEABILITIES, DEVICE_TYPES, MEMORY_TYPE_NAMES, SHAREABILITIES } from './arm64/types';
export type { AccessInput, AccessResult, Ls64Facts, ProgramJudgement, TimelineOutcome, TimelineTransaction } from './bus/api';
export { access, judgeProgram, usagePrograms } from './bus/api';
export type { Cost, CostConfig, CostRange } from './bus/cost';
export { costOf, costRange, DEFAULT_COST, tlpOverhead } from './bus/cost';
export type { DeviceModel, DeviceVerdict } from './bus/devices';
export { DEVICE_MODEL_MEANING, DEVICE_MODELS } from './bus/devices';
export type { BlockShape, EnumerateOptions, Enumeration, EnumerationFailure, Summary } from './bus/enumerate';
export { enumerateOutcomes, LIMITS as ENUMERATION_LIMITS, summarize } from './bus/enumerate';
export type {
  ExceptionLevel,
  Ls64DataAbort,
  Ls64Exception,
  Ls64TargetType,
  Ls64Undefined,
  St64bOutcomeKind,
  St64bRule,
} from './bus/ls64';
export { DFSC_EXCL_ATOMIC, EXCEPTION_LEVELS, LS64_TARGET_TYPES, ST64B_OUTCOME_KINDS, ST64B_RULES } from './bus/ls64';
export type { BusMemoryType, TypeRules } from './bus/rules';
export { accessMemoryTypes, BARRIER_ORDERS, BUS_MEMORY_TYPES, GATHER_BLOCK_BYTES, TYPE_RULES } from './bus/rules';
export type { StoreForm, TrappedStore } from './bus/trap';
export { STORE_FORM_INFO, STORE_FORMS, trappedStore, whyStr } from './bus/trap';
export type { Hazard, Outcome, Transaction, Unit } from './bus/types';
export { HAZARD_MEANING, HAZARDS } from './bus/types';
export type { Claim, ClaimsResult, Speaker, Verdict } from './claims/api';
export { claims, SPEAKERS, VERDICT_TEXT, VERDICTS } from './claims/api';
// Beyond arm64: x86 (Intel EPT + PAT), RISC-V (H extension + Svpbmt), the side-by-side comparison and the timeline;
// release by release (the generated page) from the version data (RELEASES, KERNEL_CHANGES).
export type { CompareArch, CompareInput, CompareResult, CompareRow } from './compare/api';
export { COMPARE_ARCHES, compare, NOT_MODELLED } from './compare/api';
export type {
  ReleaseChange,
  ReleaseEntry,
  ReleasesResult,
  TimelineArea,
  TimelineEntry,
  TimelineResult,
  TimelineStatus,
} from './compare/history-api';
export { releases, TIMELINE_AREAS, TIMELINE_STATUSES, timeline } from './compare/history-api';
export type { Citation, DecidedBy, GuestIoremap } from './cross-arch';
export { DECIDERS, GUEST_IOREMAPS } from './cross-arch';
// What the device sees: accessors as CPU programs, the bus enumerator, device models, cost, trapped MMIO (CONTRACT.md access).
export type {
  Accessor,
  AccessorChange,
  AccessorField,
  AccessorInfo,
  AccessorKernel,
  BarrierKind,
  ContrastSequence,
  CpuProgram,
  Instr,
} from './linux/accessors';
export {
  ACCESSOR_FIELDS,
  ACCESSOR_INFO,
  ACCESSOR_KERNEL_RANGE,
  ACCESSOR_KERNELS,
  ACCESSORS,
  accessorChanges,
  accessorProgram,
  CONTRAST_SEQUENCES,
  contrastProgram,
} from './linux/accessors';
// Kernel and VMM layers, end-to-end scenarios and the thread's claims (CONTRACT.md kvmStage2, scenario, claims).
// Also the aborts beside the stage-2 choice: DFSC 0x35 / LS64 (7.0) and synchronous external aborts (6.19).
export type { KvmExclAtomicAbortInput, KvmGuestSeaInput, KvmMemslotInput, KvmStage2Input } from './linux/api';
export {
  ioremapMapping,
  kvmExclAtomicAbort,
  kvmGuestSea,
  kvmMemslot,
  kvmStage2,
  kvmStage2MemAttrs,
  linuxMair,
  vfioMmap,
} from './linux/api';
export type { ChangeArea, ChangeEffect, ChangeId, KernelChange } from './linux/changes';
export { CHANGE_AREAS, CHANGE_EFFECTS, KERNEL_CHANGES } from './linux/changes';
export type { AbortLevel, ExclAtomicAccess, ExclAtomicOutcome, ExclAtomicResult, SeaOutcome, SeaResult } from './linux/kvm-abort';
export { ABORT_LEVELS, EXCL_ATOMIC_ACCESSES, EXCL_ATOMIC_OUTCOMES, SEA_OUTCOMES } from './linux/kvm-abort';
export type { KvmLs64Trap } from './linux/kvm-ls64';
export { KVM_LS64_TRAP_HANDLER, kvmLs64Trap } from './linux/kvm-ls64';
export type { FaultKind, KvmBranch, KvmStage2Result, MemslotResult, MtS2Name, Stage2Prot } from './linux/kvm-stage2';
export { FAULT_KINDS, KVM_BRANCHES, MT_S2, MT_S2_USE } from './linux/kvm-stage2';
export type { KvmStage2MemAttr, Stage2Backing } from './linux/kvm-stage2-attrs';
export type { Confidence, Evidence, ReleaseRow } from './linux/releases';
export { CONFIDENCES, READ_EACH_RELEASE, RELEASES } from './linux/releases';
export type { IoremapApi, KernelMapping, MairAttrName, MairEl1, MtName, PgprotHelper } from './linux/stage1';
export { IOREMAP_APIS, IOREMAP_MT, MAIR_ATTR, MT_NAMES, PGPROT_HELPERS } from './linux/stage1';
export type { Feature, KernelVersion, KvmEra } from './linux/versions';
export { FEATURES, KERNEL_RANGE, KERNEL_VERSIONS, KVM_ERAS, NEWEST_KERNEL, OLDEST_KERNEL } from './linux/versions';
export type { DmabufAttr, NvgraceGpu, NvgraceGpuRegions, VfioDriver, VfioMapping } from './linux/vfio';
export { DMABUF_MEMATTR_PROPOSAL, NVGRACE_GPU_REGIONS, NVGRACE_GPUS, VFIO_DMABUF_EXPORT, VFIO_DRIVERS } from './linux/vfio';
export type { FlagDeclaration, VmaFlag } from './linux/vma';
export { VMA_FLAGS, vmAllowAnyUncachedDeclaration } from './linux/vma';
export type { OperationName } from './operations';
export { OPERATION_NAMES, OPERATIONS, runOperation } from './operations';
export type { Answer, ErrorCode, ModelError } from './result';
export { badInput } from './result';
export type {
  GstageChoice,
  PbmtMode,
  PmaClass,
  RiscvFactId,
  RiscvPassthroughInput,
  RiscvPassthroughResult,
  SvpbmtAttrs,
  SvpbmtCombineInput,
  SvpbmtCombineResult,
  SvpbmtRule,
} from './riscv/api';
export {
  PBMT_ATTRIBUTES,
  PBMT_ENCODING,
  PBMT_MODES,
  PMA_CLASSES,
  RISCV_FACTS,
  riscvPassthrough,
  SVPBMT_RULES,
  svpbmtCombine,
} from './riscv/api';
export type {
  GuestMapping,
  ScenarioInput,
  ScenarioLayer,
  ScenarioResult,
  ScenarioStep,
  ScenarioTable,
  ScenarioTableInput,
  ScenarioTableRow,
  TableStatus,
} from './scenario/api';
export { GUEST_MAPPINGS, scenario, scenarioTable } from './scenario/api';
export type { AccessProperties, QemuBarMapping, UserspaceMapping, UserspacePath } from './vmm/api';
export { accessProperties, qemuEmulation, qemuMapBar, USERSPACE_PATHS, userspaceDriver } from './vmm/api';
export type {
  EptCombineInput,
  EptCombineResult,
  EptRule,
  EptType,
  KvmEptTypeInput,
  PatType,
  VmxMtBranch,
  VmxMtEra,
  VmxMtResult,
  X86EffectiveType,
  X86PassthroughInput,
  X86PassthroughResult,
} from './x86/api';
export {
  AMD_NPT,
  EPT_ENCODING,
  EPT_RULES,
  EPT_TYPES,
  eptCombine,
  kvmEptType,
  PAT_ENCODING,
  PAT_TYPES,
  SDM_TABLE_11_7,
  TABLE_FOOTNOTES,
  VMX_MT_AFTER_QUIRK,
  VMX_MT_ERAS,
  X86_EFFECTIVE_TYPES,
  x86Passthrough,
} from './x86/api';
