// What the background trusts: only inquiry ids to watch, a bounded markSeen, the key's own prefix.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { openPersona } from '../../../src/background/persona-access.ts';
import { DeskError } from '../../../src/shared/errors.ts';
import { MAX_MARK_SEEN, parseRequest } from '../../../src/shared/messages.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';

const productionKey = 'persona_production_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d9f9f';

describe('requests the background accepts', () => {
  it('watch takes only inq_… ids', () => {
    for (const id of ['..', '../rate-limits', 'inq_', 'inq_abc/../x', 'ver_AAAAAAAAAAAA']) {
      expect(parseRequest({ type: 'watch', id })).toBeUndefined();
    }
    expect(parseRequest({ type: 'watch', id: 'inq_AAAAAA111111' })).toBeDefined();
  });

  it('markSeen takes a bounded number of valid ids', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `inq_seen${100000 + i}`);
    expect(parseRequest({ type: 'markSeen', ids: ids(MAX_MARK_SEEN) })).toBeDefined();
    expect(parseRequest({ type: 'markSeen', ids: ids(MAX_MARK_SEEN + 1) })).toBeUndefined();
    expect(parseRequest({ type: 'markSeen', ids: ['..'] })).toBeUndefined();
  });
});

describe('the key and its environment', () => {
  it('are saved in one write', async () => {
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), allowProduction: true },
      key: productionKey,
    });
    const keyWrites = set.mock.calls.filter(([v]) => 'apiKey' in v || 'keyInfo' in v);
    expect(keyWrites).toHaveLength(1);
    expect(Object.keys(keyWrites[0]?.[0] ?? {}).sort()).toEqual(['apiKey', 'keyInfo']);
  });

  it('the environment comes from the key’s prefix, not from what storage claims', async () => {
    await fakeBrowser.storage.local.set({
      apiKey: productionKey,
      keyInfo: { masked: 'x', environment: 'sandbox', savedAt: 1 },
      settings: { ...defaultSettings(), allowProduction: false },
    });
    await expect(openPersona()).rejects.toSatisfy(
      (e) => e instanceof DeskError && /production key/.test(e.message),
    );
  });
});
