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
  const fromWorker = worker
    ?.evaluate(
      (message) =>
        (
          globalThis as unknown as {
            inquiryDesk: { handleMessage(m: unknown, s: unknown): Promise<{ ok: boolean }> };
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
  // waits for Chromium's policy, some 4 s after the start here and more on a busy machine, and
  // one given up too soon would be sent twice.
  let timer: NodeJS.Timeout | undefined;
  const inTime = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, 15_000, undefined);
  });
  const fromWorkerInTime = await Promise.race([fromWorker, inTime]).finally(() =>
    clearTimeout(timer),
  );
  const answer =
    fromWorkerInTime ??
    (await (async () => {
      const page = await ext.openOptions();
      const sent = await page.evaluate((message) => chrome.runtime.sendMessage(message), request);
      await page.close();
      return sent;
    })());
  if (!answer?.ok) throw new Error(`saveOptions failed: ${JSON.stringify(answer)}`);
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
