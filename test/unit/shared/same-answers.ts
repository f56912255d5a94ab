// Holding a generated item to its zod item: the same answer for every stored value, down to key
// order, salvage and the unreadable flag. Shared by the tests of each generated module.
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { SchemaItem } from '../../../src/shared/define-item.ts';
import { readStored, type StorageItem } from '../../../src/shared/storage.ts';
import { keyOrder, keysOf, mutate, nasty, type Random, sample, seeded } from './zod-samples.ts';

export interface Tally {
  parsed: number;
  failed: number;
  salvaged: number;
  unreadable: number;
}

export function describeRaw(raw: unknown): string {
  try {
    return JSON.stringify(raw, (_, v) =>
      typeof v === 'number' && !Number.isFinite(v) ? `${v}` : v,
    );
  } catch {
    return String(raw);
  }
}

/**
 * `got` is `want`, prototypes, holes and key order included. Node's deep equality, not expect's:
 * that one compares an own "constructor" key (a stored record may have one) as the classes.
 */
export function expectSameValue(
  got: unknown,
  want: unknown,
  describe: string | (() => string),
): void {
  // Compared first and handed to expect only when they differ, for its message: the samples run
  // to hundreds of thousands of comparisons, and expect's bookkeeping and the messages' text were
  // most of their time.
  if (isDeepStrictEqual(got, want) && isDeepStrictEqual(keyOrder(got), keyOrder(want))) return;
  const context = typeof describe === 'string' ? describe : describe();
  expect(got, context).toStrictEqual(want);
  expect(isDeepStrictEqual(got, want), context).toBe(true);
  expect(keyOrder(got), context).toStrictEqual(keyOrder(want));
}

/** Reads `raw` through both items and expects the same answer, down to key order. */
export function expectSame(
  name: string,
  original: SchemaItem<unknown>,
  checked: StorageItem<unknown>,
  raw: unknown,
  tally: Tally,
) {
  const want = original.schema.safeParse(raw);
  const got = checked.schema.safeParse(raw);
  const context = () => `${name} reading ${describeRaw(raw)}`;
  if (got.success !== want.success) expect(got.success, context()).toBe(want.success);
  if (want.success && got.success) expectSameValue(got.data, want.data, context);
  expectSameValue(checked.salvage?.(raw), original.salvage?.(raw), () => `${context()} (salvage)`);
  const read = readStored(checked, raw);
  const wanted = readStored(original, raw);
  expectSameValue(read, wanted, () => `${context()} (read)`);
  tally[want.success ? 'parsed' : 'failed'] += 1;
  if (!want.success && !read.unreadable && raw !== undefined) tally.salvaged += 1;
  if (read.unreadable) tally.unreadable += 1;
}

// Values every item is read with, besides its own samples: the edges the checks have to get right.
export const handPicked = (entry: unknown, random: Random): unknown[] => {
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

/**
 * Reads hand-picked values and 3000 seeded samples of the schema (a quarter valid, the rest
 * damaged) through both items; returns how the answers fell.
 */
export function holdToZod(
  name: string,
  original: SchemaItem<unknown>,
  checked: StorageItem<unknown>,
  extra: readonly unknown[] = [],
): Tally {
  const random = seeded([...name].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7));
  const def = (original.schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const entrySchema =
    original.salvageBy === 'list'
      ? def.element
      : original.salvageBy === 'record'
        ? def.valueType
        : original.schema;
  const likeKeys = [...keysOf(original.schema)];
  const tally: Tally = { parsed: 0, failed: 0, salvaged: 0, unreadable: 0 };
  const entry = sample(entrySchema, random);
  const asStored = original.salvageBy === 'record' ? [{ a: entry, b: entry }, { a: entry }] : [];
  for (const raw of [...handPicked(entry, random), ...asStored, ...extra]) {
    expect(() => expectSame(name, original, checked, raw, tally)).not.toThrow();
  }
  for (let i = 0; i < 3000; i++) {
    const valid = sample(original.schema, random);
    const raw = i % 4 === 0 ? valid : mutate(valid, random, likeKeys);
    expectSame(name, original, checked, raw, tally);
  }
  return tally;
}
