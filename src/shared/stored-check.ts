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

function run(rule: Rule, value: unknown): unknown {
  switch (rule.t) {
    case 'string':
      if (typeof value !== 'string') return FAIL;
      for (const [, max] of rule.checks ?? []) {
        if (value.length > max && [...value].length > max) return FAIL;
      }
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return FAIL;
      return (rule.checks ?? []).every((check) => passes(value, check)) ? value : FAIL;
    case 'boolean':
      return typeof value === 'boolean' ? value : FAIL;
    case 'enum':
      return (rule.values as readonly unknown[]).includes(value) ? value : FAIL;
    case 'nullable':
      return value === null ? value : run(rule.of, value);
    case 'optional':
      return value === undefined ? value : run(rule.of, value);
    case 'array': {
      if (!Array.isArray(value)) return FAIL;
      const out: unknown[] = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const entry = run(rule.of, value[i]);
        if (entry === FAIL) return FAIL;
        out[i] = entry;
      }
      return out;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return FAIL;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(rule.fields)) {
        // As zod: `in` and a plain read, so a key may come from the prototype chain.
        if (!(key in input)) {
          if (mayBeAbsent(field)) continue;
          return FAIL;
        }
        const got = run(field, input[key]);
        if (got === FAIL) return FAIL;
        out[key] = got;
      }
      return out;
    }
  }
}

export function checker<T>(rule: Rule): Parser<T> {
  return {
    safeParse: (raw) => {
      const value = run(rule, raw);
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
