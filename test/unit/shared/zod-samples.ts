// Seeded inputs for holding generated checks to their zod/mini schemas: values a schema accepts,
// built from the schema's own definition, then damaged at random places in the ways stored data
// goes wrong (wrong types, missing or extra keys, NaN, long strings, prototype tricks...).

import { createRandom } from '../../persona-sandbox/core/ids.ts';

export type Random = () => number;

/** A seeded generator, so a failure can be replayed from its seed: the sandbox's mulberry32. */
export const seeded: (seed: number) => Random = createRandom;

export const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

interface Def {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const optionalOut = (schema: unknown) =>
  (schema as { _zod: { optout?: string } })._zod.optout === 'optional';

const textPieces = ['a', 'Z', '0', ' ', 'é', '😀', '\uD800', 'inq_', '"', '\n'];

function sampleString(random: Random, max: number | undefined): string {
  const limit = max ?? 12;
  const length = pick(random, [0, 1, Math.floor(random() * (limit + 1)), limit, limit]);
  let out = '';
  // Code points, as zod counts a maximum; a lone surrogate is one too.
  for (let i = 0; i < length; i++) out += pick(random, textPieces).slice(0, 2);
  return [...out].slice(0, limit).join('');
}

function sampleNumber(random: Random, checks: Record<string, unknown>[]): number {
  let lo = -1e6;
  let hi = 1e6;
  let int = false;
  for (const check of checks) {
    const value = check.value as number;
    if (check.check === 'number_format') int = true;
    if (check.check === 'greater_than') lo = Math.max(lo, check.inclusive ? value : value + 1);
    if (check.check === 'less_than') hi = Math.min(hi, check.inclusive ? value : value - 1);
  }
  if (hi < lo) return lo;
  const edge = pick(random, [lo, hi, lo + (hi - lo) * random()]);
  return int ? Math.min(hi, Math.max(lo, Math.round(edge))) : edge;
}

/** Strings that pass the named predicates and patterns today's schemas use, and near misses. */
export const stringPool = [
  'inq_AAAAAA111111',
  'inq_A',
  'inq_AAAAAA11111😀',
  '../inq_AAAAAA111111',
  'https://withpersona.com/verify?code=1',
  'https://inquiry.withpersona.com/x',
  'https://withpersona.com.evil.test/x',
  'http://withpersona.com/x',
  'http://127.0.0.1:4010/link',
  'http://localhost:9/x',
  'https://user:pw@withpersona.com/x',
  'javascript:alert(1)',
  'f'.repeat(64),
  '0123456789abcdef'.repeat(4),
  'F'.repeat(64),
  `${'a'.repeat(64)}\n`,
  'a'.repeat(63),
  'abc',
  'ABC',
  'tmpl_1',
];

/** Objects for z.custom checks: the cached inquiry view's shallow check and its misses. */
const objectPool: unknown[] = [
  { id: 'inq_AAAAAA111111', status: 'approved', fields: {} },
  { id: '' },
  { id: 1 },
  Object.create({ id: 'inherited' }),
  [],
  'x',
  null,
];

const lengthBound = (checks: Record<string, unknown>[], kind: string) =>
  checks.find((c) => c.check === kind)?.[kind === 'max_length' ? 'maximum' : 'minimum'] as
    | number
    | undefined;

/**
 * The pool's values the schema accepts, worked out once per schema and pool: a link's refine
 * parses every string of the pool as a URL, and that was most of a sample's time.
 */
const fittingCache = new WeakMap<object, Map<readonly unknown[], unknown[]>>();
function fittingOf(schema: unknown, pool: readonly unknown[], accepts: (v: unknown) => boolean) {
  const key = schema as object;
  const byPool = fittingCache.get(key) ?? new Map<readonly unknown[], unknown[]>();
  fittingCache.set(key, byPool);
  const fitting = byPool.get(pool) ?? pool.filter(accepts);
  byPool.set(pool, fitting);
  return fitting;
}

/** A value the schema accepts (most of the time: bounds are only approached). */
export function sample(schema: unknown, random: Random, depth = 0): unknown {
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const accepts = (value: unknown) =>
    (schema as { safeParse: (v: unknown) => { success: boolean } }).safeParse(value).success;
  switch (def.type) {
    case 'string': {
      // A refine or a pattern rarely passes by chance: mostly a string that does.
      const fitting = fittingOf(schema, stringPool, accepts);
      const picky = checks.some((c) => c.check === 'string_format' || c.check === 'custom');
      if (fitting.length && random() < (picky ? 0.9 : 0.5)) return pick(random, fitting);
      const min = lengthBound(checks, 'min_length') ?? 0;
      const max = lengthBound(checks, 'max_length');
      let text = sampleString(random, max);
      while ([...text].length < min) text += pick(random, textPieces).slice(0, 2);
      return text;
    }
    case 'number':
      return sampleNumber(random, checks);
    case 'boolean':
      return random() < 0.5;
    case 'enum':
      return pick(random, Object.values(def.entries as Record<string, string>));
    case 'literal':
      return pick(random, def.values as unknown[]);
    case 'custom': {
      const fitting = fittingOf(schema, objectPool, accepts);
      return fitting.length && random() < 0.8 ? pick(random, fitting) : pick(random, objectPool);
    }
    case 'nullable':
      return random() < 0.2 ? null : sample(def.innerType, random, depth);
    case 'optional':
      return random() < 0.2 ? undefined : sample(def.innerType, random, depth);
    case 'default':
      return random() < 0.2 ? undefined : sample(def.innerType, random, depth);
    case 'array': {
      // Short lists, but now and then one at a bound.
      const min = lengthBound(checks, 'min_length') ?? 0;
      const max = lengthBound(checks, 'max_length');
      const cap = Math.min(max ?? Number.POSITIVE_INFINITY, min + (depth > 1 ? 2 : 5));
      const edge = max !== undefined && max <= 50 && random() < 0.05;
      const length = edge ? max : min + Math.floor(random() * (cap - min + 1));
      return Array.from({ length }, () => sample(def.element, random, depth + 1));
    }
    case 'record': {
      const out: Record<string, unknown> = {};
      const count = Math.floor(random() * (depth > 1 ? 2 : 4));
      for (let i = 0; i < count; i++) {
        const key = pick(random, ['inq_AAAAAA111111', 'k', 'toString', '1', 'inq_BBBBBB222222']);
        out[key] = sample(def.valueType, random, depth + 1);
      }
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        if (optionalOut(field) && random() < 0.4) continue;
        if (defOf(field).type === 'default' && random() < 0.2) continue;
        out[key] = sample(field, random, depth + 1);
      }
      return out;
    }
    default:
      throw new Error(`no sampler for zod "${def.type}"`);
  }
}

