// The generator's reading of a zod/mini schema (scripts/lib/schema-rule.ts): what it takes, it
// reproduces exactly (for any schema built of those parts, not only today's); what it cannot, it
// refuses by name, so a schema change never makes a generated check quietly weaker.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { generateChecks } from '../../../scripts/lib/first-screen-checks.ts';
import { needsMore } from '../../../scripts/lib/generated-module.ts';
import { ruleCode, ruleOf, UnsupportedSchema } from '../../../scripts/lib/schema-rule.ts';
import { looksLikeInquiryView } from '../../../src/shared/cached-view-check.ts';
import { defineItem, defineListItem, salvageWith } from '../../../src/shared/define-item.ts';
import { withDefault } from '../../../src/shared/named-default.ts';
import { isInquiryId } from '../../../src/shared/persona/inquiry-id.ts';
import { isPersonaOrLoopbackLink } from '../../../src/shared/persona/trusted-link.ts';
import { salvageFields } from '../../../src/shared/salvage.ts';
import { defaultChatTemplate } from '../../../src/shared/settings-values.ts';
import { checker as basicChecker } from '../../../src/shared/stored-check.ts';
import { checker } from '../../../src/shared/stored-check-more.ts';
import {
  keyOrder,
  keysOf,
  mutate,
  pick,
  type Random,
  sample,
  seeded,
} from '../shared/zod-samples.ts';

const fieldNames = ['a', 'b', 'id', 'toString', 'status'];

const patterns = [/^[0-9a-f]{64}$/, /a/g, /^A/i, /b$/y, /\p{L}/u, /^(inq|tmpl)_\w+$/];

function randomString(random: Random): z.ZodMiniType {
  const checks: z.core.$ZodCheck<string>[] = [];
  if (random() < 0.3) checks.push(z.maxLength(Math.floor(random() * 4)));
  if (random() < 0.3) checks.push(z.minLength(Math.floor(random() * 3)));
  if (random() < 0.2) checks.push(z.regex(pick(random, patterns)));
  if (random() < 0.2)
    checks.push(z.refine<string>(pick(random, [isInquiryId, isPersonaOrLoopbackLink])));
  return checks.length ? z.string().check(...checks) : z.string();
}

/** A JSON default for a schema built of the parts the generator takes, or undefined for none. */
function randomDefault(random: Random, schema: z.ZodMiniType): unknown {
  const kind = (schema as unknown as { _zod: { def: { type: string } } })._zod.def.type;
  const candidates: Record<string, unknown[]> = {
    string: ['', 'x', 'inq_AAAAAA111111'],
    number: [0, 60, -1.5],
    boolean: [true, false],
    array: [[]],
    nullable: [null],
  };
  return candidates[kind] ? pick(random, candidates[kind]) : undefined;
}

/** A random schema built only of the parts the generator takes. */
function randomSchema(random: Random, depth = 0): z.ZodMiniType {
  const leaves = ['string', 'number', 'boolean', 'enum', 'literal', 'custom'];
  const kind = pick(
    random,
    depth > 2
      ? leaves
      : [...leaves, 'nullable', 'optional', 'default', 'array', 'record', 'object', 'object'],
  );
  const inner = () => randomSchema(random, depth + 1);
  switch (kind) {
    case 'string':
      return randomString(random);
    case 'number': {
      const checks = [];
      if (random() < 0.4) checks.push(z.int());
      if (random() < 0.4)
        checks.push(pick(random, [z.gte, z.gt])(pick(random, [0, -1, 0.5, 600_000])));
      if (random() < 0.4)
        checks.push(pick(random, [z.lte, z.lt])(pick(random, [0, 1, 10.5, 600_000])));
      return checks.length ? z.number().check(...checks) : z.number();
    }
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(pick(random, [['a'], ['a', 'b'], ['sandbox', 'production', '']]));
    case 'literal':
      return z.literal(pick(random, [['a'], ['ping'], [0, 'a'], [true], [null, 1.5]]) as never);
    case 'custom':
      return z.custom(looksLikeInquiryView);
    case 'nullable':
      return z.nullable(inner());
    case 'optional':
      return z.optional(inner());
    case 'default': {
      const of = inner();
      const value = random() < 0.2 ? defaultChatTemplate : randomDefault(random, of);
      if (value === defaultChatTemplate) return withDefault(z.string(), defaultChatTemplate);
      return value === undefined ? z.optional(of) : withDefault(of, value as never);
    }
    case 'array': {
      const list = z.array(inner());
      const checks = [];
      if (random() < 0.3) checks.push(z.maxLength(Math.floor(random() * 4)));
      if (random() < 0.3) checks.push(z.minLength(Math.floor(random() * 3)));
      return checks.length ? list.check(...checks) : list;
    }
    case 'record':
      return z.record(z.string(), inner());
    default: {
      const count = Math.floor(random() * 4);
      const names = [...fieldNames].sort(() => random() - 0.5).slice(0, count);
      return z.object(Object.fromEntries(names.map((name) => [name, inner()])));
    }
  }
}

