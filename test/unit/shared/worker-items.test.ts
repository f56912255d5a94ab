// The background reads every stored item and the policy without zod, through checks generated from
// their zod/mini schemas (scripts/gen-stored-checks.ts, src/shared/generated/stored-items.ts). They
// must read every stored value exactly as the zod items do, the generated module must be what the
// generator makes of today's schemas, and no stored item may be left out of the generated ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { firstScreenSources } from '../../../scripts/lib/first-screen-checks.ts';
import {
  generateStoredItems,
  storedItemsPath,
  workerSources,
} from '../../../scripts/lib/worker-checks.ts';
import * as trailItems from '../../../src/shared/audit/trail-item.ts';
import * as generated from '../../../src/shared/generated/stored-items.ts';
import * as lockItems from '../../../src/shared/lock-items.ts';
import { parsePolicy } from '../../../src/shared/policy.ts';
import { policyFields } from '../../../src/shared/policy-schema.ts';
import type { StorageItem } from '../../../src/shared/storage.ts';
import * as storageItems from '../../../src/shared/storage-items.ts';
import { describeRaw, expectSameValue, holdToZod } from './same-answers.ts';
import { keysOf, mutate, nasty, sample, seeded } from './zod-samples.ts';

const generatedItems = generated as unknown as Record<string, StorageItem<unknown>>;
const pairs = [...firstScreenSources, ...workerSources].flatMap((source) =>
  Object.entries(source.items).map(([name, original]) => ({
    name,
    original,
    checked: generatedItems[name] as StorageItem<unknown>,
  })),
);
const workerPairs = pairs.filter((p) => workerSources.some((s) => p.name in s.items));

const isItem = (value: unknown): value is StorageItem<unknown> =>
  typeof value === 'object' && value !== null && 'area' in value && 'key' in value;

/** A settings object with one field out of range, and stored audit trails with damaged parts. */
const settingsEdges = [
  { pollSeconds: 5, notifications: false },
  { pollSeconds: 60, chatTemplate: 'x'.repeat(1001), templates: [{ name: '', id: 'x' }] },
  { linkExpiryHours: 24 * 30 + 1, baseUrl: undefined },
  { autoLockMinutes: 1.5, contextMenuLookup: 'yes' },
];
const hash = 'a'.repeat(64);
const entry = {
  seq: 0,
  at: 1,
  reviewer: 'r',
  action: 'approve',
  outcome: 'ok',
  prevHash: '0'.repeat(64),
  hash,
};
const trailEdges = [
  { entries: [entry, { ...entry, hash: 'A'.repeat(64) }, { ...entry, action: 'delete' }] },
  { entries: [entry], checkpoint: { hash, dropped: 1.5, droppedAt: 1 }, lastExportedAt: 'x' },
  { entries: 'x', checkpoint: { hash, dropped: 1, droppedAt: 1 } },
  // biome-ignore lint/suspicious/noSparseArray: a list with a hole in it
  { entries: [entry, , entry], lastExportedAt: 5 },
  { pages: [{ first: 0, lastHash: hash }], entries: [entry] },
  { pages: [{ first: 0, lastHash: 'x' }, { first: 1.5, lastHash: hash }, 'x'], entries: [] },
  { pages: 'x', entries: [entry] },
];
const linkEdges = [
  { inq_AAAAAA111111: { url: 'https://withpersona.com/verify?code=1', createdAt: 1 } },
  { inq_AAAAAA111111: { url: 'javascript:alert(1)', createdAt: 1 } },
  { a: { url: 'http://127.0.0.1:4010/x', shortUrl: 'https://evil.test/x', createdAt: 1 } },
];
const cachedViewEdges = [
  { inquiry: { id: 'inq_AAAAAA111111', extra: [1] }, fetchedAt: 1 },
  { inquiry: { id: 1 }, fetchedAt: 1 },
  { inquiry: { id: 'x' } },
  { inquiry: null, fetchedAt: 1 },
  null,
];
const cacheIndexEdges = [
  { inq_AAAAAA111111: 1, inq_BBBBBB222222: 2 },
  { a: 1, b: 'x' },
  { [Symbol('s')]: 1 },
  Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
];
const edges: Record<string, unknown[]> = {
  settingsItem: settingsEdges,
  auditTrailItem: trailEdges,
  linksItem: linkEdges,
  cachedInquiryItem: cachedViewEdges,
  inquiryCacheIndexItem: cacheIndexEdges,
};

describe('generated stored items', () => {
  it('cover every stored item the zod modules declare, with its area, key, fallback and salvage', () => {
    const declared = [storageItems, lockItems, trailItems].flatMap((module) =>
      Object.entries(module).filter(([, value]) => isItem(value)),
    );
    expect(pairs.map((p) => p.name).sort()).toEqual(declared.map(([name]) => name).sort());
    const { policyChecks, ...exported } = generated;
    // Besides the items: the rules several checks share (rule1…, worker-checks.ts).
    const items = Object.keys(exported).filter((name) => !/^rule\d+$/.test(name));
    expect(items.sort()).toEqual(pairs.map((p) => p.name).sort());
    expect(Object.keys(policyChecks)).toEqual(Object.keys(policyFields()));
    for (const { name, original, checked } of pairs) {
      expect([checked.area, checked.key], name).toEqual([original.area, original.key]);
      expectSameValue(checked.fallback(), original.fallback(), name);
      expect(typeof checked.salvage, name).toBe(typeof original.salvage);
    }
  });

  it.each(workerPairs.map((p) => [p.name, p] as const))(
    '%s reads stored values as its zod item does',
    (_, { name, original, checked }) => {
      const tally = holdToZod(name, original, checked, edges[name] ?? []);
      // Both answers were exercised, and salvage where the item has one.
      expect(tally.parsed, name).toBeGreaterThan(300);
      expect(tally.failed, name).toBeGreaterThan(300);
      expect(tally.unreadable, name).toBeGreaterThan(0);
      if (original.salvage) expect(tally.salvaged, name).toBeGreaterThan(100);
    },
  );

  it('read the policy as its zod fields do', () => {
    const random = seeded(14);
    const zodFields = policyFields();
    const whole = z.object(zodFields);
    const likeKeys = [...keysOf(whole)];
    let kept = 0;
    let dropped = 0;
    const samples = [
      undefined,
      null,
      'nonsense',
      [],
      { pollSeconds: 5, notifications: false, reviewer: '' },
      { apiBaseUrl: 'x'.repeat(501), templates: Array(51).fill({ name: 'a', id: 'b' }) },
      ...Array.from({ length: 3000 }, (_, i) => {
        const valid = sample(whole, random);
        return i % 4 === 0
          ? valid
          : i % 7 === 0
            ? nasty(random, likeKeys)
            : mutate(valid, random, likeKeys);
      }),
    ];
    for (const raw of samples) {
      const want = parsePolicy(raw, zodFields);
      expectSameValue(parsePolicy(raw), want, () => `policy ${describeRaw(raw)}`);
      kept += Object.keys(want).length;
      dropped += Object.keys(zodFields).length - Object.keys(want).length;
    }
    expect(kept).toBeGreaterThan(10000);
    expect(dropped).toBeGreaterThan(3000);
  });

  it('is the module the generator makes of the schemas today', () => {
    const committed = readFileSync(new URL(`../../../${storedItemsPath}`, import.meta.url), 'utf8');
    // On failure: `npm run gen:checks`, then commit src/shared/generated/.
    expect(committed).toBe(generateStoredItems());
  });
});
