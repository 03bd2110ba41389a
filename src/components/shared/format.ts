/**
 * Small, pure formatting helpers shared by the picture components. They only name what the model
 * computed (hex spelling, short and long type names); they never decide a fact.
 */
import type { CombineResult, FlatAttrs, MemoryClass } from '../../model';

/** `0x04`-style spelling of a MAIR byte (two hex digits, upper case). */
export function hexByte(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** `0x5`-style spelling of a stage-2 MemAttr nibble. */
export function hexNibble(value: number): string {
  return `0x${value.toString(16).toUpperCase()}`;
}

/** The legend's name for each of the model's memory classes (memoryClass()). */
export const MEMORY_CLASS_LABEL = {
  device: 'Device',
  'non-cacheable': 'Normal Non-cacheable',
  cacheable: 'Normal, cacheable on a side',
} as const satisfies Record<MemoryClass, string>;

/** A memory type's name: the contract's summary when inner and outer agree, else both sides. */
export function attrsName(attrs: Pick<FlatAttrs, 'memoryType' | 'inner' | 'outer' | 'summary'>): string {
  if (attrs.summary !== null) return attrs.summary;
  return `Normal (inner ${attrs.inner}, outer ${attrs.outer})`;
}

/** A compact cell label: `nGnRE`, `NC`, `WB`, or `iNC/oWB` when the sides differ. */
export function shortName(attrs: Pick<FlatAttrs, 'memoryType' | 'inner' | 'outer'>): string {
  if (attrs.memoryType !== 'Normal') return attrs.memoryType.replace('Device-', '');
  if (attrs.inner === attrs.outer) return attrs.inner ?? '?';
  return `i${attrs.inner}/o${attrs.outer}`;
}

/** Everything a combined result says besides its type: cacheability details, shareability, XS, tags. */
export function describeCombined(r: CombineResult): string {
  const parts: string[] = [attrsName(r)];
  if (r.memoryType === 'Normal') {
    for (const side of ['inner', 'outer'] as const) {
      const alloc = side === 'inner' ? r.innerAlloc : r.outerAlloc;
      const transient = side === 'inner' ? r.innerTransient : r.outerTransient;
      if (alloc !== null) parts.push(`${side} ${r[side]} ${transient ? 'transient' : 'non-transient'}, allocate ${alloc}`);
    }
  }
  parts.push(r.shareability, `XS=${r.xs}`);
  if (r.tagged) parts.push('MTE tagged');
  return parts.join('; ');
}
