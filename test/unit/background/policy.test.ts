// Managed settings through a fake storage.managed: managed values win everywhere.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { prepareAudit } from '../../../src/background/audit/record.ts';
import { saveOptions } from '../../../src/background/handlers/options.ts';
import { setPassphrase } from '../../../src/background/lock/passphrase.ts';
import { enterLookup } from '../../../src/background/lookup/omnibox.ts';
import { openPersona } from '../../../src/background/persona-access.ts';
import { enforcePolicy } from '../../../src/background/policy-enforce.ts';
import { auditTrailItem } from '../../../src/shared/audit/trail-item.ts';
import {
  applyPolicy,
  managedSettings,
  parsePolicy,
  readPolicy,
} from '../../../src/shared/policy.ts';
import { defaultSettings } from '../../../src/shared/settings.ts';
import { readItem, writeItem } from '../../../src/shared/storage.ts';
import { settingsItem, settingsUnderPolicyItem } from '../../../src/shared/storage-items.ts';

const key = 'persona_sandbox_8a1e3c52-5f1d-4d34-9a0e-6b1f2c3d1a2b';
const policy = {
  apiBaseUrl: 'https://withpersona.com/api/v1',
  allowProductionKeys: false,
  pollSeconds: 300,
  notifications: false,
  notificationReferences: false,
  addressBarLookup: false,
  contextMenuLookup: false,
  autoLockMinutes: 5,
  templates: [{ name: 'KYC', id: 'itmpl_Org01' }],
  defaultTemplateId: 'itmpl_Org01',
  reviewer: 'ana@example.com',
};

describe('policy', () => {
  it('is parsed field by field: a bad value is ignored alone', () => {
    expect(parsePolicy({ pollSeconds: 5, notifications: false, reviewer: '' })).toEqual({
      notifications: false,
    });
    expect(parsePolicy('nonsense')).toEqual({});
  });

  it('reads the managed area and overrides exactly the fields it sets', async () => {
    await fakeBrowser.storage.managed.set(policy);
    const read = await readPolicy();
    expect(read).toEqual(policy);
    const applied = applyPolicy({ ...defaultSettings(), chatTemplate: 'mine {link}' }, read);
    expect(applied).toMatchObject({
      baseUrl: 'https://withpersona.com/api/v1',
      pollSeconds: 300,
      notifications: false,
      notifyReference: false,
      addressBarLookup: false,
      contextMenuLookup: false,
      autoLockMinutes: 5,
      defaultTemplateId: 'itmpl_Org01',
      chatTemplate: 'mine {link}',
    });
    expect([...managedSettings(read)].sort()).toContain('baseUrl');
    expect(managedSettings(read).has('chatTemplate')).toBe(false);
  });

  it('wins over what the options page sends, and over what is stored', async () => {
    await fakeBrowser.storage.managed.set(policy);
    const reply = await saveOptions({
      type: 'saveOptions',
      settings: { ...defaultSettings(), pollSeconds: 30, notifications: true },
    });
    expect(reply.settings).toMatchObject({ pollSeconds: 300, notifications: false });
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), pollSeconds: 45 } });
    await enforcePolicy();
    expect((await readItem(settingsItem)).pollSeconds).toBe(300);
  });

  it("once lifted, field by field, gives back the reviewer's own values, kept through saves", async () => {
    const mine = { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1', pollSeconds: 45 };
    await writeItem(settingsItem, { ...mine, notifications: false });
    await fakeBrowser.storage.managed.set({ apiBaseUrl: policy.apiBaseUrl, pollSeconds: 300 });
    await enforcePolicy();
    expect(await readItem(settingsItem)).toMatchObject({
      baseUrl: policy.apiBaseUrl,
      pollSeconds: 300,
    });
    // A save under the policy: the page sends the managed fields as the policy has them.
    await saveOptions({
      type: 'saveOptions',
      settings: { ...(await readItem(settingsItem)), notifications: true },
    });
    // Started again under the same policy: what was kept is kept, not the policy's taken as own.
    await enforcePolicy();
    // The poll period lifted, the base URL still set.
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set({ apiBaseUrl: policy.apiBaseUrl });
    await enforcePolicy();
    expect(await readItem(settingsItem)).toMatchObject({
      baseUrl: policy.apiBaseUrl,
      pollSeconds: 45,
      notifications: true,
    });
    await fakeBrowser.storage.managed.clear();
    await enforcePolicy();
    expect(await readItem(settingsItem)).toEqual({ ...mine, notifications: true });
    expect(await readItem(settingsUnderPolicyItem)).toBeNull();
    // Nothing held: a setting the reviewer changes stays as they set it.
    await writeItem(settingsItem, { ...mine, pollSeconds: 90 });
    await enforcePolicy();
    expect((await readItem(settingsItem)).pollSeconds).toBe(90);
  });

  it('gives nothing back when the policy cannot be read: a failed read is not a lifted policy', async () => {
    const mine = { ...defaultSettings(), baseUrl: 'http://127.0.0.1:4010/api/v1' };
    await writeItem(settingsItem, mine);
    await fakeBrowser.storage.managed.set({ apiBaseUrl: policy.apiBaseUrl });
    await enforcePolicy();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no managed storage'));
    await enforcePolicy();
    expect((await readItem(settingsItem)).baseUrl).toBe(policy.apiBaseUrl);
    expect((await readItem(settingsUnderPolicyItem))?.held).toEqual(['baseUrl']);
    vi.restoreAllMocks();
    await fakeBrowser.storage.managed.clear();
    await enforcePolicy();
    expect((await readItem(settingsItem)).baseUrl).toBe(mine.baseUrl);
  });

  it('a required passphrase must be set before a key is saved', async () => {
    await fakeBrowser.storage.managed.set({ requirePassphrase: true });
    const save = () => saveOptions({ type: 'saveOptions', settings: defaultSettings(), key });
    await expect(save()).rejects.toThrow(/requires a passphrase/);
    await setPassphrase('correct horse battery');
    await expect(save()).resolves.toMatchObject({ keyInfo: { environment: 'sandbox' } });
  }, 20_000);

  it('a key saved without a passphrase before the policy came is not used until one is set', async () => {
    await saveOptions({ type: 'saveOptions', settings: defaultSettings(), key });
    await fakeBrowser.storage.managed.set({ requirePassphrase: true });
    await expect(openPersona()).rejects.toThrow(/requires a passphrase/);
    await setPassphrase('correct horse battery');
    expect((await openPersona()).keyInfo.environment).toBe('sandbox');
  }, 20_000);

  it('names the reviewer in the audit trail, and turns address-bar lookups off', async () => {
    await fakeBrowser.storage.managed.set(policy);
    await enforcePolicy();
    const done = await prepareAudit(
      { type: 'clearKey' },
      async () => (await readPolicy()).reviewer ?? '',
    );
    await done?.({ ok: true, data: { keyInfo: null } });
    expect((await readItem(auditTrailItem)).entries[0]?.reviewer).toBe('ana@example.com');
    expect(await enterLookup('inq_AAAAAA111111')).toBe(false);
  });
});
