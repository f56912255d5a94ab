// @vitest-environment node
// The zod-free readers of Persona's bodies (tolerant.ts and the schemas built on it) against the
// zod/mini schemas they replaced (zod-oracle.ts): on every body the tests use (the vendored
// Persona examples in every inflection, the sandbox's answers, hand-picked edge cases) and on
// seeded random damage to them, each reader must succeed exactly when zod did and give the same
// value, key for key: an absent key stays absent, a present `undefined` stays present, keys come
// in the same order, prototypes are the same. A failure names the seed to replay.
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import { normaliseKeys } from '../../../../src/shared/persona/key-inflection.ts';
import {
  count,
  flag,
  listOf,
  record,
  relationships,
  section,
  strings,
  text,
} from '../../../../src/shared/persona/schema-parts.ts';
import * as now from '../../../../src/shared/persona/schemas.ts';
import {
  always,
  type Field,
  maybe,
  objectReader,
  type Read,
  required,
} from '../../../../src/shared/persona/tolerant.ts';
import {
  check,
  genericVerificationAttributes,
  parseVerification,
  type VerificationAttributes,
  verificationAttributes,
} from '../../../../src/shared/persona/verification-schemas.ts';
import { createRandom } from '../../../persona-sandbox/core/ids.ts';
import { fixture, fixtureNames, reinflect } from './fixtures.ts';
import { collectSandboxBodies } from './sandbox-bodies.ts';
import * as before from './zod-oracle.ts';

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)] as T;

/**
 * Equal as a reader's answer must be: the same primitives (NaN equal to NaN), the same own keys in
 * the same order (so an absent key is not a key set to `undefined`, and a hole is not `undefined`),
 * each equal in turn, and the same prototype: the very same object, or one equal in turn (a
 * `__proto__` key assigned makes a fresh one on each side).
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  const protoA: unknown = Object.getPrototypeOf(a);
  const protoB: unknown = Object.getPrototypeOf(b);
  if (protoA !== protoB && !sameValue(protoA, protoB)) return false;
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.length !== keysB.length) return false;
  // Plain loops: this runs some million times a run, and closures made it the test's hot spot.
  for (let i = 0; i < keysA.length; i++) if (keysA[i] !== keysB[i]) return false;
  for (const key of keysA) {
    const da = Object.getOwnPropertyDescriptor(a, key);
    const db = Object.getOwnPropertyDescriptor(b, key);
    if (da?.enumerable !== db?.enumerable || !sameValue(da?.value, db?.value)) return false;
  }
  return true;
}

type Outcome = { threw: string } | { value: unknown };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    return { threw: error instanceof Error ? error.constructor.name : String(error) };
  }
}

function same(a: Outcome, b: Outcome): boolean {
  if ('threw' in a || 'threw' in b) return 'threw' in a && 'threw' in b && a.threw === b.threw;
  return sameValue(a.value, b.value);
}

const zodData = <S extends z.ZodMiniType>(schema: S, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

interface Pair {
  name: string;
  now: (value: unknown) => unknown;
  before: (value: unknown) => unknown;
}

/**
 * The readers of whole bodies. The client calls them on the kebab copy (`parseBody`), so each body
 * is read both as it is (inherited keys, null prototypes and other objects JSON never makes reach
 * the readers) and as its kebab copy, made once and shared by every pair: the copy is what takes
 * the time here.
 */
const documents: Pair[] = (
  [
    ['inquiryDocument', now.inquiryDocument, before.inquiryDocument()],
    ['inquiryListDocument', now.inquiryListDocument, before.inquiryListDocument()],
    ['resourceDocument', now.resourceDocument, before.resourceDocument()],
    ['eventListDocument', now.eventListDocument, before.eventList()],
    ['errorBody', now.errorBody, before.errorBody()],
    ['rateLimitsDocument', now.rateLimitsDocument, before.rateLimitsDocument()],
    ['keyPermissionsDocument', now.keyPermissionsDocument, before.keyPermissionsDocument()],
  ] as const
).map(([name, read, schema]) => ({
  name,
  now: read as (value: unknown) => unknown,
  before: (body: unknown) => zodData(schema as z.ZodMiniType, body),
}));

