// Checks of stored values and request messages for code that must not load zod: the popup's and
// side panel's first screen, and the background worker (docs/benchmarks.md). A rule is what one
// zod/mini schema accepts, generated from that schema by scripts/gen-stored-checks.ts, and
// `checker` answers as zod's safeParse does for it: the same success, and the same value (unknown
// keys stripped, an absent optional key left absent, a default put in). The tests in
// test/unit/shared/ (first-screen-items, worker-items, request-checks) hold the two to the same
// answers.
import { type Area, type Parser, type StorageItem, salvageList, salvageRecord } from './storage.ts';

/** z.int() (a safe integer), z.gte(n), z.gt(n), z.lte(n), z.lt(n). */
export type NumberCheck = readonly ['int'] | readonly ['>=' | '>' | '<=' | '<', number];
/**
 * A named function a schema refines with (z.refine, z.custom): the generator takes only those in
 * src/shared/check-registry.ts, so the generated code calls the very function the schema does.
 */
// biome-ignore lint/suspicious/noExplicitAny: any one-argument predicate (a string's, a value's)
export type Predicate = (value: any) => boolean;
/**
 * z.maxLength(n), z.minLength(n): zod counts a string's code points, not its UTF-16 units.
 * z.regex(re) (its source and flags), z.refine(fn).
 */
export type StringCheck =
  | readonly ['maxLength' | 'minLength', number]
  | readonly ['regex', RegExp]
  | readonly ['refine', Predicate];
/** z.maxLength(n), z.minLength(n) on a list: its length. */
export type ArrayCheck = readonly ['maxLength' | 'minLength', number];
/** What z.literal may hold here: JSON's scalars. */
export type Literal = string | number | boolean | null;

export type Rule =
  | { readonly t: 'string'; readonly checks?: readonly StringCheck[] }
  | { readonly t: 'number'; readonly checks?: readonly NumberCheck[] }
  | { readonly t: 'boolean' }
  | { readonly t: 'enum'; readonly values: readonly string[] }
  | { readonly t: 'literal'; readonly values: readonly Literal[] }
  | { readonly t: 'nullable' | 'optional'; readonly of: Rule }
  | { readonly t: 'array'; readonly of: Rule; readonly checks?: readonly ArrayCheck[] }
  /** z.record(z.string(), of). */
  | { readonly t: 'record'; readonly of: Rule }
  /** z.custom(is): the value itself when `is` holds. */
  | { readonly t: 'custom'; readonly is: Predicate }
  /** z._default(of, value), z._default(of, make): `value` a JSON value, `make` a function. */
  | {
      readonly t: 'default';
      readonly of: Rule;
      readonly value?: unknown;
      readonly make?: () => unknown;
    }
  | { readonly t: 'object'; readonly fields: Readonly<Record<string, Rule>> };

/** The value type of an item, to type a generated item as its zod original. */
export type StoredValue<I> = I extends StorageItem<infer T> ? T : never;

const FAIL = Symbol('fail');

function passes(value: number, check: NumberCheck): boolean {
  switch (check[0]) {
    case 'int':
      return Number.isSafeInteger(value);
    case '>=':
      return value >= check[1];
    case '>':
      return value > check[1];
    case '<=':
      return value <= check[1];
    case '<':
      return value < check[1];
  }
}

/** How a field may be left out of its object, as zod's `optin` and `optout` say it. */
function optin(rule: Rule): 'optional' | 'defaulted' | undefined {
  // z.optional passes on absence, so one around a default still fills the key.
  if (rule.t === 'optional') return optin(rule.of) === 'defaulted' ? 'defaulted' : 'optional';
  if (rule.t === 'default') return 'defaulted';
  return rule.t === 'nullable' ? optin(rule.of) : undefined;
}

function optout(rule: Rule): 'optional' | undefined {
  if (rule.t === 'optional') return 'optional';
  return rule.t === 'nullable' ? optout(rule.of) : undefined;
}

