// A zod/mini schema as a rule of src/shared/stored-check.ts, read from the schema's own definition
// (`_zod.def`). Only what the rule reproduces exactly is taken; anything else (transform, pipe,
// union, catch, a strict or loose object, a record with keys other than z.string(), a string format
// other than a regex, a check the rule lacks, coercion, a refine or custom check with a function
// that src/shared/check-registry.ts does not name, a default not declared with `withDefault`...)
// throws, naming where it is, so a schema change can never quietly make a generated check weaker
// than its schema.
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod/mini';
import * as registry from '../../src/shared/check-registry.ts';
import { declaredDefault } from '../../src/shared/named-default.ts';
import type {
  ArrayCheck,
  Literal,
  NumberCheck,
  Predicate,
  Rule,
  StringCheck,
} from '../../src/shared/stored-check.ts';

/** The name each registered function is exported under, found by identity. */
export const registeredNames: ReadonlyMap<unknown, string> = new Map(
  Object.entries(registry).map(([name, fn]) => [fn, name]),
);

export class UnsupportedSchema extends Error {
  override name = 'UnsupportedSchema';
}

interface Internals {
  def: Record<string, unknown> & { type: string };
  traits: Set<string>;
}

const internals = (schema: unknown): Internals => (schema as { _zod: Internals })._zod;

// What a plain instance of each supported kind is made of: a schema of the same kind built any
// other way (z.email() is a string, z.int() a number, z.exactOptional an optional) has other
// traits or other definition keys, and is refused.
const plain = {
  string: z.string(),
  number: z.number(),
  boolean: z.boolean(),
  enum: z.enum(['a']),
  nullable: z.nullable(z.string()),
  optional: z.optional(z.string()),
  array: z.array(z.string()),
  object: z.object({}),
  literal: z.literal('a'),
  record: z.record(z.string(), z.string()),
  custom: z.custom(() => true),
  default: z._default(z.string(), ''),
} as const;
type Kind = keyof typeof plain;

// `error` only words the issues; it never changes what passes.
const defKeys: Record<Kind, readonly string[]> = {
  string: ['type', 'checks', 'error'],
  number: ['type', 'checks', 'error'],
  boolean: ['type', 'error'],
  enum: ['type', 'entries', 'error'],
  nullable: ['type', 'innerType', 'error'],
  optional: ['type', 'innerType', 'error'],
  array: ['type', 'element', 'checks', 'error'],
  object: ['type', 'shape', 'error'],
  literal: ['type', 'values', 'error'],
  record: ['type', 'keyType', 'valueType', 'error'],
  // `abort` only stops later checks from adding issues; the value fails either way.
  custom: ['type', 'check', 'fn', 'abort', 'error'],
  default: ['type', 'innerType', 'defaultValue'],
};

const plainChecks = {
  max_length: z.maxLength(1),
  min_length: z.minLength(1),
  number_format: z.int(),
  greater_than: z.gte(0),
  less_than: z.lte(0),
  string_format: z.regex(/a/),
  custom: z.refine(() => true),
} as const;
type CheckKind = keyof typeof plainChecks;

// `abort` only stops later checks from adding issues; the value fails either way.
const checkKeys: Record<CheckKind, readonly string[]> = {
  max_length: ['check', 'maximum', 'when', 'abort', 'error'],
  min_length: ['check', 'minimum', 'when', 'abort', 'error'],
  string_format: ['check', 'format', 'pattern', 'when', 'abort', 'error'],
  custom: ['type', 'check', 'fn', 'when', 'abort', 'error'],
  number_format: ['type', 'check', 'format', 'abort', 'error'],
  greater_than: ['check', 'value', 'inclusive', 'abort', 'error'],
  less_than: ['check', 'value', 'inclusive', 'abort', 'error'],
};

function sameTraits(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((trait) => b.has(trait));
}

function refuse(path: string, why: string): never {
  throw new UnsupportedSchema(
    `${path || 'the schema'}: ${why}; the generated checks cannot copy it`,
  );
}

function keysWithin(path: string, what: string, def: object, allowed: readonly string[]): void {
  const extra = Object.keys(def).filter((key) => !allowed.includes(key));
  if (extra.length) refuse(path, `${what} has ${extra.join(', ')}`);
}

