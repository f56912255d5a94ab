// Storage items declared with zod/mini schemas: the one source of truth for what each stored value
// may hold. Reading and writing them is storage.ts (no zod); the popup's first screen reads its
// items through checks generated from these schemas (scripts/gen-stored-checks.ts).
import * as z from 'zod/mini';
import { lazy } from './lazy.ts';
import { salvageRecord } from './salvage.ts';
import { type Area, type Parser, type StorageItem, salvageList } from './storage.ts';

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

/** Fallbacks made by {@link defaultsOf}: the generator gives them as the rule's own defaults. */
const schemaDefaults = new WeakSet<object>();

/** A fallback of the schema's own defaults: its answer for `{}`. */
export function defaultsOf<T>(schema: () => z.ZodMiniType<T>): () => T {
  const fallback = () => schema().parse({});
  schemaDefaults.add(fallback);
  return fallback;
}

export const isDefaultsOf = (fallback: unknown): boolean =>
  typeof fallback === 'function' && schemaDefaults.has(fallback);

/** How a salvage was made: a zod-free function (check-registry.ts) given parsers of these schemas. */
export interface SalvageSpec {
  readonly by: (parts: never) => (raw: unknown) => unknown;
  readonly parts: () => Record<string, z.ZodMiniType>;
}
const salvageSpecs = new WeakMap<object, SalvageSpec>();

/**
 * A salvage made by `by` (zod-free, so the generated items can run the same function) from
 * parsers of the schemas `parts` names: zod's here, the generated checks' in the generated items.
 */
export function salvageWith<T, P extends Record<string, Parser<unknown>>>(
  by: (parts: P) => (raw: unknown) => T | undefined,
  parts: () => P,
): (raw: unknown) => T | undefined {
  let salvage: ((raw: unknown) => T | undefined) | undefined;
  const run = (raw: unknown) => {
    salvage ??= by(parts());
    return salvage(raw);
  };
  salvageSpecs.set(run, {
    by: by as SalvageSpec['by'],
    parts: parts as unknown as SalvageSpec['parts'],
  });
  return run;
}

/** How `salvage` was made, when {@link salvageWith} made it. */
export const salvageSpecOf = (salvage: unknown): SalvageSpec | undefined =>
  typeof salvage === 'function' ? salvageSpecs.get(salvage) : undefined;