/** The value as zod's safeParse would give it, or FAIL. */
type Check = (value: unknown) => unknown;

/** Code points, as zod counts a string's length (a lone surrogate is one). */
function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

function stringPasses(value: string, check: StringCheck): boolean {
  switch (check[0]) {
    // A code point is one or two UTF-16 units: only between the two is the exact count needed.
    case 'maxLength':
      return value.length <= check[1] || codePoints(value) <= check[1];
    case 'minLength':
      return (
        value.length >= check[1] && (value.length >= 2 * check[1] || codePoints(value) >= check[1])
      );
    case 'regex':
      // As zod: a global or sticky pattern starts from the beginning every time.
      check[1].lastIndex = 0;
      return check[1].test(value);
    case 'refine':
      return Boolean(check[1](value));
  }
}

/** zod's own test of a plain object (util.isPlainObject), which z.record asks for. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const prototype: unknown = ctor.prototype;
  if (typeof prototype !== 'object' || prototype === null || Array.isArray(prototype)) return false;
  return Object.hasOwn(prototype, 'isPrototypeOf');
}

/** A default as zod gives it: a function's answer, or a fresh shallow copy of a value. */
function defaultOf(rule: Extract<Rule, { t: 'default' }>): () => unknown {
  if (rule.make) return rule.make;
  const value = rule.value;
  if (Array.isArray(value)) return () => [...value];
  if (isPlainRecord(value)) return () => ({ ...value });
  return () => value;
}

function compileObject(fields: Readonly<Record<string, Rule>>): Check {
  const keys = Object.keys(fields);
  const checks = keys.map((key) => compile(fields[key] as Rule));
  const ins = keys.map((key) => optin(fields[key] as Rule));
  const outs = keys.map((key) => optout(fields[key] as Rule));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      // As zod (handlePropertyResult): `in` and a plain read, so a key may come from the
      // prototype chain; an absent optional key stays absent, an absent defaulted one is filled.
      const present = key in input;
      if (!present && outs[i] === 'optional' && ins[i] === 'optional') continue;
      const got = (checks[i] as Check)(input[key]);
      if (got === FAIL) {
        if (ins[i] !== undefined && outs[i] === 'optional' && !present) continue;
        return FAIL;
      }
      if (!present && ins[i] === undefined) return FAIL;
      if (got !== undefined) out[key] = got;
      else if (present || (ins[i] === 'defaulted' && outs[i] !== 'optional')) out[key] = undefined;
    }
    return out;
  };
}

function compileList(entry: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return FAIL;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const got = entry(value[i]);
      if (got === FAIL) return FAIL;
      out[i] = got;
    }
    return out;
  };
}

function compileRecord(entry: Check): Check {
  return (value) => {
    if (!isPlainRecord(value)) return FAIL;
    const out: Record<string, unknown> = {};
    // As zod's z.record(z.string(), …): own enumerable keys, "__proto__" left out, and a symbol
    // key fails the string key schema.
    for (const key of Reflect.ownKeys(value)) {
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      if (typeof key !== 'string') return FAIL;
      const got = entry(value[key]);
      if (got === FAIL) return FAIL;
      out[key] = got;
    }
    return out;
  };
}

/**
 * Turns a rule into closures once, so a read walks no rule: in Node a 50-entry watchlist takes
 * some 30 µs, zod/mini 40 to 50.
 */
