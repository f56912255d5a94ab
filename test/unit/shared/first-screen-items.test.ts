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
import * as generated from '../../../src/shared/generated/first-screen-items.ts';
import type { StorageItem } from '../../../src/shared/storage.ts';
import { holdToZod } from './same-answers.ts';

const pairs = firstScreenSources.flatMap((source) =>
  Object.entries(source.items).map(([name, original]) => ({
    name,
    original,
    checked: (generated as unknown as Record<string, StorageItem<unknown>>)[
      name
    ] as StorageItem<unknown>,
  })),
);

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
      const tally = holdToZod(name, original, checked);
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
