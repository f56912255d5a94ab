// Checks of stored values for pages that must not load zod: the popup's and side panel's first
// screen (docs/benchmarks.md). A rule is what one zod/mini schema accepts, generated from that
// schema by scripts/gen-stored-checks.ts, and `checker` answers as zod's safeParse does for it: the
// same success, and the same value (unknown keys stripped, an absent optional key left absent).
// test/unit/shared/first-screen-items.test.ts holds the two to the same answers.
import { type Area, type Parser, type StorageItem, salvageList } from './storage.ts';

/** z.int() (a safe integer), z.gte(n), z.gt(n), z.lte(n), z.lt(n). */
export type NumberCheck = readonly ['int'] | readonly ['>=' | '>' | '<=' | '<', number];
/** z.maxLength(n): zod counts a string's code points, not its UTF-16 units. */
export type StringCheck = readonly ['maxLength', number];

export type Rule =
  | { readonly t: 'string'; readonly checks?: readonly StringCheck[] }
  | { readonly t: 'number'; readonly checks?: readonly NumberCheck[] }
  | { readonly t: 'boolean' }
  | { readonly t: 'enum'; readonly values: readonly string[] }
  | { readonly t: 'nullable' | 'optional' | 'array'; readonly of: Rule }
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

/** z.optional, also under z.nullable: a key that may be left out of its object. */
function mayBeAbsent(rule: Rule): boolean {
  return rule.t === 'optional' || (rule.t === 'nullable' && mayBeAbsent(rule.of));
}

/** The value as zod's safeParse would give it, or FAIL. */
type Check = (value: unknown) => unknown;

/**
 * Turns a rule into closures once, so a read walks no rule: in Node a 50-entry watchlist takes
 * some 30 µs, zod/mini 40 to 50.
 */
function compile(rule: Rule): Check {
  switch (rule.t) {
    case 'string': {
      const maxima = (rule.checks ?? []).map(([, max]) => max);
      return (value) =>
        typeof value === 'string' &&
        maxima.every((max) => value.length <= max || [...value].length <= max)
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
    case 'nullable': {
      const inner = compile(rule.of);
      return (value) => (value === null ? value : inner(value));
    }
    case 'optional': {
      const inner = compile(rule.of);
      return (value) => (value === undefined ? value : inner(value));
    }
    case 'array': {
      const entry = compile(rule.of);
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
    case 'object': {
      const keys = Object.keys(rule.fields);
      const checks = keys.map((key) => compile(rule.fields[key] as Rule));
      const optional = keys.map((key) => mayBeAbsent(rule.fields[key] as Rule));
      return (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
        const input = value as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i] as string;
          // As zod: `in` and a plain read, so a key may come from the prototype chain.
          if (!(key in input)) {
            if (optional[i]) continue;
            return FAIL;
          }
          const got = (checks[i] as Check)(input[key]);
          if (got === FAIL) return FAIL;
          out[key] = got;
        }
        return out;
      };
    }
  }
}

export function checker<T>(rule: Rule): Parser<T> {
  const check = compile(rule);
  return {
    safeParse: (raw) => {
      const value = check(raw);
      return value === FAIL ? { success: false } : { success: true, data: value as T };
    },
  };
}

/** A generated item: what defineItem would be with the rule's schema. */
export function checkedItem<T>(area: Area, key: string, rule: Rule, fallback: () => T) {
  const item: StorageItem<T> = { area, key, schema: checker<T>(rule), fallback };
  return item;
}

/** A generated list item: what defineListItem would be with the entry rule's schema. */
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
