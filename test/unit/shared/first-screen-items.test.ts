// The first screen's stored items are checked without zod, by checks generated from their zod/mini
// schemas (scripts/gen-stored-checks.ts). They must read every stored value exactly as the zod
// items do, and the committed module must be what the generator makes of today's schemas.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  firstScreenSources,
  generateChecks,
  generatedPath,
} from '../../../scripts/lib/first-screen-checks.ts';
import type { SchemaItem } from '../../../src/shared/define-item.ts';
import * as generated from '../../../src/shared/generated/first-screen-items.ts';
import { readStored, type StorageItem } from '../../../src/shared/storage.ts';
import { keyOrder, keysOf, mutate, nasty, type Random, sample, seeded } from './zod-samples.ts';

const pairs = firstScreenSources.flatMap((source) =>
  Object.entries(source.items).map(([name, original]) => ({
    name,
    original,
    checked: (generated as unknown as Record<string, StorageItem<unknown>>)[
      name
    ] as StorageItem<unknown>,
  })),
);

interface Tally {
  parsed: number;
  failed: number;
  salvaged: number;
  unreadable: number;
}

/** Reads `raw` through both items and expects the same answer, down to key order. */
function expectSame(
  name: string,
  original: SchemaItem<unknown>,
  checked: StorageItem<unknown>,
  raw: unknown,
  tally: Tally,
) {
  const want = original.schema.safeParse(raw);
  const got = checked.schema.safeParse(raw);
  const context = `${name} reading ${describeRaw(raw)}`;
  expect(got.success, context).toBe(want.success);
  if (want.success && got.success) {
    expect(got.data, context).toStrictEqual(want.data);
    expect(keyOrder(got.data), context).toStrictEqual(keyOrder(want.data));
  }
  expect(checked.salvage?.(raw), context).toStrictEqual(original.salvage?.(raw));
  const read = readStored(checked, raw);
  expect(read, context).toStrictEqual(readStored(original, raw));
  expect(keyOrder(read.value), context).toStrictEqual(keyOrder(readStored(original, raw).value));
  tally[want.success ? 'parsed' : 'failed'] += 1;
  if (!want.success && !read.unreadable && raw !== undefined) tally.salvaged += 1;
  if (read.unreadable) tally.unreadable += 1;
}

function describeRaw(raw: unknown): string {
  try {
    return JSON.stringify(raw, (_, v) =>
      typeof v === 'number' && !Number.isFinite(v) ? `${v}` : v,
    );
  } catch {
    return String(raw);
  }
}

// Values every item is read with, besides its own samples: the edges the checks have to get right.
const handPicked = (entry: unknown, random: Random): unknown[] => {
  const withExtra = (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, extra: 1 } : v;
  return [
    undefined,
    null,
    entry,
    withExtra(entry),
    [entry],
    [entry, withExtra(entry), null, 'x'.repeat(201), '😀'.repeat(200), '😀'.repeat(201), entry],
    // biome-ignore lint/suspicious/noSparseArray: a list with a hole in it
    [entry, , entry],
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    1.5,
    '',
    'x'.repeat(200),
    'x'.repeat(201),
    '😀'.repeat(200),
    {},
    [],
    Object.create(null),
    JSON.parse('{"__proto__":{"failures":1},"failures":2}'),
    Object.create({ failures: 3, masked: 'k', environment: 'sandbox', savedAt: 1, at: 1 }),
    ...Array.from({ length: 20 }, () => nasty(random, [])),
  ];
};

describe('generated first-screen items', () => {
  it('cover the same items, areas, keys, fallbacks and salvage as the zod items', () => {
    const { firstScreenItems, ...items } = generated;
    expect(Object.keys(items).sort()).toEqual(pairs.map((p) => p.name).sort());
    // The list a desk page preloads holds every one of them.
    expect(new Set(firstScreenItems)).toEqual(new Set(Object.values(items)));
    for (const { name, original, checked } of pairs) {
      expect([checked.area, checked.key], name).toEqual([original.area, original.key]);
      expect(checked.fallback(), name).toStrictEqual(original.fallback());
      expect(typeof checked.salvage, name).toBe(typeof original.salvage);
    }
  });

  it.each(pairs.map((p) => [p.name, p] as const))(
    '%s reads stored values as its zod item does',
    (_, pair) => {
      const { name, original, checked } = pair;
      const random = seeded([...name].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
      const schema = original.schema as unknown as { _zod: { def: { element?: unknown } } };
      const entrySchema = original.salvageBy === 'list' ? schema._zod.def.element : schema;
      const likeKeys = [...keysOf(original.schema)];
      const tally: Tally = { parsed: 0, failed: 0, salvaged: 0, unreadable: 0 };
      for (const raw of handPicked(sample(entrySchema, random), random)) {
        expect(() => expectSame(name, original, checked, raw, tally)).not.toThrow();
      }
      for (let i = 0; i < 3000; i++) {
        const valid = sample(original.schema, random);
        const raw = i % 4 === 0 ? valid : mutate(valid, random, likeKeys);
        expectSame(name, original, checked, raw, tally);
      }
      // Both answers were exercised, and salvage where the item has one.
      expect(tally.parsed, name).toBeGreaterThan(300);
      expect(tally.failed, name).toBeGreaterThan(300);
      expect(tally.unreadable, name).toBeGreaterThan(0);
      if (original.salvage) expect(tally.salvaged, name).toBeGreaterThan(100);
    },
  );

  it('is the module the generator makes of the schemas today', () => {
    const committed = readFileSync(new URL(`../../../${generatedPath}`, import.meta.url), 'utf8');
    // On failure: `npm run gen:checks`, then commit src/shared/generated/.
    expect(committed).toBe(generateChecks());
  });
});