const protoKeyed = () => JSON.parse('{"__proto__":{"id":"x","status":"y"},"id":"z"}') as unknown;

/** Values stored data can turn out to be, and the edges of the checks. */
export function nasty(random: Random, likeKeys: readonly string[]): unknown {
  const inherited = Object.create(
    Object.fromEntries(likeKeys.map((k) => [k, pick(random, ['x', 1, true, null])])),
  ) as object;
  return pick(random, [
    undefined,
    null,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1,
    -1,
    0.5,
    1e21,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53),
    599_999,
    600_000,
    600_000.5,
    '',
    'a',
    'sandbox',
    'production',
    'Sandbox',
    'x'.repeat(200),
    'x'.repeat(201),
    '😀'.repeat(200),
    '😀'.repeat(201),
    `${'x'.repeat(199)}😀`,
    '\uD800'.repeat(201),
    true,
    false,
    [],
    [1, 'a'],
    {},
    { a: 1 },
    Object.create(null),
    protoKeyed(),
    new Date(0),
    inherited,
    Object.fromEntries(likeKeys.map((k) => [k, 'x'])),
  ]);
}

const extraKeys = ['extra', 'constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'];

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slotsOf(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((entry, i) => {
      out.push({ parent: value, key: i });
      slotsOf(entry, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, entry] of Object.entries(value)) {
      out.push({ parent: value as Record<string, unknown>, key });
      slotsOf(entry, out);
    }
  }
  return out;
}

function containersOf(value: unknown, out: (Record<string, unknown> | unknown[])[] = []) {
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) !== null) {
    if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      out.push(value as Record<string, unknown> | unknown[]);
      for (const entry of Object.values(value)) containersOf(entry, out);
    }
  }
  return out;
}

/** `value` with one to three random faults; `likeKeys` are keys the schemas use. */
export function mutate(value: unknown, random: Random, likeKeys: readonly string[]): unknown {
  let root = value;
  const faults = 1 + Math.floor(random() * 3);
  for (let n = 0; n < faults; n++) {
    const slots = slotsOf(root);
    const op = random();
    if (op < 0.1 || slots.length === 0) {
      root = random() < 0.5 ? nasty(random, likeKeys) : [root, nasty(random, likeKeys)];
      continue;
    }
    const slot = pick(random, slots);
    const parent = slot.parent as Record<string | number, unknown>;
    if (op < 0.5) {
      parent[slot.key] = nasty(random, likeKeys);
    } else if (op < 0.65) {
      // An absent key, or a hole in a list.
      delete parent[slot.key];
    } else if (op < 0.75) {
      parent[slot.key] = undefined;
    } else {
      const container = pick(random, containersOf(root));
      if (!container) continue;
      if (Array.isArray(container)) {
        container.splice(Math.floor(random() * (container.length + 1)), 0, nasty(random, likeKeys));
      } else {
        const key = pick(random, [...extraKeys, ...likeKeys]);
        // An own "__proto__" key, as JSON.parse makes one, not a prototype change.
        Object.defineProperty(container, key, {
          value: nasty(random, likeKeys),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return root;
}

/** Every object's keys in order, for telling apart values equal but for key order. */
export function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (typeof value !== 'object' || value === null) return null;
  return Object.entries(value).map(([key, entry]) => [key, keyOrder(entry)]);
}

/** The keys a schema's objects use, at any depth. */
export function keysOf(schema: unknown, out = new Set<string>()): Set<string> {
  const def = defOf(schema);
  if (def.type === 'object') {
    for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
      out.add(key);
      keysOf(field, out);
    }
  }
  for (const inner of [def.innerType, def.element, def.valueType]) if (inner) keysOf(inner, out);
  return out;
}