/** `parseBody` itself, both sides: the kebab copy, then the reader. */
const parseBodies: Pair[] = [
  {
    name: 'parseBody(inquiryDocument)',
    now: (body) => now.parseBody(now.inquiryDocument, body),
    before: (body) => before.parseBody(before.inquiryDocument(), body),
  },
];

/** Every document reader on the body as it is and on its kebab copy, and `parseBody` on it. */
function compareDocuments(body: unknown, kebab: unknown, name: string, mismatches: Mismatch[]) {
  return (
    compare(documents, body, name, mismatches) +
    compare(documents, kebab, `${name} (kebab)`, mismatches) +
    compare(parseBodies, body, name, mismatches)
  );
}

/** The parts, each on its own. */
const parts: Pair[] = [
  {
    name: 'inquiryResource',
    now: now.inquiryResource,
    before: (v) => zodData(before.inquiryResource(), v),
  },
  {
    name: 'reportResource',
    now: now.reportResource,
    before: (v) => zodData(before.reportResource(), v),
  },
  { name: 'anyResource', now: now.anyResource, before: (v) => zodData(before.anyResource(), v) },
  { name: 'check', now: check, before: (v) => zodData(before.check(), v) },
];

/** Attribute readers: sections, which the resources only ever hand an object. */
const sections: [string, Field, z.ZodMiniType][] = [
  ['inquiryAttributes', now.inquiryAttributes, before.inquiryAttributes()],
  ['reportAttributes', now.reportAttributes, before.reportAttributes()],
  [
    'genericVerificationAttributes',
    genericVerificationAttributes,
    before.genericVerificationAttributes(),
  ],
  ...Object.entries(verificationAttributes).map(([type, field]): [string, Field, z.ZodMiniType] => [
    type,
    field,
    before.verificationAttributes()[type] as z.ZodMiniType,
  ]),
];
for (const [name, field, schema] of sections) {
  parts.push({
    name,
    now: (v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) ? field.read(v) : undefined,
    before: (v) =>
      typeof v === 'object' && v !== null && !Array.isArray(v) ? zodData(schema, v) : undefined,
  });
}

/** Each kind of field under one key, present, absent, `undefined` or inherited. */
const fields: [string, Field, z.ZodMiniType][] = [
  ['text', text, before.text()],
  ['flag', flag, before.flag()],
  ['count', count, before.count()],
  ['strings', strings, before.strings()],
  ['record', record, before.record()],
  ['relationships', relationships, before.relationships()],
  ['listOf(check)', listOf(check), before.listOf(before.check())],
  ['documentMeta', now.documentMeta, before.documentMeta()],
  [
    'section',
    section({ pointer: text }),
    z.pipe(before.record(), z.looseObject({ pointer: before.text() })),
  ],
];
const fieldPairs: Pair[] = fields.map(([name, field, schema]) => {
  const reader = objectReader({ k: field });
  const object = z.looseObject({ k: schema });
  return { name: `{k: ${name}}`, now: reader, before: (v) => zodData(object, v) };
});

const SEED = 20_251_208;
const MUTATIONS_PER_BODY = 8;

const protoKeyed = () => JSON.parse('{"__proto__":{"status":"x","data":{}},"id":"z"}') as unknown;
function inherited(): object {
  return Object.create({ status: 'completed', data: { id: 'inq_1', type: 'inquiry' }, k: 'x' });
}

/** Values a body can hold in the wrong place. */
function junk(random: Random): unknown {
  return pick(random, [
    null,
    undefined,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    'x',
    'verification/selfie',
    'report/watchlist',
    'inquiry',
    true,
    false,
    [],
    [1, 'a', null, {}],
    [{ id: 'ver_1', type: 'verification/government-id' }],
    {},
    { data: null },
    { data: {} },
    { data: [] },
    { id: 'rep_1', type: 'report/watchlist', attributes: { status: 'ready' } },
    { id: '', type: 7 },
    Object.create(null),
    new Date(0),
    protoKeyed(),
    inherited(),
  ]);
}

const extraKeys = [
  'extra',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__proto__',
  'status',
  'type',
  'id',
  'data',
  'included',
  'attributes',
  'relationships',
  'errors',
  'meta',
  'links',
  'checks',
  'tags',
  'fields',
  'created_at',
  'createdAt',
  'reference_id',
  'one_time_link',
  'next',
];