/** The registered function `fn`, or a refusal naming what it is. */
function registered(path: string, fn: unknown, what: string): Predicate {
  if (typeof fn !== 'function' || !registeredNames.has(fn)) {
    const name = typeof fn === 'function' && fn.name ? ` "${fn.name}"` : '';
    refuse(path, `${what} with a function${name} that src/shared/check-registry.ts does not name`);
  }
  return fn as Predicate;
}

type On = 'string' | 'number' | 'array';

function checkOf(path: string, check: unknown, on: On): StringCheck | NumberCheck | ArrayCheck {
  const { def, traits } = internals(check);
  const kind = String(def.check);
  if (!(kind in plainChecks)) refuse(path, `a "${kind}" check`);
  const plainCheck = internals(plainChecks[kind as CheckKind]);
  if (!sameTraits(traits, plainCheck.traits)) refuse(path, `a "${kind}" check of another make`);
  keysWithin(path, `its "${kind}" check`, def, checkKeys[kind as CheckKind]);
  // A `when` decides whether a check runs at all; only zod's own default is understood.
  if (def.when !== plainCheck.def.when) refuse(path, `a "${kind}" check with its own \`when\``);
  const lengthKind = { max_length: '<=', min_length: '>=' } as const;
  if ((kind === 'max_length' || kind === 'min_length') && on !== 'number') {
    const bound = kind === 'max_length' ? def.maximum : def.minimum;
    if (Number.isSafeInteger(bound)) return [lengthKind[kind], bound as number];
  }
  if (kind === 'string_format' && on === 'string' && def.format === 'regex') {
    if (!(def.pattern instanceof RegExp)) refuse(path, 'a regex check without a RegExp');
    // A copy with the same source and flags, as a literal in the generated code.
    return ['regex', new RegExp(def.pattern.source, def.pattern.flags)];
  }
  if (kind === 'custom' && on === 'string') return ['refine', registered(path, def.fn, 'a refine')];
  if (kind === 'number_format' && on === 'number' && def.format === 'safeint') return ['int'];
  if ((kind === 'greater_than' || kind === 'less_than') && on === 'number') {
    if (typeof def.value !== 'number') refuse(path, `a "${kind}" check against a non-number`);
    const op = kind === 'greater_than' ? (def.inclusive ? '>=' : '>') : def.inclusive ? '<=' : '<';
    return [op, def.value];
  }
  return refuse(path, `a "${kind}" check (${String(def.format ?? '')}) on a ${on}`);
}

/** A value that JSON carries unchanged: what a generated literal can be. */
function plainJson(value: unknown): boolean {
  const text = JSON.stringify(value);
  return text !== undefined && isDeepStrictEqual(JSON.parse(text), value);
}

function literalValue(path: string, value: unknown): Literal {
  const scalar =
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value === null ||
    (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0));
  if (!scalar) refuse(path, `a literal ${String(value)}`);
  return value as Literal;
}

