// Launches Debian's Chromium with the built extension and gives tests what they need.
// Recipe: ../shared/design.md §5 (without --disable-extensions-except the extension never loads).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { inject } from 'vitest';

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** The current service worker (a new one after {@link stopServiceWorker} and a wake-up). */
  serviceWorker(): Promise<Worker>;
  openPopup(query?: string): Promise<Page>;
  openOptions(): Promise<Page>;
  extensionUrl(path: string): string;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function launchExtension(): Promise<ExtensionHarness> {
  const dist = inject('distPath');
  const profile = mkdtempSync(join(tmpdir(), 'inquiry-desk-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: inject('chromiumPath'),
    headless: true,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      // The machine has no outside network; these keep Chromium from trying at every start.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}/${path}`;

  async function serviceWorker(): Promise<Worker> {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(extensionUrl('')));
    return live.at(-1) ?? context.waitForEvent('serviceworker');
  }

  async function openPage(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(extensionUrl(path));
    return page;
  }

  async function stopServiceWorker(): Promise<void> {
    // Playwright has no event for a stopped worker; CDP from an extension page reports it.
    const page = await openPage('src/options/index.html');
    const cdp = await context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        const ours = versions.filter((v) => v.scriptURL.startsWith(extensionUrl('')));
        if (ours.length > 0 && ours.every((v) => v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await cdp.detach();
    await page.close();
  }

  return {
    context,
    extensionId,
    serviceWorker,
    openPopup: (query = '') => openPage(`src/popup/index.html${query}`),
    openOptions: () => openPage('src/options/index.html'),
    extensionUrl,
    stopServiceWorker,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
