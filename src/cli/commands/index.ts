/** Every single command, in the order `memattr --help` lists them. */
import type { AnyCommand } from '../command';
import { combineCommand, decodeMairCommand, decodeS2Command } from './arm64';
import {
  eptCombineCommand,
  kvmEptTypeCommand,
  releasesCommand,
  riscvPassthroughCommand,
  svpbmtCombineCommand,
  timelineCommand,
  x86PassthroughCommand,
} from './beyond';
import { accessCommand } from './bus';
import { compareCommand } from './compare';
import { claimsCommand, kvmStage2Command, scenarioCommand, userspaceCommand } from './kernel';
import {
  ioremapMappingCommand,
  kvmExclAtomicAbortCommand,
  kvmGuestSeaCommand,
  kvmMemslotCommand,
  linuxMairCommand,
  qemuEmulationCommand,
  qemuMapBarCommand,
  vfioMmapCommand,
} from './linux';

export const COMMANDS: readonly AnyCommand[] = [
  decodeMairCommand,
  decodeS2Command,
  combineCommand,
  kvmStage2Command,
  scenarioCommand,
  userspaceCommand,
  accessCommand,
  claimsCommand,
  compareCommand,
  kvmMemslotCommand,
  vfioMmapCommand,
  ioremapMappingCommand,
  linuxMairCommand,
  kvmExclAtomicAbortCommand,
  kvmGuestSeaCommand,
  qemuMapBarCommand,
  qemuEmulationCommand,
  timelineCommand,
  releasesCommand,
  eptCombineCommand,
  kvmEptTypeCommand,
  x86PassthroughCommand,
  svpbmtCombineCommand,
  riscvPassthroughCommand,
];
