/**
 * memattr's public API. Examples, pages, components and the CLI import from here only
 * (`import { combine } from 'memattr'`); the operation names match CONTRACT.md's batch `op`s.
 */

export type { CombineInput, CombineResult, DecodeMairInput, DecodeMairResult, DecodeS2Input, DecodeS2Result, FlatAttrs } from './arm64/api';
export { combine, decodeMair, decodeS2 } from './arm64/api';
export type { CombineRule } from './arm64/combine';
export { COMBINE_RULES } from './arm64/combine';
export { encodeMair } from './arm64/mair';
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
export type { Answer, ErrorCode, ModelError } from './result';
