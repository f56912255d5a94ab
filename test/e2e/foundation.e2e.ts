import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness.ts';

const version = (await import('../../manifest.json', { with: { type: 'json' } })).default.version;

let ext: ExtensionHarness;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => {
  await ext?.close();
});

describe('the built extension in Chromium', () => {
  it('loads as an MV3 extension with a running service worker', async () => {
    const worker = await ext.serviceWorker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Inquiry Desk');
  });

  it('asks for the fewest permissions and ships no remote or eval-ed code', async () => {
    const worker = await ext.serviceWorker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      ['alarms', 'contextMenus', 'notifications', 'sidePanel', 'storage'].sort(),
    );
    expect(manifest.host_permissions).toEqual([
      'https://api.withpersona.com/*',
      'https://withpersona.com/*',
      'https://files.withpersona.com/*',
    ]);
    for (const key of ['content_scripts', 'web_accessible_resources', 'externally_connectable']) {
      expect(manifest).not.toHaveProperty(key);
    }
    // Every script the build wrote, the worker's (dist/background.js, the one that holds the key)
    // as well as the pages' chunks.
    const dist = inject('distPath');
    const scripts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.js'),
    );
    expect(scripts).toContain('background.js');
    expect(scripts.length).toBeGreaterThan(1);
    for (const file of scripts) {
      const code = readFileSync(join(dist, file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"`]https?:/);
      expect(code, file).not.toMatch(/import\(\s*['"`]https?:/);
    }
  });

  it('renders pages without security-policy violations', async () => {
    const problems: string[] = [];
    const openSidePanel = async () => {
      const page = await ext.context.newPage();
      await page.goto(ext.extensionUrl('src/side-panel/index.html'));
      return page;
    };
    for (const open of [() => ext.openPopup(), () => ext.openOptions(), openSidePanel]) {
      const page = await open();
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.reload();
      await page.getByTestId('background-status').waitFor();
      await page.close();
    }
    expect(problems.filter((p) => /Content Security Policy|unsafe-eval/i.test(p))).toEqual([]);
  });

  it('renders the popup, whose ping reaches the background and shows the version', async () => {
    const popup = await ext.openPopup();
    await expect.poll(() => popup.getByRole('heading', { name: 'Inquiry Desk' }).count()).toBe(1);
    await expect
      .poll(() => popup.getByTestId('background-status').textContent())
      .toBe(`Version ${version}`);
    await popup.close();
  });

  it('renders the options page', async () => {
    const options = await ext.openOptions();
    await expect
      .poll(() => options.getByRole('heading', { level: 1 }).textContent())
      .toContain('Inquiry Desk');
    await expect
      .poll(() => options.getByTestId('background-status').textContent())
      .toBe(`Version ${version}`);
    await options.close();
  });

  it('wakes a stopped service worker with the next ping, which is answered', async () => {
    const popup = await ext.openPopup();
    const ping = () =>
      popup.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' })) as Promise<{
        ok: boolean;
        data: { version: string; startedAt: number };
      }>;
    const before = await ping();
    expect(before.ok).toBe(true);

    await ext.stopServiceWorker();
    const after = await ping();
    expect(after).toMatchObject({ ok: true, data: { version } });
    // A fresh worker evaluated its module again, so its start time moved on.
    expect(after.data.startedAt).toBeGreaterThan(before.data.startedAt);

    await popup.reload();
    await expect
      .poll(() => popup.getByTestId('background-status').textContent())
      .toBe(`Version ${version}`);
    await popup.close();
  });

  it('refuses a malformed request from its own page', async () => {
    const popup = await ext.openPopup();
    const answer = await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'no-such' }));
    expect(answer).toMatchObject({ ok: false, error: { kind: 'bad_request' } });
    await popup.close();
  });

  describe('messages from outside the extension', () => {
    let server: Server;
    let origin: string;
    beforeAll(async () => {
      server = createServer((_, res) => res.end('<!doctype html><title>Support chat</title>'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    it('gives a web page no way to message the extension', async () => {
      const page = await ext.context.newPage();
      await page.goto(`${origin}/chat`);
      const reachable = await page.evaluate(
        () => typeof globalThis.chrome?.runtime?.sendMessage === 'function',
      );
      expect(reachable).toBe(false);
      await page.close();
    });

    it('refuses a message whose sender is not one of its own pages', async () => {
      const worker = await ext.serviceWorker();
      const forged = [
        { id: 'abcdefghijklmnopabcdefghijklmnop', url: `${origin}/chat` },
        { id: ext.extensionId, url: `${origin}/chat` },
        { id: ext.extensionId },
      ];
      for (const sender of forged) {
        const answer = await worker.evaluate(
          (s) =>
            (
              globalThis as unknown as {
                inquiryDesk: { handleMessage(m: unknown, s: unknown): Promise<unknown> };
              }
            ).inquiryDesk.handleMessage({ type: 'ping' }, s),
          sender,
        );
        expect(answer).toMatchObject({ ok: false, error: { kind: 'refused' } });
      }
    });
  });
});
