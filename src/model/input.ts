/**
 * Runtime checks for operation inputs. The API is called from typed code, from JSON (batch mode) and
 * from a reader's live edit, so every field is checked where it enters: the error names the field
 * and says why, and unknown fields are refused (CONTRACT.md: "Unknown `op` or unknown fields").
 */
import { InputError } from './result';

export type Fields = Readonly<Record<string, unknown>>;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `${value}`;
  return `a ${typeof value}`;
}

/** The input must be a plain object whose keys are all in `known`. */
export function fieldsOf(input: unknown, known: readonly string[]): Fields {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InputError(undefined, `input must be an object, got ${describe(input)}`);
  }
  for (const key of Object.keys(input)) {
    if (!known.includes(key)) {
      throw new InputError(
        key,
        known.length === 0
          ? `unknown field "${key}": this operation takes no fields`
          : `unknown field "${key}"; known fields: ${known.join(', ')}`,
      );
    }
  }
  return input as Fields;
}

export function integerField(fields: Fields, name: string, min: number, max: number, fallback?: number): number {
  const value = fields[name];
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new InputError(name, `${name} is required (an integer from ${min} to ${max})`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InputError(name, `${name} must be an integer from ${min} to ${max}, got ${describe(value)}`);
  }
  if (value < min || value > max) {
    throw new InputError(name, `${name} must be from ${min} to ${max} (0x${min.toString(16)}-0x${max.toString(16)}), got ${value}`);
  }
  return value;
}

export function booleanField(fields: Fields, name: string, fallback: boolean): boolean {
  const value = fields[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InputError(name, `${name} must be true or false, got ${describe(value)}`);
  return value;
}

export function enumField<T extends string>(fields: Fields, name: string, allowed: readonly T[], fallback?: T): T {
  const value = fields[name];
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new InputError(name, `${name} is required (one of ${allowed.join(', ')})`);
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InputError(name, `${name} must be one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

export function enumArrayField<T extends string>(
  fields: Fields,
  name: string,
  allowed: readonly T[],
  fallback?: readonly T[],
): readonly T[] {
  const value = fields[name];
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new InputError(name, `${name} is required (an array of ${allowed.join(', ')})`);
  }
  if (!Array.isArray(value)) throw new InputError(name, `${name} must be an array, got ${describe(value)}`);
  const out: T[] = [];
  for (const [i, item] of value.entries()) {
    if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
      throw new InputError(name, `${name}[${i}] must be one of ${allowed.join(', ')}, got ${describe(item)}`);
    }
    if (!out.includes(item as T)) out.push(item as T);
  }
  return out;
}