function compile(rule: Rule): Check {
  switch (rule.t) {
    case 'string': {
      const checks = rule.checks ?? [];
      return (value) =>
        typeof value === 'string' && checks.every((check) => stringPasses(value, check))
          ? value
          : FAIL;
    }
    case 'number': {
      const checks = rule.checks ?? [];
      return (value) =>
        typeof value === 'number' &&
        Number.isFinite(value) &&
        checks.every((check) => passes(value, check))
          ? value
          : FAIL;
    }
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : FAIL);
    case 'enum': {
      const values: readonly unknown[] = rule.values;
      return (value) => (values.includes(value) ? value : FAIL);
    }
    case 'literal': {
      // A Set, as zod's: NaN would match NaN, and 0 match -0.
      const values = new Set<unknown>(rule.values);
      return (value) => (values.has(value) ? value : FAIL);
    }
    case 'custom': {
      const is = rule.is;
      return (value) => (is(value) ? value : FAIL);
    }
    case 'nullable': {
      const inner = compile(rule.of);
      return (value) => (value === null ? value : inner(value));
    }
    case 'optional': {
      const inner = compile(rule.of);
      // As zod: undefined stays undefined, unless the inner schema puts a default in its place
      // (and if even that fails, undefined after all).
      if (optin(rule.of) !== 'defaulted')
        return (value) => (value === undefined ? value : inner(value));
      return (value) => {
        if (value !== undefined) return inner(value);
        const got = inner(value);
        return got === FAIL ? undefined : got;
      };
    }
    case 'default': {
      const inner = compile(rule.of);
      const make = defaultOf(rule);
      return (value) => {
        if (value === undefined) return make();
        const got = inner(value);
        return got === undefined ? make() : got;
      };
    }
    case 'array': {
      const list = compileList(compile(rule.of));
      const checks = rule.checks ?? [];
      return (value) => {
        const got = list(value);
        if (got === FAIL) return got;
        const length = (value as unknown[]).length;
        return checks.every(([kind, n]) => (kind === 'maxLength' ? length <= n : length >= n))
          ? got
          : FAIL;
      };
    }
    case 'record':
      return compileRecord(compile(rule.of));
    case 'object':
      return compileObject(rule.fields);
  }
}

/** Compiled on its first parse: a worker woken for one event compiles only what it reads. */
/* @__NO_SIDE_EFFECTS__ */
export function checker<T>(rule: Rule): Parser<T> {
  let check: Check | undefined;
  return {
    safeParse: (raw) => {
      check ??= compile(rule);
      const value = check(raw);
      return value === FAIL ? { success: false } : { success: true, data: value as T };
    },
  };
}

/** A generated item: what defineItem would be with the rule's schema. */
/* @__NO_SIDE_EFFECTS__ */
export function checkedItem<T>(
  area: Area,
  key: string,
  rule: Rule,
  /** 'defaults': the schema's own defaults, its answer for `{}` (define-item.ts `defaultsOf`). */
  fallback: (() => T) | 'defaults',
  salvage?: (raw: unknown) => T | undefined,
) {
  const schema = checker<T>(rule);
  const item: StorageItem<T> = {
    area,
    key,
    schema,
    fallback: fallback === 'defaults' ? () => parsedOrThrow(schema, {}) : fallback,
    ...(salvage ? { salvage } : {}),
  };
  return item;
}

function parsedOrThrow<T>(schema: Parser<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error('the schema has no defaults for {}');
  return parsed.data;
}

/** A generated list item: what defineListItem would be with the entry rule's schema. */
/* @__NO_SIDE_EFFECTS__ */
export function checkedListItem<E>(area: Area, key: string, entry: Rule) {
  const item: StorageItem<E[]> = {
    area,
    key,
    schema: checker<E[]>({ t: 'array', of: entry }),
    fallback: () => [],
    salvage: salvageList(checker<E>(entry)),
  };
  return item;
}

/** A generated record item: what defineRecordItem would be with the entry rule's schema. */
/* @__NO_SIDE_EFFECTS__ */
export function checkedRecordItem<E>(area: Area, key: string, entry: Rule) {
  const item: StorageItem<Record<string, E>> = {
    area,
    key,
    schema: checker<Record<string, E>>({ t: 'record', of: entry }),
    fallback: () => ({}),
    salvage: salvageRecord(checker<E>(entry)),
  };
  return item;
}