/** The rule for `schema`; `path` names it in errors (e.g. `watchlistItem[].status`). */
export function ruleOf(schema: unknown, path = ''): Rule {
  const { def, traits } = internals(schema);
  const kind = def.type;
  if (!(kind in plain)) refuse(path, `zod "${kind}"`);
  if (!sameTraits(traits, internals(plain[kind as Kind]).traits)) {
    refuse(path, `a zod "${kind}" of another make (${[...traits][0]})`);
  }
  keysWithin(path, `its "${kind}"`, def, defKeys[kind as Kind]);
  const checks = (def.checks ?? []) as unknown[];
  switch (kind as Kind) {
    case 'string':
      return checks.length
        ? { t: 'string', checks: checks.map((c) => checkOf(path, c, 'string') as StringCheck) }
        : { t: 'string' };
    // A literal's values are checked as an enum's (stored-check.ts: `includes`, like zod's Set,
    // finds NaN and takes -0 for 0).
    case 'literal':
      return {
        t: 'enum',
        values: (def.values as unknown[]).map((value) => literalValue(path, value)),
      };
    case 'custom':
      return { t: 'custom', is: registered(path, def.fn, 'a z.custom') };
    case 'record': {
      if (!isDeepStrictEqual(ruleOf(def.keyType, `${path}{key}`), { t: 'string' })) {
        refuse(path, 'a record whose keys are not a plain z.string()');
      }
      return { t: 'record', of: ruleOf(def.valueType, `${path}{}`) };
    }
    case 'default': {
      const declared = declaredDefault(schema);
      if (!declared) refuse(path, 'a default not made with withDefault (named-default.ts)');
      const of = ruleOf(def.innerType, path);
      if (typeof declared.value === 'function') {
        return {
          t: 'default',
          of,
          make: registered(path, declared.value, 'a default') as () => unknown,
        };
      }
      if (declared.value === undefined || !plainJson(declared.value)) {
        refuse(path, 'a default that is not plain JSON');
      }
      return { t: 'default', of, value: declared.value };
    }
    case 'number':
      return checks.length
        ? { t: 'number', checks: checks.map((c) => checkOf(path, c, 'number') as NumberCheck) }
        : { t: 'number' };
    case 'boolean':
      return { t: 'boolean' };
    case 'enum': {
      const entries = def.entries as Record<string, unknown>;
      // z.enum(['a', 'b']) is { a: 'a', b: 'b' }; a TypeScript enum object is not.
      if (!Object.entries(entries).every(([key, value]) => key === value)) {
        refuse(path, 'an enum of an object whose keys are not its values');
      }
      return { t: 'enum', values: Object.keys(entries) };
    }
    case 'nullable':
    case 'optional':
      return { t: kind as 'nullable' | 'optional', of: ruleOf(def.innerType, path) };
    case 'array': {
      const of = ruleOf(def.element, `${path}[]`);
      return checks.length
        ? { t: 'array', of, checks: checks.map((c) => checkOf(path, c, 'array') as ArrayCheck) }
        : { t: 'array', of };
    }
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      if (Object.getOwnPropertySymbols(shape).length) refuse(path, 'an object with symbol keys');
      const fields: Record<string, Rule> = {};
      for (const key of Object.keys(shape)) {
        if (key === '__proto__') refuse(path, 'an object with a "__proto__" key');
        fields[key] = ruleOf(shape[key], path ? `${path}.${key}` : key);
      }
      return { t: 'object', fields };
    }
  }
}

/**
 * Rules written once and named, for a value made of rules that repeats (the settings in their item
 * and in the saveOptions request): `byCode` maps a value's code (as {@link ruleCode} writes it
 * alone) to the name it is written under instead; `used` collects the names written. With `counts`,
 * every object or list met is counted by its code, to find what repeats.
 */
export interface SharedRules {
  readonly byCode: ReadonlyMap<string, string>;
  /** Each named value, by its name. */
  readonly values?: ReadonlyMap<string, unknown>;
  readonly used: Set<string>;
  readonly counts?: Map<string, { n: number; value: unknown }>;
}

/**
 * A rule (or any value made of rules) as TypeScript source: JSON, but a registered function by its
 * name and a pattern as a regex literal (its source and flags). `used` collects the names. A value
 * `shared` names is written as its name, unless it is the value itself being named (`naming`).
 */
export function ruleCode(
  value: unknown,
  used: Set<string>,
  shared?: SharedRules,
  naming = false,
): string {
  const composite = typeof value === 'object' && value !== null && !(value instanceof RegExp);
  if (shared && composite) {
    const alone = ruleCode(value, new Set());
    const name = naming ? undefined : shared.byCode.get(alone);
    if (name) {
      shared.used.add(name);
      return name;
    }
    if (shared.counts) {
      const seen = shared.counts.get(alone);
      shared.counts.set(alone, { n: (seen?.n ?? 0) + 1, value });
    }
  }
  const inner = (v: unknown) => ruleCode(v, used, shared);
  if (typeof value === 'function') {
    const name = registeredNames.get(value);
    if (!name) throw new UnsupportedSchema(`an unregistered function ${value.name}`);
    used.add(name);
    return name;
  }
  if (value instanceof RegExp) return String(value);
  if (Array.isArray(value)) return `[${value.map(inner).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${inner(v)}`);
    return `{${entries.join(', ')}}`;
  }
  const text = JSON.stringify(value);
  if (text === undefined) throw new UnsupportedSchema(`a value ${String(value)} JSON cannot write`);
  return text;
}