type Container = Record<string, unknown> | unknown[];
interface Slot {
  parent: Container;
  key: string | number;
}

function walk(value: unknown, slots: Slot[], containers: Container[], seen = new Set<unknown>()) {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype) return;
  seen.add(value);
  containers.push(value as Container);
  for (const [key, child] of Object.entries(value)) {
    slots.push({ parent: value as Container, key: Array.isArray(value) ? Number(key) : key });
    walk(child, slots, containers, seen);
  }
}

/** A copy of `body` with one to four faults at random places. */
function mutate(body: unknown, random: Random): unknown {
  let root = structuredClone(body);
  const faults = 1 + Math.floor(random() * 4);
  for (let n = 0; n < faults; n++) {
    const slots: Slot[] = [];
    const containers: Container[] = [];
    walk(root, slots, containers);
    const op = random();
    if (op < 0.05 || slots.length === 0) {
      root = random() < 0.5 ? junk(random) : [root];
      continue;
    }
    const slot = pick(random, slots);
    const parent = slot.parent as Record<string | number, unknown>;
    const current = parent[slot.key];
    if (op < 0.2) {
      delete parent[slot.key];
    } else if (op < 0.3) {
      parent[slot.key] = null;
    } else if (op < 0.37) {
      parent[slot.key] = undefined;
    } else if (op < 0.6) {
      parent[slot.key] = junk(random);
    } else if (op < 0.72) {
      // An object for a list, a list for an object or a value.
      parent[slot.key] = Array.isArray(current)
        ? Object.assign({}, current)
        : random() < 0.5
          ? [current]
          : [];
    } else if (op < 0.8) {
      // Another part of the body in this place.
      parent[slot.key] = structuredClone(pick(random, slots).parent);
    } else {
      const container = pick(random, containers);
      if (Array.isArray(container)) {
        container.splice(Math.floor(random() * (container.length + 1)), 0, junk(random));
      } else {
        // defineProperty, so "__proto__" is an own key as JSON.parse makes it.
        Object.defineProperty(container, pick(random, extraKeys), {
          value: random() < 0.7 ? junk(random) : structuredClone(pick(random, slots).parent),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return root;
}

/** Bodies no example shows, each a way of being wrong. */
const edgeBodies: unknown[] = [
  undefined,
  null,
  0,
  '',
  'Bad gateway',
  [],
  {},
  { data: null },
  { data: [] },
  { data: {} },
  { data: [null, 1, {}, []] },
  { data: { attributes: [], relationships: [] } },
  { data: { type: 1, id: null, attributes: null, relationships: null } },
  {
    data: {
      id: 'inq_1',
      relationships: {
        a: { data: {} },
        b: null,
        c: { data: [{ id: '' }, { id: 'x' }, { id: 'y', type: 2 }] },
        d: { data: { id: 'z', type: 'report/watchlist' } },
        e: [],
      },
    },
  },
  { data: { attributes: { status: null, tags: ['a', 1, null], fields: [] } }, included: {} },
  { data: {}, included: [null, 'x', { type: 'verification/selfie' }], meta: [] },
  { data: {}, meta: { 'session-token': 1, 'one-time-link': 'https://x', extra: true } },
  { data: [], links: { next: null, prev: 4 } },
  { data: [], links: [] },
  { errors: null },
  { errors: [null, 'x', {}, { title: 1, details: 'd', source: [] }] },
  { errors: [{ detail: 'json:api', source: { pointer: '/data', parameter: 'x' } }] },
  { data: [{ type: 'rate-limit/api', attributes: { limit: '300', remaining: Number.NaN } }] },
  { data: { attributes: { permissions: 'inquiry.read', 'expires-at': null } } },
  { data: { attributes: { checks: [{ name: 'x', metadata: [] }, null, 'c'] } } },
  protoKeyed(),
  inherited(),
  Object.create(null),
];

interface Corpus {
  name: string;
  body: unknown;
}

function corpusOf(sandbox: Corpus[]): Corpus[] {
  const out: Corpus[] = [];
  for (const name of fixtureNames) {
    out.push({ name, body: fixture(name) });
    out.push({ name: `${name} snake`, body: reinflect(fixture(name), 'snake') });
    out.push({ name: `${name} camel`, body: reinflect(fixture(name), 'camel') });
    out.push({ name: `${name} camel fields`, body: reinflect(fixture(name), 'camel', true) });
    // Webhook events carry a document in their payload.
    const payload = (fixture(name) as { data?: { attributes?: { payload?: unknown } } }).data
      ?.attributes?.payload;
    if (payload) out.push({ name: `${name} payload`, body: payload });
  }
  for (const [i, body] of edgeBodies.entries()) out.push({ name: `edge ${i}`, body });
  return [...out, ...sandbox];
}

/** Every object and list inside a body (after the kebab copy), for the parts. */
function nodesOf(value: unknown, out: unknown[] = []): unknown[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(value);
  for (const child of Object.values(value)) nodesOf(child, out);
  return out;
}

/**
 * A key that is the same for two values only when they are equal as a reader sees them, for
 * values as JSON.parse makes them (plain objects and lists, strings, booleans, null, finite
 * numbers); undefined for anything else (a hole, `undefined`, -0, NaN, another prototype, a symbol
 * or accessor key), which is then never taken for another value.
 */
function jsonKey(value: unknown): string | undefined {
  return isJson(value) ? JSON.stringify(value) : undefined;
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  const keys = Reflect.ownKeys(value);
  if (Array.isArray(value)) {
    return (
      Object.getPrototypeOf(value) === Array.prototype &&
      keys.length === value.length + 1 &&
      value.every((item, i) => i in value && isJson(item))
    );
  }
  return (
    Object.getPrototypeOf(value) === Object.prototype &&
    keys.every((key) => {
      const own = typeof key === 'string' && Object.getOwnPropertyDescriptor(value, key);
      return (
        own !== false &&
        own !== undefined &&
        own.enumerable === true &&
        'value' in own &&
        isJson(own.value)
      );
    })
  );
}

interface Mismatch {
  body: string;
  reader: string;
  now: Outcome;
  before: Outcome;
}

/** Runs every pair on `value`; counts and collects what differs. */
function compare(pairs: Pair[], value: unknown, body: string, mismatches: Mismatch[]) {
  let n = 0;
  for (const pair of pairs) {
    const a = outcome(() => pair.now(value));
    const b = outcome(() => pair.before(value));
    n++;
    if (!same(a, b)) mismatches.push({ body, reader: pair.name, now: a, before: b });
  }
  return n;
}

type Document = { data: unknown; included?: unknown[] };

/** The normalisers' entry points on what the resource readers gave. */
function compareResources(value: unknown, body: string, mismatches: Mismatch[]) {
  let n = 0;
  const documents: [z.ZodMiniType, (document: Document) => unknown[]][] = [
    [before.inquiryDocument(), (document) => [document.data, ...(document.included ?? [])]],
    [before.resourceDocument(), (document) => [document.data, ...(document.included ?? [])]],
    [before.eventList(), (document) => document.data as unknown[]],
  ];
  for (const [schema, itemsOf] of documents) {
    const document = zodData(schema, value) as Document | undefined;
    if (!document) continue;
    const items = itemsOf(document);
    for (const item of items as before.AnyResource[]) {
      const pairs: Pair[] = [
        {
          name: 'parseVerification',
          now: () => parseVerification(item),
          before: () => before.parseVerification(item),
        },
        {
          name: 'reportAttributes.read',
          now: () => now.reportAttributes.read(item.attributes),
          before: () => before.reportAttributes().parse(item.attributes),
        },
      ];
      n += compare(pairs, item, `${body} ${item.type}`, mismatches);
    }
  }
  return n;
}

describe('the zod-free readers give what the zod/mini schemas gave', () => {
  let corpus: Corpus[] = [];

  beforeAll(async () => {
    const sandbox = await collectSandboxBodies();
    corpus = corpusOf(sandbox.map(({ name, body }) => ({ name: `sandbox ${name}`, body })));
  }, 60_000);

  it('on every body the tests use, and on every object and list inside them', () => {
    const mismatches: Mismatch[] = [];
    let comparisons = 0;
    // The readers are pure, so a node equal to one already read is read once: the inflections of
    // a body are one body once normalised, and its sub-objects recur across bodies (nine nodes in
    // ten; 24 s of this test before, 5 s after, 2026-12-06).
    const read = new Set<string>();
    for (const { name, body } of corpus) {
      const kebab = normaliseKeys(body);
      comparisons += compareDocuments(body, kebab, name, mismatches);
      comparisons += compareResources(kebab, name, mismatches);
      for (const node of nodesOf(kebab)) {
        const key = jsonKey(node);
        if (key !== undefined && read.has(key)) continue;
        if (key !== undefined) read.add(key);
        comparisons += compare([...parts, ...fieldPairs], node, name, mismatches);
        comparisons += compare(fieldPairs, { k: node }, name, mismatches);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The sandbox answered every read (16 inquiries, 3 inflections, 2 versions) and more.
    expect(corpus.length).toBeGreaterThan(300);
    expect(read.size).toBeGreaterThan(1_000);
    expect(comparisons).toBeGreaterThan(50_000);
  }, 60_000);

  it('on each field absent, undefined, null, inherited or of any type', () => {
    const mismatches: Mismatch[] = [];
    const random = createRandom(SEED);
    const values: unknown[] = [{}, { k: undefined }, { k: null }, inherited(), protoKeyed()];
    for (let i = 0; i < 200; i++) values.push({ k: junk(random) });
    for (const [i, value] of values.entries()) {
      compare(fieldPairs, value, `field value ${i}`, mismatches);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it(`on ${MUTATIONS_PER_BODY} seeded random damages of each body (seed ${SEED})`, () => {
    const mismatches: Mismatch[] = [];
    const random = createRandom(SEED);
    let mutations = 0;
    let failedBefore = 0;
    for (const { name, body } of corpus) {
      for (let m = 0; m < MUTATIONS_PER_BODY; m++) {
        const damaged = mutate(body, random);
        const label = `${name}, damage ${m}`;
        const kebab = normaliseKeys(damaged);
        compareDocuments(damaged, kebab, label, mismatches);
        compareResources(kebab, label, mismatches);
        for (const node of nodesOf(damaged).filter(() => random() < 0.05)) {
          compare(parts, node, `${label}, inside`, mismatches);
        }
        if (zodData(before.inquiryDocument(), kebab) === undefined) failedBefore++;
        mutations++;
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(mutations).toBe(corpus.length * MUTATIONS_PER_BODY);
    // Damage that zod refused is part of the test: both must refuse it.
    expect(failedBefore).toBeGreaterThan(mutations / 10);
  }, 60_000);

  it('reads a verification whose type is an Object.prototype name with the shared attributes', () => {
    // zod's lookup found Object.prototype's members (`constructor` → Object) and threw; a
    // type is only ever looked up among the types named.
    const item = now.anyResource({
      type: 'constructor',
      id: 'ver_1',
      attributes: { status: 'passed', 'name-first': 'Jane' },
    });
    if (!item) throw new Error('not a resource');
    expect(() => before.parseVerification(item)).toThrow(TypeError);
    expect(parseVerification(item).attributes).toEqual({
      status: 'passed',
      checks: [],
      'name-first': 'Jane',
    });
  });
});

describe('the frame follows zod/mini looseObject, optional and prefault', () => {
  // Readers that show what they were called with, so the frame's own rules are seen, beyond what
  // Persona's parts (which read null and undefined alike) would show.
  const saw = (value: unknown) => ({ saw: value });
  const numberOnly = (value: unknown) => (typeof value === 'number' ? saw(value) : undefined);
  const kinds: [string, Field, z.ZodMiniType][] = [
    ['maybe', maybe(saw), z.optional(z.pipe(z.unknown(), z.transform(saw)))],
    [
      'maybe, undefined read',
      maybe(() => undefined),
      z.optional(
        z.pipe(
          z.unknown(),
          z.transform(() => undefined),
        ),
      ),
    ],
    ['always', always(saw), z.prefault(z.pipe(z.unknown(), z.transform(saw)), null)],
    [
      'required',
      required(numberOnly),
      z.pipe(
        z.number(),
        z.transform((value: number) => saw(value)),
      ),
    ],
    ['required, reading undefined', required(saw), z.pipe(z.unknown(), z.transform(saw))],
  ];
  const values: unknown[] = [
    {},
    { k: undefined },
    { k: null },
    { k: 0 },
    { k: 'x' },
    { k: [] },
    { k: {} },
    { k: 1, other: undefined, more: null },
    { other: 2, k: 3 },
    Object.create({ k: 4, inheritedOther: 5 }),
    Object.assign(Object.create(null), { k: 6, x: 7 }),
    protoKeyed(),
    JSON.parse('{"k": 8, "__proto__": {"k": 9, "y": 10}}'),
    new Date(0),
    null,
    undefined,
    [],
    [1],
    'k',
    7,
  ];

  it.each(kinds)('for a %s field', (_, field, schema) => {
    const reader = objectReader({ k: field });
    const object = z.looseObject({ k: schema });
    const mismatches: Mismatch[] = [];
    for (const [i, value] of values.entries()) {
      compare(
        [{ name: 'k', now: reader, before: (v) => zodData(object, v) }],
        value,
        `${i}`,
        mismatches,
      );
    }
    expect(mismatches).toEqual([]);
  });

  it('for two fields and the keys no field names, in order', () => {
    const reader = objectReader({ b: maybe(saw), a: always(saw), c: required(numberOnly) });
    const object = z.looseObject({
      b: z.optional(z.pipe(z.unknown(), z.transform(saw))),
      a: z.prefault(z.pipe(z.unknown(), z.transform(saw)), null),
      c: z.pipe(
        z.number(),
        z.transform((value: number) => saw(value)),
      ),
    });
    const mismatches: Mismatch[] = [];
    const random = createRandom(SEED);
    for (let i = 0; i < 300; i++) {
      const value: Record<string, unknown> = {};
      for (const key of ['z', 'c', 'a', '1', 'b', 'y']) {
        if (random() < 0.6) value[key] = key === 'c' && random() < 0.8 ? i : junk(random);
      }
      compare(
        [{ name: 'b, a, c', now: reader, before: (v) => zodData(object, v) }],
        value,
        `${i}`,
        mismatches,
      );
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

describe('the readers keep the types the zod/mini schemas gave', () => {
  it('for every document and part the normalisers read (checked by tsc)', () => {
    type Before<S extends () => z.ZodMiniType> = z.output<ReturnType<S>>;
    expectTypeOf<Read<typeof now.inquiryDocument>>().toEqualTypeOf<
      Before<typeof before.inquiryDocument>
    >();
    expectTypeOf<Read<typeof now.inquiryListDocument>>().toEqualTypeOf<
      Before<typeof before.inquiryListDocument>
    >();
    expectTypeOf<Read<typeof now.resourceDocument>>().toEqualTypeOf<
      Before<typeof before.resourceDocument>
    >();
    expectTypeOf<Read<typeof now.eventListDocument>>().toEqualTypeOf<
      Before<typeof before.eventList>
    >();
    expectTypeOf<Read<typeof now.errorBody>>().toEqualTypeOf<Before<typeof before.errorBody>>();
    expectTypeOf<Read<typeof now.rateLimitsDocument>>().toEqualTypeOf<
      Before<typeof before.rateLimitsDocument>
    >();
    expectTypeOf<Read<typeof now.keyPermissionsDocument>>().toEqualTypeOf<
      Before<typeof before.keyPermissionsDocument>
    >();
    expectTypeOf<now.InquiryDocument>().toEqualTypeOf<before.InquiryDocument>();
    expectTypeOf<now.AnyResource>().toEqualTypeOf<before.AnyResource>();
    expectTypeOf<VerificationAttributes>().toEqualTypeOf<before.VerificationAttributes>();
    expectTypeOf<ReturnType<typeof now.reportAttributes.read>>().toEqualTypeOf<
      Before<typeof before.reportAttributes>
    >();
    expectTypeOf<Read<typeof check>>().toEqualTypeOf<Before<typeof before.check>>();
    // And at run time, the same value for one body.
    const body = fixture('inquiry-retrieve-200');
    expect(now.parseBody(now.inquiryDocument, body)).toStrictEqual(
      before.parseBody(before.inquiryDocument(), body),
    );
  });
});
