// Checks of stored values and request messages for code that must not load zod: the popup's and
// side panel's first screen, and the background worker (docs/benchmarks.md). A rule is what one
// zod/mini schema accepts, generated from that schema by scripts/gen-stored-checks.ts, and
// `checker` answers as zod's safeParse does for it: the same success, and the same value (unknown
// keys stripped, an absent optional key left absent, a default put in). The tests in
// test/unit/shared/ (first-screen-items, worker-items, request-checks) hold the two to the same
// answers.
import { isRecord } from './is-record.ts';
import { type Area, type Parser, type StorageItem, salvageList } from './storage.ts';

/** z.int() (a safe integer), z.gte(n), z.gt(n), z.lte(n), z.lt(n). */
export type NumberCheck = readonly ['int'] | readonly ['>=' | '>' | '<=' | '<', number];
/**
 * A named function a schema refines with (z.refine, z.custom): the generator takes only those in
 * src/shared/check-registry.ts, so the generated code calls the very function the schema does.
 */
// `never`: any one-argument predicate fits (a string's, a value's); the rule says what it gets.
export type Predicate = (value: never) => boolean;
/**
 * z.maxLength(n), z.minLength(n) as '<=' n and '>=' n, a number's bounds' names (fewer bytes in
 * the worker than names of their own): zod counts a string's code points, not its UTF-16 units.
 * z.regex(re) (its source and flags), z.refine(fn).
 */
export type StringCheck =
  | readonly ['<=' | '>=', number]
  | readonly ['regex', RegExp]
  | readonly ['refine', Predicate];
/** z.maxLength(n), z.minLength(n) on a list ('<=' n, '>=' n): its length. */
export type ArrayCheck = readonly ['<=' | '>=', number];
/** What z.literal may hold here: JSON's scalars. */
export type Literal = string | number | boolean | null;

export type Rule =
  | { readonly t: 'string'; readonly checks?: readonly StringCheck[] }
  | { readonly t: 'number'; readonly checks?: readonly NumberCheck[] }
  | { readonly t: 'boolean' }
  /**
   * z.enum's strings, and z.literal's values: `includes`, like zod's Set for a literal, finds NaN
   * and takes -0 for 0.
   */
  | { readonly t: 'enum'; readonly values: readonly Literal[] }
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
  | { readonly t: 'object'; readonly fields: Fields };

/** An object's fields, each with its rule. */
export type Fields = Readonly<Record<string, Rule>>;

/** The value type of an item, to type a generated item as its zod original. */
export type StoredValue<I> = I extends StorageItem<infer T> ? T : never;

/** What a check gives for a value zod refuses. */
export const FAIL = Symbol('fail');

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

/** How a field may be left out of its object, as zod's `optin` says it. */
function optin(rule: Rule): 'optional' | 'defaulted' | undefined {
  // z.optional passes on absence, so one around a default still fills the key.
  if (rule.t === 'optional') return optin(rule.of) === 'defaulted' ? 'defaulted' : 'optional';
  if (rule.t === 'default') return 'defaulted';
  return rule.t === 'nullable' ? optin(rule.of) : undefined;
}

/** The value as zod's safeParse would give it, or FAIL. */
export type Check = (value: unknown) => unknown;

/**
 * Compiles what the first screen's items do not use (custom, default, record, list
 * lengths, an optional default): stored-check-more.ts, which only the worker's generated modules
 * load, so the popup does not.
 */
export type MoreKinds = (rule: Rule, compile: (rule: Rule) => Check) => Check;

/** Code points, as zod counts a string's length (a lone surrogate is one). */
export function codePoints(value: string): number {
  let count = 0;
  for (const _ of value) count++;
  return count;
}

/**
 * One string check. All four kinds are here, though the first screen's items check only a
 * maximum length: the worker, which loads both modules, would otherwise carry a second string
 * check.
 */
