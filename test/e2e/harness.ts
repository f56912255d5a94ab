// The built extension in Debian's Chromium, for tests: the same launcher `npm start` and the
// bench use (scripts/lib/launch-extension.ts), fed from vitest's global setup, plus what only
// tests need. Recipe: docs/architecture.md#testing.
import { spawnSync } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { inject } from 'vitest';
import {
  type LaunchedExtension,
  launchExtension as launch,
} from '../../scripts/lib/launch-extension.ts';
import { stopWorker } from '../../scripts/lib/stop-worker.ts';
import { retryingCollected } from './collected-retry.ts';

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
  /** Once Chromium has loaded the organisation's policy, which the first Save waits for. */
  policyLoaded(): Promise<void>;
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
  let ext: LaunchedExtension;
  try {
    ext = await startWithin(START_DEADLINE_MS, options);
  } catch (error) {
    // One more try, said aloud: Chromium's start has hung here only on a busy CI machine (three
    // starts in one run, each past the 60 s hook limit). The message says at which step, so a
    // second failure, or a warning in a green run, shows where to look.
    console.warn(`${(error as Error).message}; ${machineState()}; starting Chromium once more`);
    ext = await startWithin(START_DEADLINE_MS, options);
  }

  async function stopServiceWorker(): Promise<void> {
    const page = await ext.openPage('src/options/index.html');
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await stopWorker(cdp, ext.extensionUrl(''));
    await cdp.detach();
    await page.close();
  }

  // Chromium answers storage.managed only once it has loaded the policy, about 4 s after it
  // started here, and the extension reads the policy before each Save and each call to Persona.
  // Most tests wait for their first answer with room to spare, and do other work meanwhile: the
  // start no longer waits for it (349 s to 327 s for the suite, 2026-12-05). A file whose first checks are
  // quick waits for it itself (`policyLoaded`).
  const policy = ext
    .serviceWorker()
    .then((worker) => worker.evaluate(() => chrome.storage.managed.get(null).catch(() => null)))
    .then(() => undefined);
  // Said aloud when it is late: every Save and call to Persona waits for it, so the tests that
  // time out next are explained by this line.
  const late = setTimeout(
    () =>
      console.warn(`Chromium has not loaded its policy 20 s after it started; ${machineState()}`),
    20_000,
  );
  policy.then(
    () => clearTimeout(late),
    () => clearTimeout(late),
  );

  return {
    policyLoaded: () => policy,
    context: ext.context,
    profileDir: ext.profileDir,
    extensionId: ext.extensionId,
    // Its `evaluate` is asked once more when the devtools protocol loses the promise it awaited.
    serviceWorker: async () => retryingCollected(await ext.serviceWorker(), ext.serviceWorker),
    // Home unless asked otherwise: the bare URL, the toolbar's own, opens on the inquiry the
    // popup showed last (app.tsx), which a test opening the desk afresh does not mean.
    openPopup: (query = '?home') => ext.openPage(`src/popup/index.html${query}`),
    openOptions: () => ext.openPage('src/options/index.html'),
    extensionUrl: ext.extensionUrl,
    stopServiceWorker,
    close: ext.close,
  };
}

/** A start takes 1 s here, 2 s on a loaded machine; two tries fit the hook limit. */
const START_DEADLINE_MS = 25_000;

/** One start, given up after `deadlineMs` with the step it was on; nothing is left running. */
async function startWithin(
  deadlineMs: number,
  options: { locale?: string; profileDir?: string; extensionDir?: string },
): Promise<LaunchedExtension> {
  const began = performance.now();
  let step = 'launching Chromium';
  let launched: LaunchedExtension | undefined;
  const start = (async () => {
    launched = await launch({
      chromiumPath: inject('chromiumPath'),
      extensionDir: inject('distPath'),
      headless: true,
      ...options,
    });
    // Playwright's actions (click, textContent, …) wait without end by default. Inside
    // expect.poll a missing element then ended as an unnamed 30 s test timeout; bounded, the test
    // fails naming the locator it waited for, well inside the test's own limit.
    launched.context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    step = 'waiting for the extension worker';
    await launched.serviceWorker();
    return launched;
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Chromium did not start in ${deadlineMs} ms`)),
      deadlineMs,
    );
  });
  try {
    return await Promise.race([start, deadline]);
  } catch (error) {
    const seconds = ((performance.now() - began) / 1000).toFixed(1);
    // One that got this far is closed now; a launch still under way, when it ends.
    if (launched) await closeFailed(launched, options);
    else {
      start.then(
        (late) => closeFailed(late, options),
        () => undefined,
      );
    }
    throw new Error(`${(error as Error).message.split('\n')[0]} (${step}, after ${seconds} s)`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Closes a failed start; a profile the caller gave is kept for the next try. A browser that does
 * not close in 5 s is killed: it would run on beside the next file (isolate: false).
 */
async function closeFailed(ext: LaunchedExtension, options: { profileDir?: string }) {
  const closing = options.profileDir ? ext.context.close() : ext.close();
  const closed = await Promise.race([
    closing.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => setTimeout(resolve, 5_000, false)),
  ]);
  if (!closed) spawnSync('pkill', ['-KILL', '-f', `--user-data-dir=${ext.profileDir}`]);
}

function machineState(): string {
  const free = statfsSync(tmpdir());
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  return `load average ${load}, ${Math.round((free.bavail * free.bsize) / 2 ** 20)} MiB free in ${tmpdir()}`;
}
