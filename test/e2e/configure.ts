import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionHarness } from './harness.ts';
import { sandbox } from './sandbox.ts';

/**
 * Connects the extension to the test sandbox the way the options page does: a `saveOptions`
 * request through the worker's one message entry point (routeMessage, its sender check, schema and
 * handler). Sent from inside the running worker (its `inquiryDesk.handleMessage`, reachable only
 * from there) with the options page as the sender, rather than from an options page opened for
 * it: many tests connect before each test, and opening and rendering that page cost each some
 * 300 ms of a busy machine. A stopped worker is woken by opening the page, as before.
 */
export async function connectToSandbox(
  ext: ExtensionHarness,
  settings: Record<string, unknown> = {},
): Promise<void> {
  const request = {
    type: 'saveOptions',
    key: sandbox().key,
    settings: { baseUrl: sandbox().baseUrl, defaultTemplateId: 'itmpl_E2eTemplate01', ...settings },
  };
  // The newest, as the harness's serviceWorker() takes it: an older one may be a stopped worker
  // Playwright has not dropped yet. One that stops under the call wakes through the page instead.
  const worker = ext.context
    .serviceWorkers()
    .filter((w) => w.url().startsWith(ext.extensionUrl('')))
    .at(-1);
  // Every save of a key stamps the key's info with the time (keyInfo.savedAt): one stamped from
  // here on is this call's. Same machine, same clock.
  const started = Date.now();
  const fromWorker = worker
    ?.evaluate(
      (message) =>
        (
          globalThis as unknown as {
            inquiryDesk: { handleMessage(m: unknown, s: unknown): Promise<SaveAnswer> };
          }
        ).inquiryDesk.handleMessage(message, {
          id: chrome.runtime.id,
          url: chrome.runtime.getURL('src/options/index.html'),
        }),
      request,
    )
    .catch(() => undefined);
  // A handle to a worker stopped meanwhile may never settle, rather than reject (seen in CI):
  // given 15 s, then the page's way, not the hook's whole limit. Not less: a worker's first Save
  // waits for Chromium's policy, some 4 s after the start here and more on a busy machine.
  const answer =
    (await settled(fromWorker, 15_000)) ?? (await throughPage(ext, request, started, fromWorker));
  if (!answer?.ok) throw new Error(`saveOptions failed: ${JSON.stringify(answer)}`);
}

/**
 * The page's way, for a worker call (`fromWorker`, sent at `since`) that has not answered. A call
 * that was only slow still lands, and the same save must not be made twice (two "Save key"
 * entries in the log, two new keys' wipes): if the key's info says it landed, its answer is
 * waited for instead; if it answers, or saves again, after the page's save, this fails rather
 * than go on.
 */
async function throughPage(
  ext: ExtensionHarness,
  request: Record<string, unknown>,
  since: number,
  fromWorker: Promise<SaveAnswer | undefined> | undefined,
): Promise<SaveAnswer | undefined> {
  const page = await ext.openOptions();
  try {
    const savedAt = () =>
      page.evaluate(
        async () =>
          ((await chrome.storage.local.get('keyInfo')).keyInfo as StoredKeyInfo | undefined)
            ?.savedAt,
      );
    if (((await savedAt()) ?? 0) >= since) {
      const late = await settled(fromWorker, 15_000);
      if (late) return late;
      throw new Error('saveOptions: the worker saved the key, but its answer never came');
    }
    const sent: SaveAnswer = await page.evaluate((m) => chrome.runtime.sendMessage(m), request);
    // A worker call behind the page's in the worker's queue answers as soon as the page's save
    // is done; a worker that was stopped never answers.
    const late = await settled(fromWorker, 2_000);
    const stamped = await savedAt();
    if (late?.ok || (sent?.ok && stamped !== sent.data?.keyInfo?.savedAt)) {
      throw new Error(
        'saveOptions was made twice: the worker call, given up after 15 s, still landed after the page had sent it again',
      );
    }
    return sent;
  } finally {
    await page.close();
  }
}

interface StoredKeyInfo {
  savedAt: number;
}

/** A saveOptions answer, as far as this file reads it. */
interface SaveAnswer {
  ok: boolean;
  data?: { keyInfo?: StoredKeyInfo | null };
}

/** `call`'s value, or undefined if it has none within `ms` (or never will). */
async function settled<T>(call: Promise<T> | undefined, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const inTime = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([call, inTime]).finally(() => clearTimeout(timer));
}

/**
 * Connects the extension to the test sandbox as a reviewer does, through the options page's
 * fields and its Save: for the tests of that path itself, and of what the key may reach. Returns
 * the page, open, once it says the settings are saved.
 */
export async function connectThroughOptionsPage(ext: ExtensionHarness): Promise<Page> {
  const options = await ext.openOptions();
  await options.getByRole('textbox', { name: 'API key' }).fill(sandbox().key);
  await options.getByRole('textbox', { name: 'API base URL' }).fill(sandbox().baseUrl);
  await options
    .getByRole('textbox', { name: 'Default inquiry template ID' })
    .fill('itmpl_E2eTemplate01');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(() => options.getByText('Settings saved.').count(), { timeout: 20_000 })
    .toBe(1);
  return options;
}
