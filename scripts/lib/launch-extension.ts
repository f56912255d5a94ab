// Chromium with the built extension, for `npm start`, `npm run bench` and the e2e harness
// (test/e2e/harness.ts, which feeds it from vitest's inject()). Recipe and flags:
// docs/architecture.md#testing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export interface LaunchOptions {
  chromiumPath: string;
  /** The unpacked extension (dist/ or a copy of it). */
  extensionDir: string;
  headless: boolean;
  /**
   * The caller stops Chromium itself on Ctrl-C. Playwright's own SIGINT handler would otherwise
   * kill the browser, and exit, while the caller is still closing other things.
   */
  ownSignals?: boolean;
  /**
   * The browser's language, e.g. "de-DE". Debian's headless Chromium picks the extension's
   * messages from `--lang` with the bare language ("de"; "de-DE" is not one of its UI locales and
   * falls back to English), and getUILanguage (and navigator.language) from playwright's locale;
   * LANGUAGE in the environment changes neither. A reviewer's German Chrome does both, so both
   * are set.
   */
  locale?: string;
  /**
   * A profile to start with instead of a fresh one: the same browser started again after its
   * context was closed (tests of what survives a browser restart). `close()` deletes it; a
   * launch that fails keeps it, for another try.
   */
  profileDir?: string;
}

export interface LaunchedExtension {
  context: BrowserContext;
  /** The throwaway profile directory, for tests that search it ("the key is not on disk"). */
  profileDir: string;
  extensionId: string;
  extensionUrl(path: string): string;
  /** The live service worker, waiting for a new one when Chrome has stopped it. */
  serviceWorker(): Promise<Worker>;
  openPage(path: string): Promise<Page>;
  /** Closes Chromium and deletes its throwaway profile; safe to call twice. */
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  // No outside network where this runs; these keep Chromium from trying at every start.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The extension's worker starts within a second of the browser here; this is a hung start. */
const WORKER_WAIT_MS = 20_000;

export async function launchExtension(options: LaunchOptions): Promise<LaunchedExtension> {
  // A fresh profile each time: no extension state from an earlier run can leak into this one.
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'inquiry-desk-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: options.chromiumPath,
      headless: options.headless,
      handleSIGINT: !options.ownSignals,
      handleSIGTERM: !options.ownSignals,
      handleSIGHUP: !options.ownSignals,
      viewport: options.headless ? { width: 800, height: 600 } : null,
      ...(options.locale ? { locale: options.locale } : {}),
      args: [
        ...(options.locale ? [`--lang=${options.locale.split('-')[0]}`] : []),
        // Without --disable-extensions-except the extension never loads
        // (docs/architecture.md#testing).
        `--disable-extensions-except=${options.extensionDir}`,
        `--load-extension=${options.extensionDir}`,
        ...CHROMIUM_ARGS,
      ],
    });
  } catch (error) {
    if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  let first: Worker;
  try {
    first =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: WORKER_WAIT_MS }));
  } catch (error) {
    // Not left running: a caller that retries (the e2e harness) would otherwise start a second
    // browser beside this one, on the same profile when it was given one.
    await context.close().catch(() => undefined);
    if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
    throw error;
  }
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

  let closing: Promise<void> | undefined;
  return {
    context,
    profileDir: profile,
    extensionId,
    extensionUrl,
    serviceWorker,
    openPage,
    close() {
      closing ??= context
        .close()
        .catch(() => undefined)
        .finally(() => rmSync(profile, { recursive: true, force: true }));
      return closing;
    },
  };
}
