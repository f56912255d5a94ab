// Object readers for Persona's bodies, without a schema library. An object is read key by key
// with one field reader per known key; unknown keys are kept as they are (Persona adds
// attributes without a new version: https://docs.withpersona.com/versioning). Three kinds of
// field, which together are all the bodies need (schema-parts.ts builds Persona's parts on them):
// - `maybe`: the key stays absent when it is absent; a present value is read, and "not there"
//   is `undefined` (an attribute a key's blocklist removed simply is not in the answer);
// - `always`: the key is always there; absence is read as `null`, so the reader gives a default;
// - `required`: the key must be there and its value read, or the whole object does not read
//   (e.g. `data` of a document).
// Plain functions and objects: nothing to build when the worker's script runs, no library
// loaded. These are the rules zod/mini's `looseObject` with `optional` and `prefault` fields
// followed when the bodies were read with it; test/unit/shared/persona/tolerant.test.ts holds
// them to it.
import { isRecord } from '../is-record.ts';

/** Reads a value; `undefined` when the value lacks the shape it needs. */
export type Reader<T> = (value: unknown) => T | undefined;

/** What `R` gives when it reads. */
export type Read<R> = R extends Reader<infer T> ? T : never;

export interface MaybeField<T> {
  readonly kind: 'maybe';
  /** Called with a present, defined value; `undefined` for "not there". */
  readonly read: (value: unknown) => T | undefined;
}

export interface AlwaysField<T> {
  readonly kind: 'always';
  /** Called with the value, or with `null` when the key is absent or `undefined`. */
  readonly read: (value: unknown) => T;
}

export interface RequiredField<T> {
  readonly kind: 'required';
  /** Called with the value (`undefined` when absent); `undefined` fails the object. */
  readonly read: Reader<T>;
}

export type Field = MaybeField<unknown> | AlwaysField<unknown> | RequiredField<unknown>;
export type Shape = Readonly<Record<string, Field>>;
/** A shape without `required` fields: it reads any object. */
export type TolerantShape = Readonly<Record<string, MaybeField<unknown> | AlwaysField<unknown>>>;

type ValueOf<F> =
  F extends MaybeField<infer T>
    ? T | undefined
    : F extends AlwaysField<infer T>
      ? T
      : F extends RequiredField<infer T>
        ? T
        : never;

type Prettify<T> = { [K in keyof T]: T[K] } & {};

/** What an object read with `S` looks like: `maybe` keys optional, unknown keys kept. */
export type ObjectOf<S extends Shape> = Prettify<
  { -readonly [K in keyof S as S[K] extends MaybeField<unknown> ? never : K]: ValueOf<S[K]> } & {
    -readonly [K in keyof S as S[K] extends MaybeField<unknown> ? K : never]?: ValueOf<S[K]>;
  } & { [key: string]: unknown }
>;

export function maybe<T>(read: (value: unknown) => T | undefined): MaybeField<T> {
  return { kind: 'maybe', read };
}

export function always<T>(read: (value: unknown) => T): AlwaysField<T> {
  return { kind: 'always', read };
}

export function required<T>(read: Reader<T>): RequiredField<T> {
  return { kind: 'required', read };
}

/**
 * Reads any object (not an array); a shape without `required` fields cannot fail on one. The
 * object is read with `shape`: the shape's keys first, in the shape's order, then every other
 * enumerable key of the input as it is. `__proto__` is never copied (it would replace the result's
 * prototype), and presence is `key in input`, as zod reads it.
 */
export function objectReader<S extends Shape>(shape: S): Reader<ObjectOf<S>> {
  return (input) => {
    if (!isRecord(input)) return undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      if (key === '__proto__') continue;
      const field = shape[key] as Field;
      const value = input[key];
      if (field.kind === 'maybe') {
        if (!(key in input)) continue;
        out[key] = value === undefined ? undefined : field.read(value);
      } else if (field.kind === 'always') {
        out[key] = field.read(value === undefined ? null : value);
      } else {
        const read = key in input ? field.read(value) : undefined;
        if (read === undefined) return undefined;
        out[key] = read;
      }
    }
    for (const key in input) {
      if (key === '__proto__' || Object.hasOwn(shape, key)) continue;
      out[key] = input[key];
    }
    return out as ObjectOf<S>;
  };
}

/** The items of a list that `read` accepts; the others, or a value that is no list, are skipped. */
export function readList<T>(value: unknown, read: Reader<T>): T[] {
  const items: T[] = [];
  if (!Array.isArray(value)) return items;
  for (const item of value) {
    const parsed = read(item);
    if (parsed !== undefined) items.push(parsed);
  }
  return items;
}
