// Building blocks for tolerant schemas. Persona adds attributes, statuses and types without a new
// API version and a key's attribute blocklist removes attributes outright
// (https://docs.withpersona.com/versioning, https://docs.withpersona.com/api-attribute-blocklists),
// so every part here accepts absence, null and a wrong type (read as "not there") instead of
// failing the whole body. Unknown keys are kept (`looseObject`). The shared parts are built on
// first use (lazy.ts), like every schema made of them, not while the worker's script runs.
import * as z from 'zod/mini';
import { lazy } from '../lazy.ts';
import { isRecord } from './key-inflection.ts';

/** A value read by `pick`; an absent key stays absent (zod needs `optional` for that). */
function maybe<T>(pick: (value: unknown) => T | undefined) {
  return z.optional(z.pipe(z.unknown(), z.transform(pick)));
}

/** A value that is always there: `read` turns absence (given as null) into a fresh default. */
export function always<T>(read: (value: unknown) => T) {
  return z.prefault(z.pipe(z.unknown(), z.transform(read)), null);
}

/** A string, or `undefined` for absent, null or not-a-string. */
export const text = lazy(() => maybe((value) => (typeof value === 'string' ? value : undefined)));

export const flag = lazy(() => maybe((value) => (typeof value === 'boolean' ? value : undefined)));

export const count = lazy(() =>
  maybe((value) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined)),
);

/** The strings of a list; anything else in it (or a list that is not one) is dropped. */
export const strings = lazy(() =>
  always((value) =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [],
  ),
);

/** Any object; `[]`, null or absent become `{}` (check `metadata` arrives as either). */
export const record = lazy(() =>
  always((value): Record<string, unknown> => (isRecord(value) ? value : {})),
);

/** The items of a list that match `schema`; the others are skipped rather than failing. */
export function listOf<S extends z.ZodMiniType>(schema: S) {
  return always((value) => readList(value, schema));
}

export function readList<S extends z.ZodMiniType>(value: unknown, schema: S): z.output<S>[] {
  const items: z.output<S>[] = [];
  if (!Array.isArray(value)) return items;
  for (const item of value) {
    const parsed = schema.safeParse(item);
    if (parsed.success) items.push(parsed.data);
  }
  return items;
}

export interface ResourceRef {
  type: string;
  id: string;
}

/** Relationship `data` may be null, `{}`, one object or a list; the OAS examples show all four. */
export function toRefs(data: unknown): ResourceRef[] {
  const items = Array.isArray(data) ? data : [data];
  const refs: ResourceRef[] = [];
  for (const item of items) {
    if (!isRecord(item) || typeof item.id !== 'string' || item.id === '') continue;
    refs.push({ type: typeof item.type === 'string' ? item.type : '', id: item.id });
  }
  return refs;
}

/** `relationships` as a map of name → references (empty list for "no relation"). */
export const relationships = lazy(() =>
  always((value) => {
    const out: Record<string, ResourceRef[]> = {};
    if (!isRecord(value)) return out;
    for (const [name, relation] of Object.entries(value)) {
      out[name] = toRefs(isRecord(relation) ? relation.data : undefined);
    }
    return out;
  }),
);

/** A JSON:API resource object whose `attributes` follow `attributes` (missing → `{}`). */
export function resource<A extends z.ZodMiniType>(attributes: A) {
  return z.looseObject({
    // Not z.catch: it pulls zod's error formatting into the bundle (~3 KB gzip) for nothing here.
    type: always((value) => (typeof value === 'string' ? value : '')),
    id: always((value) => (typeof value === 'string' ? value : '')),
    // Attribute schemas accept any object, so parse() cannot throw here.
    attributes: always((value): z.output<A> => attributes.parse(isRecord(value) ? value : {})),
    relationships: relationships(),
  });
}
