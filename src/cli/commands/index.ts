/** Every single command, in the order `memattr --help` lists them. */
import type { AnyCommand } from '../command';
import { combineCommand, decodeMairCommand, decodeS2Command } from './arm64';
import { accessCommand } from './bus';
import { compareCommand } from './compare';
import { claimsCommand, kvmStage2Command, scenarioCommand, userspaceCommand } from './kernel';

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
];
