import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { saveOptions, testConnection } from '../../../src/background/handlers/options.ts';
import { DeskError } from '../../../src/shared/errors.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';

const sandboxKey = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
const productionKey = 'persona_production_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d9f9f';
const loopback = 'http://127.0.0.1:4010/api/v1';
const refusal = (e: unknown) =>
  e instanceof DeskError && e.info.pointer === 'baseUrl' && /Only sandbox keys/.test(e.message);

describe('a production key and a loopback base URL', () => {
  it('refuses to save a production key for a local address, with a clear message', async () => {
    const settings = { ...defaultSettings(), allowProduction: true, baseUrl: loopback };
    await expect(
      saveOptions({ type: 'saveOptions', settings, key: productionKey }),
    ).rejects.toSatisfy(refusal);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('refuses to move a saved production key to a local address', async () => {
    const allowed = { ...defaultSettings(), allowProduction: true };
    await saveOptions({ type: 'saveOptions', settings: allowed, key: productionKey });
    await expect(
      saveOptions({ type: 'saveOptions', settings: { ...allowed, baseUrl: loopback } }),
    ).rejects.toSatisfy(refusal);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toMatchObject({
      baseUrl: 'https://api.withpersona.com/api/v1',
    });
  });

  it('tests no connection that would send a production key to loopback', async () => {
    await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), allowProduction: true },
    });
    await expect(
      testConnection({ type: 'testConnection', key: productionKey, baseUrl: loopback }),
    ).rejects.toSatisfy(refusal);
  });

  it.each(['abc123', `Bearer ${sandboxKey}`])(
    'says a malformed key (%s) is malformed, at the key field, whatever the base URL',
    async (key) => {
      const settings = { ...defaultSettings(), baseUrl: loopback };
      const error = await saveOptions({ type: 'saveOptions', settings, key }).catch((e) => e);
      expect(error).toBeInstanceOf(DeskError);
      expect((error as DeskError).info.pointer).toBe('key');
      expect((error as DeskError).message).not.toMatch(/Only sandbox keys/);
      expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    },
  );

  it('still takes a sandbox key for the local sandbox', async () => {
    const reply = await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), baseUrl: loopback },
      key: sandboxKey,
    });
    expect(reply.settings.baseUrl).toBe(loopback);
  });
});