function stringPasses(value: string, check: StringCheck): boolean {
  switch (check[0]) {
    // A code point is one or two UTF-16 units: only between the two is the exact count needed.
    case '<=':
      return value.length <= check[1] || codePoints(value) <= check[1];
    case '>=':
      return (
        value.length >= check[1] && (value.length >= 2 * check[1] || codePoints(value) >= check[1])
      );
    case 'regex':
      // As zod: a global or sticky pattern starts from the beginning every time.
      check[1].lastIndex = 0;
      return check[1].test(value);
    case 'refine':
      // Its answer as the function gives it: `every` (compile) takes any truthy one as a pass.
      return (check[1] as (text: string) => boolean)(value);
  }
}

/** z.optional, also under z.nullable: a key that may be left out of its object (zod's `optout`). */
function mayBeAbsent(rule: Rule): boolean {
  return rule.t === 'optional' || (rule.t === 'nullable' && mayBeAbsent(rule.of));
}

/**
 * An object as zod reads it (handlePropertyResult), defaulted fields included (their `default`
 * rule itself is stored-check-more.ts's). One reader for both modules, so the worker, which loads
 * both, carries one.
 */
function compileObject(fields: Fields, compile: (rule: Rule) => Check): Check {
  const entries = Object.entries(fields).map(
    ([key, rule]) => [key, compile(rule), optin(rule), mayBeAbsent(rule)] as const,
  );
  return (value) => {
    if (!isRecord(value)) return FAIL;
    const out: Record<string, unknown> = {};
    for (const [key, check, ins, outs] of entries) {
      // As zod: `in` and a plain read, so a key may come from the prototype chain; an absent
      // optional key stays absent, an absent defaulted one is filled.
      const present = key in value;
      if (!present && outs && ins === 'optional') continue;
      const got = check(value[key]);
      if (got === FAIL) {
        if (ins && outs && !present) continue;
        return FAIL;
      }
      if (!present && !ins) return FAIL;
      if (got !== undefined || present || (ins === 'defaulted' && !outs)) out[key] = got;
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

/**
 * Turns a rule into closures once, so a read walks no rule: in Node a 50-entry watchlist takes
 * some 30 µs, zod/mini 40 to 50.
 */
function compile(rule: Rule, more?: MoreKinds): Check {
  const next = (inner: Rule) => compile(inner, more);
  const elsewhere = () => {
    // A rule of a kind only stored-check-more.ts compiles, in a check generated without it: the
    // generator's mistake, which the tests catch; named by its kind alone, in as few bytes.
    if (!more) throw new Error(rule.t);
    return more(rule, next);
  };
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
      // Number.isFinite is false for anything not a number.
      return (value) =>
        Number.isFinite(value) && checks.every((check) => passes(value as number, check))
          ? value
          : FAIL;
    }
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? value : FAIL);
    case 'enum': {
      const values: readonly unknown[] = rule.values;
      return (value) => (values.includes(value) ? value : FAIL);
    }
    case 'nullable': {
      const inner = next(rule.of);
      return (value) => (value === null ? value : inner(value));
    }
    case 'optional': {
      if (optin(rule.of) === 'defaulted') return elsewhere();
      const inner = next(rule.of);
      return (value) => (value === undefined ? value : inner(value));
    }
    case 'array':
      return rule.checks?.length ? elsewhere() : compileList(next(rule.of));
    case 'object':
      return compileObject(rule.fields, next);
    default:
      return elsewhere();
  }
}

/** Compiled on its first parse: a worker woken for one event compiles only what it reads. */
/* @__NO_SIDE_EFFECTS__ */
export function checker<T>(rule: Rule, more?: MoreKinds): Parser<T> {
  let check: Check | undefined;
  return {
    safeParse: (raw) => {
      check ??= compile(rule, more);
      const value = check(raw);
      return value === FAIL ? { success: false } : { success: true, data: value as T };
    },
  };
}

/** A generated item: what defineItem would be with the rule's schema. */
/* @__NO_SIDE_EFFECTS__ */
export function checkedItem<T>(area: Area, key: string, rule: Rule, fallback: () => T) {
  const item: StorageItem<T> = { area, key, schema: checker<T>(rule), fallback };
  return item;
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