/** The rule kinds and checks a rule is made of (`t` values and check names), once per rule. */
function partsOf(rule: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(rule)) {
    if (typeof rule[0] === 'string') out.add(rule[0]);
    for (const part of rule) partsOf(part, out);
  } else if (typeof rule === 'object' && rule !== null && !(rule instanceof RegExp)) {
    const { t, checks, values } = rule as { t?: unknown; checks?: unknown; values?: unknown };
    if (typeof t === 'string') out.add(t);
    // A z.literal's rule is an enum's, told by its values that are not all strings.
    if (t === 'enum' && Array.isArray(values) && values.some((v) => typeof v !== 'string')) {
      out.add('literal');
    }
    // A string's length check, by its kind ('>=' is also a number's bound).
    if (t === 'string' && Array.isArray(checks))
      for (const [kind] of checks) out.add(`length ${kind}`);
    for (const part of Object.values(rule)) partsOf(part, out);
  }
  return out;
}

/** A function with a name, not in check-registry.ts. */
function isNamed(text: string): boolean {
  return text.length > 0;
}

describe('a rule read from a zod/mini schema', () => {
  it('answers as the schema does, for random schemas of the parts it takes', () => {
    const random = seeded(20261202);
    let parsed = 0;
    let failed = 0;
    const kinds = new Map<string, number>();
    for (let s = 0; s < 800; s++) {
      const schema = randomSchema(random);
      const rule = ruleOf(schema);
      for (const kind of partsOf(rule)) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const check = checker(rule);
      const likeKeys = [...keysOf(schema)];
      for (let i = 0; i < 60; i++) {
        const valid = sample(schema, random);
        const raw = i % 3 === 0 ? valid : mutate(valid, random, likeKeys);
        const want = schema.safeParse(raw);
        const got = check.safeParse(raw);
        const context = `schema ${s}, value ${i}`;
        expect(got.success, context).toBe(want.success);
        if (want.success && got.success) {
          // Node's deep equality, prototypes and holes included: expect's would compare an own
          // "constructor" key (a record may have one) as the objects' classes.
          expect(isDeepStrictEqual(got.data, want.data), context).toBe(true);
          expect(keyOrder(got.data), context).toStrictEqual(keyOrder(want.data));
          parsed += 1;
        } else failed += 1;
      }
    }
    expect(parsed).toBeGreaterThan(10000);
    expect(failed).toBeGreaterThan(10000);
    // Every part the rules have was among the random schemas, many times.
    for (const kind of ['literal', 'record', 'custom', 'default', 'length >=', 'regex', 'refine']) {
      expect(kinds.get(kind) ?? 0, kind).toBeGreaterThan(20);
    }
  });

  it.each([
    ['custom with an unnamed function', z.custom(() => true)],
    ['refine with an unnamed function', z.string().check(z.refine(() => true))],
    ['refine with a named function not in the registry', z.string().check(z.refine(isNamed))],
    ['a refined number', z.number().check(z.refine(isInquiryId as never))],
    ['a plain default', z._default(z.string(), 'x')],
    ['a default of an unnamed function', withDefault(z.string(), () => 'x')],
    ['a default JSON cannot carry', withDefault(z.number(), Number.NaN)],
    ['a prefault', z.prefault(z.string(), 'x')],
    ['a record with enum keys', z.record(z.enum(['a']), z.string())],
    ['a record with checked keys', z.record(z.string().check(z.maxLength(2)), z.string())],
    ['a partial record', z.partialRecord(z.enum(['a']), z.string())],
    ['a loose record', z.looseRecord(z.string(), z.string())],
    ['a literal undefined', z.literal(undefined)],
    ['a literal bigint', z.literal(1n)],
    ['a string format that is not a regex', z.string().check(z.lowercase())],
    ['a length on a list', z.array(z.string()).check(z.length(2))],
    [
      'transform',
      z.pipe(
        z.string(),
        z.transform((s) => s.length),
      ),
    ],
    ['union', z.union([z.string(), z.number()])],
    ['catch', z.catch(z.string(), 'x')],
    ['strict object', z.strictObject({ a: z.string() })],
    ['loose object', z.looseObject({ a: z.string() })],
    ['exact optional', z.exactOptional(z.string())],
    ['string format', z.email()],
    ['int as a schema', z.int()],
    ['multiple of', z.number().check(z.multipleOf(2))],
    ['coercion', z.coerce.number()],
    ['a refined object', z.object({ a: z.string() }).check(z.refine(() => true))],
    ['a numeric enum', z.enum({ A: 0, B: 1 })],
    [
      'a check with its own when',
      z.string().check(z.maxLength(3, { when: () => false } as unknown as { abort?: boolean })),
    ],
    ['lazy', z.lazy(() => z.string())],
    ['readonly', z.readonly(z.object({ a: z.string() }))],
    ['tuple', z.tuple([z.string()])],
    ['date', z.date()],
    ['unknown', z.unknown()],
  ])('refuses %s', (_, schema) => {
    expect(() => ruleOf(schema)).toThrow(UnsupportedSchema);
  });

  it('needs stored-check-more.ts for the kinds the first screen does not use', () => {
    const rule = ruleOf(z.record(z.string(), z.literal('a')));
    expect(() => basicChecker(rule).safeParse({})).toThrow(/^record$/);
    expect(checker(rule).safeParse({ k: 'a' })).toEqual({ success: true, data: { k: 'a' } });
  });

  it('says which module a generated item imports: the basic one only for the rules it compiles', () => {
    const plainList = ruleOf(z.object({ a: z.array(z.string()) }));
    const checkedList = ruleOf(z.object({ a: z.array(z.string()).check(z.maxLength(2)) }));
    expect(needsMore(plainList)).toBe(false);
    expect(basicChecker(plainList).safeParse({ a: ['x'] }).success).toBe(true);
    // A list with a length check: the basic module leaves it to the other, so the item must
    // import that one (it imported the basic one, and threw on its first read).
    expect(needsMore(checkedList)).toBe(true);
    expect(() => basicChecker(checkedList).safeParse({ a: [] })).toThrow(/^array$/);
    expect(needsMore(ruleOf(z.record(z.string(), z.string())))).toBe(true);
  });

  it('names where in the schema the refused part is', () => {
    expect(() => ruleOf(z.object({ a: z.string().check(z.refine(isNamed)) }), 'x')).toThrow(
      /^x\.a: a refine with a function "isNamed" that src\/shared\/check-registry\.ts does not name/,
    );
    const schema = z.object({ a: z.array(z.object({ b: z.optional(z.custom(() => true)) })) });
    expect(() => ruleOf(schema, 'someItem')).toThrow(
      /^someItem\.a\[\]\.b: a z.custom with a function that/,
    );
  });

  it('takes what today’s first-screen schemas are made of', () => {
    const schema = z.nullable(
      z.object({
        n: z.number().check(z.int(), z.gte(600_000), z.lt(2), z.gt(0), z.lte(3)),
        s: z.optional(z.string().check(z.maxLength(200))),
        e: z.enum(['x', 'y']),
        l: z.array(z.boolean()),
      }),
    );
    expect(ruleOf(schema)).toEqual({
      t: 'nullable',
      of: {
        t: 'object',
        fields: {
          n: { t: 'number', checks: [['int'], ['>=', 600_000], ['<', 2], ['>', 0], ['<=', 3]] },
          s: { t: 'optional', of: { t: 'string', checks: [['<=', 200]] } },
          e: { t: 'enum', values: ['x', 'y'] },
          l: { t: 'array', of: { t: 'boolean' } },
        },
      },
    });
  });

  it('refuses an item it cannot generate whole', () => {
    const source = (items: Record<string, unknown>) => [
      { module: '../x.ts', alias: 'x', items: items as never },
    ];
    const salvaged = defineItem(
      'local',
      's',
      z.string(),
      () => '',
      () => '',
    );
    const unnamedSalvage = defineItem(
      'local',
      'n',
      z.object({ a: z.string() }),
      () => ({ a: '' }),
      salvageWith(
        (parts) => salvageFields(parts),
        () => ({ a: z.string() }),
      ),
    );
    const unserialisable = defineItem('local', 'u', z.optional(z.string()), () => undefined);
    const badEntry = defineListItem('local', 'l', z.string().check(z.refine(isNamed)));
    expect(() => generateChecks(source({ salvaged }))).toThrow(/salvaged: a custom salvage not/);
    expect(() => generateChecks(source({ unnamedSalvage }))).toThrow(
      /unnamedSalvage: its salvage is not named in check-registry.ts/,
    );
    expect(() => generateChecks(source({ unserialisable }))).toThrow(/not plain JSON/);
    expect(() => generateChecks(source({ badEntry }))).toThrow(/badEntry\[\]: a refine/);
  });
});

describe('ruleCode with shared rules', () => {
  const fields = { t: 'object', fields: { id: { t: 'string' } } };
  const alone = ruleCode(fields, new Set());

  it('writes a shared value by its name wherever it occurs, except where it is being named', () => {
    const shared = { byCode: new Map([[alone, 'rule1']]), used: new Set<string>() };
    expect(ruleCode({ t: 'array', of: fields }, new Set(), shared)).toBe(
      '{"t": "array", "of": rule1}',
    );
    expect(shared.used).toEqual(new Set(['rule1']));
    expect(ruleCode(fields, new Set(), shared, true)).toBe(alone);
  });

  it('counts each object and list it meets, to find what repeats', () => {
    const counts = new Map<string, { n: number; value: unknown }>();
    const shared = { byCode: new Map<string, string>(), used: new Set<string>(), counts };
    ruleCode({ t: 'array', of: fields }, new Set(), shared);
    ruleCode(fields, new Set(), shared);
    expect(counts.get(alone)?.n).toBe(2);
  });
});
