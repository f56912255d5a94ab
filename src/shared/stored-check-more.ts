// The rule kinds the first screen's items do not use: z.custom, z._default (by
// withDefault) and z.record(z.string(), …). Apart from stored-check.ts so that only the worker's
// generated modules (stored-items.ts, request-checks.ts) load them, and the popup does not. The
// helpers here are stored-check.ts's, with these kinds.
import { isRecord } from './is-record.ts';
import { salvageRecord } from './salvage.ts';
import { type Area, type Parser, type StorageItem, salvageList } from './storage.ts';
import {
  checker as basicChecker,
  type Check,
  FAIL,
  type MoreKinds,
  type Rule,
} from './stored-check.ts';

export type { Fields, Rule, StoredValue } from './stored-check.ts';

/** zod's own test of a plain object (util.isPlainObject), which z.record asks for. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  // No constructor (undefined) or not a function: plain, as zod has it.
  if (typeof ctor !== 'function') return true;
  const prototype: unknown = ctor.prototype;
  if (!isRecord(prototype)) return false;
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

const moreKinds: MoreKinds = (rule, compile) => {
  switch (rule.t) {
    case 'array': {
      // The list as stored-check.ts reads it, then its length as a number with the same bounds.
      const list = compile({ t: 'array', of: rule.of });
      const length = compile({ t: 'number', checks: rule.checks ?? [] });
      return (value) => {
        const got = list(value);
        return got === FAIL || length((value as unknown[]).length) === FAIL ? FAIL : got;
      };
    }
    case 'optional': {
      // Around a default (stored-check.ts sends only those here): undefined gets the default,
      // as zod gives it, and if even that fails, undefined after all.
      const inner = compile(rule.of);
      return (value) => {
        const got = inner(value);
        return got === FAIL && value === undefined ? undefined : got;
      };
    }
    case 'custom': {
      const is = rule.is as (value: unknown) => boolean;
      return (value) => (is(value) ? value : FAIL);
    }
    case 'default': {
      const inner = compile(rule.of);
      const make = defaultOf(rule);
      return (value) => {
        const got = value === undefined ? value : inner(value);
        return got === undefined ? make() : got;
      };
    }
    case 'record':
      return compileRecord(compile(rule.of));
    default:
      // A kind of rule the generator (scripts/gen-stored-checks.ts) writes and nothing here checks;
      // the tests compile every generated rule, so only its kind is named, in as few bytes.
      throw new Error(rule.t);
  }
};

/* @__NO_SIDE_EFFECTS__ */
export function checker<T>(rule: Rule) {
  return basicChecker<T>(rule, moreKinds);
}

/**
 * A checker for each rule, under the same names: the parts a generated salvage is given, and the
 * policy's fields (stored-items.ts `policyChecks`). Taking the rules as one value lets the
 * generator name a value it writes elsewhere too (the settings' fields are the settings item's own).
 */
/* @__NO_SIDE_EFFECTS__ */
export function checkers<P extends Record<string, Parser<unknown>>>(
  rules: Readonly<Record<keyof P, Rule>>,
): P {
  const parts: Record<string, Parser<unknown>> = {};
  for (const [name, rule] of Object.entries<Rule>(rules)) parts[name] = checker(rule);
  // The generated call names P from the salvage that takes the parts, each of them from its rule.
  return parts as P;
}

function parsedOrThrow<T>(schema: Parser<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  // The item's schema has no default for `{}`: a generated item the tests would have refused.
  if (!parsed.success) throw new Error('{}');
  return parsed.data;
}

/** A generated item: what defineItem would be with the rule's schema, fallback and salvage. */
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
