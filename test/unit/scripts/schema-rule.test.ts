// The generator's reading of a zod/mini schema (scripts/lib/schema-rule.ts): what it takes, it
// reproduces exactly (for any schema built of those parts, not only today's); what it cannot, it
// refuses by name, so a schema change never makes a generated check quietly weaker.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { generateChecks } from '../../../scripts/lib/first-screen-checks.ts';
import { ruleOf, UnsupportedSchema } from '../../../scripts/lib/schema-rule.ts';
import { defineItem, defineRecordItem } from '../../../src/shared/define-item.ts';
import { checker } from '../../../src/shared/stored-check.ts';
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

/** A random schema built only of the parts the generator takes. */
function randomSchema(random: Random, depth = 0): z.ZodMiniType {
  const leaves = ['string', 'number', 'boolean', 'enum'];
  const kind = pick(
    random,
    depth > 2 ? leaves : [...leaves, 'nullable', 'optional', 'array', 'object', 'object'],
  );
  const inner = () => randomSchema(random, depth + 1);
  switch (kind) {
    case 'string':
      return random() < 0.5 ? z.string() : z.string().check(z.maxLength(Math.floor(random() * 4)));
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
    case 'nullable':
      return z.nullable(inner());
    case 'optional':
      return z.optional(inner());
    case 'array':
      return z.array(inner());
    default: {
      const count = Math.floor(random() * 4);
      const names = [...fieldNames].sort(() => random() - 0.5).slice(0, count);
      return z.object(Object.fromEntries(names.map((name) => [name, inner()])));
    }
  }
}

describe('a rule read from a zod/mini schema', () => {
  it('answers as the schema does, for random schemas of the parts it takes', () => {
    const random = seeded(20261202);
    let parsed = 0;
    let failed = 0;
    for (let s = 0; s < 400; s++) {
      const schema = randomSchema(random);
      const check = checker(ruleOf(schema));
      const likeKeys = [...keysOf(schema)];
      for (let i = 0; i < 60; i++) {
        const valid = sample(schema, random);
        const raw = i % 3 === 0 ? valid : mutate(valid, random, likeKeys);
        const want = schema.safeParse(raw);
        const got = check.safeParse(raw);
        const context = `schema ${s}, value ${i}`;
        expect(got.success, context).toBe(want.success);
        if (want.success && got.success) {
          expect(got.data, context).toStrictEqual(want.data);
          expect(keyOrder(got.data), context).toStrictEqual(keyOrder(want.data));
          parsed += 1;
        } else failed += 1;
      }
    }
    expect(parsed).toBeGreaterThan(5000);
    expect(failed).toBeGreaterThan(5000);
  });

  it.each([
    ['custom', z.custom(() => true)],
    ['refine', z.string().check(z.refine(() => true))],
    [
      'transform',
      z.pipe(
        z.string(),
        z.transform((s) => s.length),
      ),
    ],
    ['union', z.union([z.string(), z.number()])],
    ['default', z._default(z.string(), 'x')],
    ['catch', z.catch(z.string(), 'x')],
    ['strict object', z.strictObject({ a: z.string() })],
    ['loose object', z.looseObject({ a: z.string() })],
    ['record', z.record(z.string(), z.string())],
    ['literal', z.literal('x')],
    ['exact optional', z.exactOptional(z.string())],
    ['string format', z.email()],
    ['int as a schema', z.int()],
    ['min length', z.string().check(z.minLength(1))],
    ['regex', z.string().check(z.regex(/a/))],
    ['multiple of', z.number().check(z.multipleOf(2))],
    ['coercion', z.coerce.number()],
    ['a check on a list', z.array(z.string()).check(z.maxLength(2))],
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

  it('names where in the schema the refused part is', () => {
    const schema = z.object({ a: z.array(z.object({ b: z.optional(z.custom(() => true)) })) });
    expect(() => ruleOf(schema, 'someItem')).toThrow(/^someItem\.a\[\]\.b: zod "custom"/);
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
          s: { t: 'optional', of: { t: 'string', checks: [['maxLength', 200]] } },
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
    const record = defineRecordItem('local', 'r', z.string());
    const salvaged = defineItem(
      'local',
      's',
      z.string(),
      () => '',
      () => '',
    );
    const unserialisable = defineItem('local', 'u', z.optional(z.string()), () => undefined);
    expect(() => generateChecks(source({ record }))).toThrow(/record: salvage by record/);
    expect(() => generateChecks(source({ salvaged }))).toThrow(/salvaged: salvage by custom/);
    expect(() => generateChecks(source({ unserialisable }))).toThrow(/not plain JSON/);
  });
});
