// Managed settings the way Chromium reads them on Linux: a JSON file under
// /etc/chromium/policies/managed with "3rdparty" → "extensions" → the extension id. The file is
// machine-wide, and every Chromium loading dist/ gives the extension the same unpacked id (it comes
// from the directory's path): this test loads a copy of dist/ from a directory of its own, so the
// file names only that copy, and no other browser (`npm start`, the other test files) gets the
// policy. The file is removed afterwards; the last test removes it first, to see the policy lifted.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness.ts';

const policyDir = '/etc/chromium/policies/managed';
const soon = { timeout: 20_000 };

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, hex mapped to a–p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

const copy = mkdtempSync(join(tmpdir(), 'inquiry-desk-policy-'));
cpSync(inject('distPath'), copy, { recursive: true });
const id = unpackedId(copy);
const policyFile = `${policyDir}/inquiry-desk-e2e-${id}.json`;
let ext: ExtensionHarness;
/** The reviewer's own settings, saved before the organisation's policy came. */
const own = { baseUrl: 'http://127.0.0.1:4999/api/v1', pollSeconds: 45, notifications: true };
const storedSettings = (harness: ExtensionHarness) =>
  harness
    .serviceWorker()
    .then((worker) =>
      worker.evaluate(async () => (await chrome.storage.local.get('settings')).settings),
    );

beforeAll(async () => {
  // A profile whose reviewer had set their own base URL, poll period and notifications, started
  // again once the policy file is there.
  const before = await launchExtension({ extensionDir: copy });
  // Closed whatever happens: the next file runs in this worker (vitest.e2e.config.ts), and a
  // browser left open would run beside it.
  try {
    await (await before.serviceWorker()).evaluate(
      (settings) => chrome.storage.local.set({ settings }),
      own,
    );
  } finally {
    await before.context.close();
  }
  mkdirSync(policyDir, { recursive: true });
  writeFileSync(
    policyFile,
    JSON.stringify({
      '3rdparty': {
        extensions: {
          [id]: {
            apiBaseUrl: 'https://withpersona.com/api/v1',
            pollSeconds: 300,
            notifications: false,
            requirePassphrase: true,
            reviewer: 'ana@example.com',
          },
        },
      },
    }),
  );
  ext = await launchExtension({ extensionDir: copy, profileDir: before.profileDir });
});
afterAll(async () => {
  await ext?.close();
  rmSync(policyFile, { force: true });
  rmSync(copy, { recursive: true, force: true });
});

describe('managed policy from a Linux policy file', () => {
  it('is read by the extension, and the options page shows those fields set and disabled', async () => {
    expect(ext.extensionId).toBe(id);
    const options = await ext.openOptions();
    const managed = await options.evaluate(() => chrome.storage.managed.get(null));
    expect(managed).toMatchObject({ pollSeconds: 300, reviewer: 'ana@example.com' });
    const baseUrl = options.getByRole('textbox', { name: 'API base URL' });
    await expect.poll(() => baseUrl.isDisabled(), soon).toBe(true);
    expect(await baseUrl.inputValue()).toBe('https://withpersona.com/api/v1');
    expect(await options.getByRole('spinbutton', { name: /Poll interval/ }).isDisabled()).toBe(
      true,
    );
    expect(await options.getByRole('checkbox', { name: /Notify me/ }).isDisabled()).toBe(true);
    expect(await options.getByRole('checkbox', { name: /Notify me/ }).isChecked()).toBe(false);
    expect(await options.getByText('Set by your organisation.').count()).toBeGreaterThan(0);
    // Not managed: still the reviewer's to change.
    expect(
      await options.getByRole('textbox', { name: 'Default inquiry template ID' }).isDisabled(),
    ).toBe(false);
    await expect
      .poll(() => options.getByTestId('lock-status').textContent(), soon)
      .toMatch(/requires a passphrase/);
    // The first step, said where a new reviewer starts: the passphrase, then the key. Its button
    // goes to the passphrase field.
    await expect
      .poll(() => options.getByTestId('stored-key').textContent(), soon)
      .toMatch(
        /^No key is saved\. Your organisation requires a passphrase: set one under Lock first/,
      );
    await options.getByRole('button', { name: 'Go to the passphrase' }).click();
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('new-passphrase');
    // The name the log gives the reviewer, where the reviewer can see it.
    await expect
      .poll(() => options.getByTestId('log-signer').textContent(), soon)
      .toBe(
        'Entries name the reviewer as ana@example.com, the name your organisation set for you.',
      );
    // The stored settings the background uses obey the policy too.
    expect(await storedSettings(ext)).toMatchObject({
      baseUrl: 'https://withpersona.com/api/v1',
      pollSeconds: 300,
      notifications: false,
    });
    await options.close();
  });
});

describe('the policy file of this test', () => {
  it('reaches no other browser: dist/ loaded meanwhile has no managed settings', async () => {
    const other = await launchExtension();
    try {
      expect(other.extensionId).not.toBe(id);
      const worker = await other.serviceWorker();
      expect(await worker.evaluate(() => chrome.storage.managed.get(null))).toEqual({});
    } finally {
      await other.close();
    }
  });
});

describe('a policy lifted', () => {
  it("gives the reviewer's own settings back, not the organisation's left behind", async () => {
    const { profileDir } = ext;
    await ext.context.close();
    rmSync(policyFile, { force: true });
    ext = await launchExtension({ extensionDir: copy, profileDir });
    await expect.poll(() => storedSettings(ext), soon).toMatchObject(own);
    const options = await ext.openOptions();
    const baseUrl = options.getByRole('textbox', { name: 'API base URL' });
    await expect.poll(() => baseUrl.inputValue(), soon).toBe(own.baseUrl);
    expect(await baseUrl.isDisabled()).toBe(false);
    const poll = options.getByRole('spinbutton', { name: /Poll interval/ });
    expect(await poll.inputValue()).toBe('45');
    expect(await options.getByRole('checkbox', { name: /Notify me/ }).isChecked()).toBe(true);
    expect(await options.getByText('Set by your organisation.').count()).toBe(0);
    await options.close();
  });
});
