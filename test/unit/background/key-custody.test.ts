import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { clearKey, saveOptions } from '../../../src/background/handlers/options.ts';
import { DeskError } from '../../../src/shared/errors.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';

const sandboxKey = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
const productionKey = 'persona_production_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d9f9f';

async function everything() {
  return {
    local: await fakeBrowser.storage.local.get(null),
    session: await fakeBrowser.storage.session.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
  };
}

describe('saving the key', () => {
  it('stores a sandbox key in storage.local only and answers with its masked form', async () => {
    const reply = await saveOptions({
      type: 'saveOptions',
      settings: defaultSettings(),
      key: ` ${sandboxKey} `,
    });
    expect(reply.keyInfo).toMatchObject({
      masked: 'persona_sandbox_…1a2b',
      environment: 'sandbox',
    });
    expect(JSON.stringify(reply)).not.toContain('8a1e3c52');
    const stored = await everything();
    expect(stored.local.apiKey).toBe(sandboxKey);
    expect(JSON.stringify(stored.session)).not.toContain('8a1e3c52');
    expect(JSON.stringify(stored.sync)).not.toContain('8a1e3c52');
  });

  it('refuses a production key unless production keys are allowed', async () => {
    await expect(
      saveOptions({ type: 'saveOptions', settings: defaultSettings(), key: productionKey }),
    ).rejects.toSatisfy((e) => e instanceof DeskError && e.info.pointer === 'key');
    expect((await everything()).local).toEqual({});

    const reply = await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), allowProduction: true },
      key: productionKey,
    });
    expect(reply.keyInfo?.environment).toBe('production');
  });

  it('will not switch production off while a production key is saved', async () => {
    const allowed = { ...defaultSettings(), allowProduction: true };
    await saveOptions({ type: 'saveOptions', settings: allowed, key: productionKey });
    await expect(
      saveOptions({ type: 'saveOptions', settings: defaultSettings() }),
    ).rejects.toSatisfy((e) => e instanceof DeskError && e.info.pointer === 'allowProduction');
  });

  it('keeps the saved key when the key field is left empty, and forgets it on clearKey', async () => {
    await saveOptions({ type: 'saveOptions', settings: defaultSettings(), key: sandboxKey });
    await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), pollSeconds: 120 },
      key: '',
    });
    expect((await everything()).local.apiKey).toBe(sandboxKey);
    await clearKey();
    const local = (await everything()).local;
    expect(local).not.toHaveProperty('apiKey');
    expect(local).not.toHaveProperty('keyInfo');
  });

  it('never echoes a malformed key in its error', async () => {
    const bad = 'persona_sandbox_has spaces inside';
    await expect(
      saveOptions({ type: 'saveOptions', settings: defaultSettings(), key: bad }),
    ).rejects.toSatisfy(
      (e) => e instanceof DeskError && !JSON.stringify(e.info).includes('spaces inside'),
    );
  });
});
