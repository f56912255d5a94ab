// Storage items declared with zod/mini schemas: the one source of truth for what each stored value
// may hold. Reading and writing them is storage.ts (no zod); the popup's first screen reads its
// items through checks generated from these schemas (scripts/gen-stored-checks.ts).
import * as z from 'zod/mini';
import {
  type Area,
  isPlainObject,
  type StorageItem,
  salvageList,
  salvageRecord,
} from './storage.ts';

/** An item with its zod/mini schema, and how it salvages, for the check generator. */
export interface SchemaItem<T> extends StorageItem<T> {
  readonly schema: z.ZodMiniType<T>;
  /** 'list', 'record': entry by entry ({@link defineListItem}, {@link defineRecordItem}). */
  readonly salvageBy?: 'list' | 'record' | 'custom';
}

export function defineItem<T>(
  area: Area,
  key: string,
  schema: z.ZodMiniType<T>,
  // NoInfer: the schema alone decides T; `() => []` must not narrow it to never[].
  fallback: () => NoInfer<T>,
  salvage?: (raw: unknown) => NoInfer<T> | undefined,
): SchemaItem<T> {
  return salvage
    ? { area, key, schema, fallback, salvage, salvageBy: 'custom' }
    : { area, key, schema, fallback };
}

/** A stored list whose entries are parsed one by one: a bad entry is dropped alone. */
export function defineListItem<E>(
  area: Area,
  key: string,
  entry: z.ZodMiniType<E>,
): SchemaItem<E[]> {
  const schema = z.array(entry);
  return { area, key, schema, fallback: () => [], salvage: salvageList(entry), salvageBy: 'list' };
}

/** A stored record whose values are parsed one by one: a bad value is dropped alone. */
export function defineRecordItem<E>(
  area: Area,
  key: string,
  entry: z.ZodMiniType<E>,
): SchemaItem<Record<string, E>> {
  const schema = z.record(z.string(), entry);
  return {
    area,
    key,
    schema,
    fallback: () => ({}),
    salvage: salvageRecord(entry),
    salvageBy: 'record',
  };
}

/**
 * Parses an object field by field with the object's own field schemas (each with a default): an
 * out-of-range field falls back to its default alone.
 */
export function salvageFields<T>(
  shape: Record<string, z.ZodMiniType>,
): (raw: unknown) => T | undefined {
  return (raw) => {
    if (!isPlainObject(raw)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(shape)) {
      const parsed = field.safeParse(raw[name]);
      const fallback = parsed.success ? undefined : field.safeParse(undefined);
      if (parsed.success) out[name] = parsed.data;
      else if (fallback?.success) out[name] = fallback.data;
      else return undefined;
    }
    return out as T;
  };
}
