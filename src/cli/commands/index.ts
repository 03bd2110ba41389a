/** Every single command, in the order `memattr --help` lists them. */
import type { AnyCommand } from '../command';
import { combineCommand, decodeMairCommand, decodeS2Command } from './arm64';

export const COMMANDS: readonly AnyCommand[] = [decodeMairCommand, decodeS2Command, combineCommand];
