// A zod/mini schema as a rule of src/shared/stored-check.ts, read from the schema's own definition
// (`_zod.def`). Only what the rule reproduces exactly is taken; anything else (custom, refine,
// transform, pipe, union, default, catch, a strict or loose object, a record, a string format, a
// check the rule lacks, coercion...) throws, naming where it is, so a schema change can never
// quietly make a generated check weaker than its schema.
import * as z from 'zod/mini';
import type { NumberCheck, Rule, StringCheck } from '../../src/shared/stored-check.ts';

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
  array: ['type', 'element', 'error'],
  object: ['type', 'shape', 'error'],
};

const plainChecks = {
  max_length: z.maxLength(1),
  number_format: z.int(),
  greater_than: z.gte(0),
  less_than: z.lte(0),
} as const;
type CheckKind = keyof typeof plainChecks;

// `abort` only stops later checks from adding issues; the value fails either way.
const checkKeys: Record<CheckKind, readonly string[]> = {
  max_length: ['check', 'maximum', 'when', 'abort', 'error'],
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

function checkOf(path: string, check: unknown, on: 'string' | 'number'): StringCheck | NumberCheck {
  const { def, traits } = internals(check);
  const kind = String(def.check);
  if (!(kind in plainChecks)) refuse(path, `a "${kind}" check`);
  const plainCheck = internals(plainChecks[kind as CheckKind]);
  if (!sameTraits(traits, plainCheck.traits)) refuse(path, `a "${kind}" check of another make`);
  keysWithin(path, `its "${kind}" check`, def, checkKeys[kind as CheckKind]);
  // A `when` decides whether a check runs at all; only zod's own default is understood.
  if (def.when !== plainCheck.def.when) refuse(path, `a "${kind}" check with its own \`when\``);
  if (kind === 'max_length' && on === 'string' && Number.isSafeInteger(def.maximum)) {
    return ['maxLength', def.maximum as number];
  }
  if (kind === 'number_format' && on === 'number' && def.format === 'safeint') return ['int'];
  if ((kind === 'greater_than' || kind === 'less_than') && on === 'number') {
    if (typeof def.value !== 'number') refuse(path, `a "${kind}" check against a non-number`);
    const op = kind === 'greater_than' ? (def.inclusive ? '>=' : '>') : def.inclusive ? '<=' : '<';
    return [op, def.value];
  }
  return refuse(path, `a "${kind}" check (${String(def.format ?? '')}) on a ${on}`);
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
    case 'array':
      return { t: 'array', of: ruleOf(def.element, `${path}[]`) };
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
