// Building blocks for tolerant schemas. Persona adds attributes, statuses and types without a new
// API version and a key's attribute blocklist removes attributes outright
// (https://docs.withpersona.com/versioning, https://docs.withpersona.com/api-attribute-blocklists),
// so every part here accepts absence, null and a wrong type (read as "not there") instead of
// failing the whole body. Unknown keys are kept. The parts are plain readers (tolerant.ts).
import { isRecord } from '../is-record.ts';
import {
  type AlwaysField,
  always,
  maybe,
  type ObjectOf,
  objectReader,
  type Reader,
  readList,
  type TolerantShape,
} from './tolerant.ts';

/** A string, or `undefined` for absent, null or not-a-string. */
export const text = maybe((value) => (typeof value === 'string' ? value : undefined));

/**
 * A string, or a (finite) number as its digits: a reference ID is the customer's own, and a backend that
 * sent its ticket number as a JSON number still means that ticket. Else `undefined`.
 */
export const label = maybe((value) => (Number.isFinite(value) ? String(value) : text.read(value)));

export const flag = maybe((value) => (typeof value === 'boolean' ? value : undefined));

// Number.isFinite, unlike the global isFinite, is false for anything not a number.
export const count = maybe((value) => (Number.isFinite(value) ? (value as number) : undefined));

/** The strings of a list; anything else in it (or a list that is not one) is dropped. */
export const strings = always((value) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [],
);

const asRecord = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

/** Any object; `[]`, null or absent become `{}` (check `metadata` arrives as either). */
export const record = always(asRecord);

/** An object read with `shape`, always there: a value that is not an object is read as `{}`. */
export function section<S extends TolerantShape>(shape: S): AlwaysField<ObjectOf<S>> {
  const read = objectReader(shape);
  return always((value) => read(asRecord(value)) as ObjectOf<S>);
}

/** The items of a list that `read` accepts; the others are skipped rather than failing. */
export function listOf<T>(read: Reader<T>) {
  return always((value) => readList(value, read));
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
export const relationships = always((value) => {
  const out: Record<string, ResourceRef[]> = {};
  if (!isRecord(value)) return out;
  for (const [name, relation] of Object.entries(value)) {
    out[name] = toRefs(isRecord(relation) ? relation.data : undefined);
  }
  return out;
});

const typeOrId = always((value) => (typeof value === 'string' ? value : ''));

/** A JSON:API resource object whose `attributes` are read by `attributes` (missing → `{}`). */
// Pure, so a resource built but unused (reportResource, kept for the tests) leaves the worker.
/* @__NO_SIDE_EFFECTS__ */
export function resource<A>(attributes: AlwaysField<A>) {
  return objectReader({ type: typeOrId, id: typeOrId, attributes, relationships });
}
