// Managed settings the way Chromium reads them on Linux: a JSON file under
// /etc/chromium/policies/managed with "3rdparty" → "extensions" → the extension id. The file is
// machine-wide, and every Chromium loading dist/ gives the extension the same unpacked id (it comes
// from the directory's path): this test loads a copy of dist/ from a directory of its own, so the
// file names only that copy, and no other browser (`npm start`, the other test files) gets the
// policy. The file is removed afterwards.
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

beforeAll(async () => {
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
  ext = await launchExtension({ extensionDir: copy });
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
    // The stored settings the background uses obey the policy too.
    const worker = await ext.serviceWorker();
    const stored = await worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings,
    );
    expect(stored).toMatchObject({ pollSeconds: 300, notifications: false });
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
