// The built extension in Debian's Chromium, for tests: the same launcher `npm start` and the
// bench use (scripts/lib/launch-extension.ts), fed from vitest's global setup, plus what only
// tests need. Recipe: docs/architecture.md#testing.
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { inject } from 'vitest';
import { launchExtension as launch } from '../../scripts/lib/launch-extension.ts';
import { stopWorker } from '../../scripts/lib/stop-worker.ts';

export interface ExtensionHarness {
  context: BrowserContext;
  /** Chromium's profile directory: searchable after `context.close()`, deleted by `close()`. */
  profileDir: string;
  extensionId: string;
  /** The current service worker (a new one after {@link stopServiceWorker} and a wake-up). */
  serviceWorker(): Promise<Worker>;
  openPopup(query?: string): Promise<Page>;
  openOptions(): Promise<Page>;
  extensionUrl(path: string): string;
  stopServiceWorker(): Promise<void>;
  close(): Promise<void>;
}

/** Longest wait for one Playwright action: a third of vitest.e2e.config.ts's test timeout. */
const ACTION_TIMEOUT_MS = 10_000;

/**
 * `locale` runs the browser in that language (e.g. "de-DE"); English otherwise. `profileDir`
 * starts the browser again on a profile whose context was closed (`context.close()`).
 * `extensionDir` loads a copy of the build instead of `dist/` (another path: another unpacked id).
 */
export async function launchExtension(
  options: { locale?: string; profileDir?: string; extensionDir?: string } = {},
): Promise<ExtensionHarness> {
  const ext = await launch({
    chromiumPath: inject('chromiumPath'),
    extensionDir: inject('distPath'),
    headless: true,
    ...options,
  });

  // Playwright's actions (click, textContent, …) wait without end by default. Inside expect.poll a
  // missing element then ended as an unnamed 30 s test timeout; bounded, the test fails naming the
  // locator it waited for, well inside the test's own limit.
  ext.context.setDefaultTimeout(ACTION_TIMEOUT_MS);

  // Chromium answers storage.managed only once it has loaded the policy for a freshly installed
  // extension (about 3 s here); the first Save waits for it. Tests start after it, so their
  // timings measure the extension, not Chromium's start-up.
  const worker = await ext.serviceWorker();
  await worker.evaluate(() => chrome.storage.managed.get(null).catch(() => undefined));

  async function stopServiceWorker(): Promise<void> {
    const page = await ext.openPage('src/options/index.html');
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await stopWorker(cdp, ext.extensionUrl(''));
    await cdp.detach();
    await page.close();
  }

  return {
    context: ext.context,
    profileDir: ext.profileDir,
    extensionId: ext.extensionId,
    serviceWorker: ext.serviceWorker,
    openPopup: (query = '') => ext.openPage(`src/popup/index.html${query}`),
    openOptions: () => ext.openPage('src/options/index.html'),
    extensionUrl: ext.extensionUrl,
    stopServiceWorker,
    close: ext.close,
  };
}
