// Storage items declared with zod/mini schemas: the one source of truth for what each stored value
// may hold. Reading and writing them is storage.ts (no zod); the popup's first screen reads its
// items through checks generated from these schemas (scripts/gen-stored-checks.ts).
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import {
  type Area,
  isPlainObject,
  type Parser,
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

/**
 * A schema, or a function building it on first use (`lazy(() => z.object(...))`, lazy.ts): the
 * item's `schema` then builds it when the item is first read, not when the script starts.
 */
export type SchemaSource<T> = z.ZodMiniType<T> | (() => z.ZodMiniType<T>);

function builder<T>(source: SchemaSource<T>): () => z.ZodMiniType<T> {
  return typeof source === 'function' ? lazy(source) : () => source;
}

/** A parser that builds its schema on its first parse. */
function parserOf<T>(schema: () => z.ZodMiniType<T>): Parser<T> {
  return { safeParse: (raw) => schema().safeParse(raw) };
}

function schemaItem<T>(
  fields: Omit<SchemaItem<T>, 'schema'>,
  schema: () => z.ZodMiniType<T>,
): SchemaItem<T> {
  return Object.defineProperty(fields, 'schema', {
    get: schema,
    enumerable: true,
  }) as SchemaItem<T>;
}

export function defineItem<T>(
  area: Area,
  key: string,
  schema: SchemaSource<T>,
  // NoInfer: the schema alone decides T; `() => []` must not narrow it to never[].
  fallback: () => NoInfer<T>,
  salvage?: (raw: unknown) => NoInfer<T> | undefined,
): SchemaItem<T> {
  const fields = salvage
    ? { area, key, fallback, salvage, salvageBy: 'custom' as const }
    : { area, key, fallback };
  return schemaItem(fields, builder(schema));
}

/** A stored list whose entries are parsed one by one: a bad entry is dropped alone. */
export function defineListItem<E>(
  area: Area,
  key: string,
  entry: SchemaSource<E>,
): SchemaItem<E[]> {
  const entrySchema = builder(entry);
  return schemaItem(
    {
      area,
      key,
      fallback: () => [],
      salvage: salvageList(parserOf(entrySchema)),
      salvageBy: 'list',
    },
    lazy(() => z.array(entrySchema())),
  );
}

/** A stored record whose values are parsed one by one: a bad value is dropped alone. */
export function defineRecordItem<E>(
  area: Area,
  key: string,
  entry: SchemaSource<E>,
): SchemaItem<Record<string, E>> {
  const entrySchema = builder(entry);
  return schemaItem(
    {
      area,
      key,
      fallback: () => ({}),
      salvage: salvageRecord(parserOf(entrySchema)),
      salvageBy: 'record',
    },
    lazy(() => z.record(z.string(), entrySchema())),
  );
}

/**
 * Parses an object field by field with the object's own field schemas (each with a default): an
 * out-of-range field falls back to its default alone.
 */
export function salvageFields<T>(
  shape: () => Record<string, z.ZodMiniType>,
): (raw: unknown) => T | undefined {
  return (raw) => {
    if (!isPlainObject(raw)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(shape())) {
      const parsed = field.safeParse(raw[name]);
      const fallback = parsed.success ? undefined : field.safeParse(undefined);
      if (parsed.success) out[name] = parsed.data;
      else if (fallback?.success) out[name] = fallback.data;
      else return undefined;
    }
    return out as T;
  };
}
