// The store's build (src/shared/store-build.ts) never uses a local base URL, not even one already
// stored (kept from a version that took it, or set by a policy): every request is refused before
// it leaves, as a desk not set up, with the reason and the way to the settings. Saving or testing
// one is refused at the base URL field.
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveOptions, testConnection } from '../../../src/background/handlers/options.ts';
import { openPersona } from '../../../src/background/persona-access.ts';
import { DeskError } from '../../../src/shared/errors.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';

vi.mock('../../../src/shared/store-build.ts', async (original) => ({
  ...(await original<typeof import('../../../src/shared/store-build.ts')>()),
  STORE_BUILD: true,
}));

const key = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
const local = 'http://127.0.0.1:4010/api/v1';
const namesThisComputer = /^The API base URL names this computer \(127\.0\.0\.1\)/;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a local base URL in the store’s build', () => {
  it('stored from before: refused as a desk not set up, before any request', async () => {
    await saveOptions({ type: 'saveOptions', settings: defaultSettings(), key });
    const { settings } = (await fakeBrowser.storage.local.get('settings')) as {
      settings: Record<string, unknown>;
    };
    await fakeBrowser.storage.local.set({ settings: { ...settings, baseUrl: local } });
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    const error = await openPersona().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeskError);
    // no_key: the desk's pages offer Open settings with it, as for a missing key.
    expect((error as DeskError).info.kind).toBe('no_key');
    expect((error as DeskError).message).toMatch(namesThisComputer);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('is not saved, and not tested: said at the base URL field', async () => {
    const settings = { ...defaultSettings(), baseUrl: local };
    const atField = (e: unknown) =>
      e instanceof DeskError && e.info.pointer === 'baseUrl' && namesThisComputer.test(e.message);
    await expect(saveOptions({ type: 'saveOptions', settings, key })).rejects.toSatisfy(atField);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    await expect(testConnection({ type: 'testConnection', key, baseUrl: local })).rejects.toSatisfy(
      atField,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('leaves Persona’s own address working', async () => {
    await saveOptions({ type: 'saveOptions', settings: defaultSettings(), key });
    const { client, settings } = await openPersona();
    expect(settings.baseUrl).toBe('https://api.withpersona.com/api/v1');
    expect(client).toBeDefined();
  });
});
