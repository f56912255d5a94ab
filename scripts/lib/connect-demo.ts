// Puts the extension in the state a reviewer reaches by hand: key and base URL saved through the
// background (as the options page does), and the demo inquiries on the watchlist.
import type { Page, Worker } from 'playwright-core';
import type { Replies } from '../../src/shared/messages.ts';
import { askWorker, askWorkerAll } from './ask-worker.ts';

export async function connectToSandbox(
  worker: Worker,
  sandbox: { baseUrl: string; key: string },
  defaultTemplateId: string,
): Promise<void> {
  await askWorker(worker, {
    type: 'saveOptions',
    key: sandbox.key,
    settings: { baseUrl: sandbox.baseUrl, defaultTemplateId },
  });
}

/** Watches up to `max` of the newest inquiries in the sandbox; returns their ids. */
export async function watchNewest(worker: Worker, max: number): Promise<string[]> {
  const { items } = await askWorker<Replies['listInquiries']>(worker, {
    type: 'listInquiries',
    statuses: [],
    pageSize: Math.min(100, Math.max(1, max)),
  });
  const ids = items.slice(0, max).map((item) => item.id);
  // All at once: the background queues its watchlist edits, so none overwrites another.
  await askWorkerAll(
    worker,
    ids.map((id) => ({ type: 'watch', id })),
  );
  return ids;
}

/** Rows in the popup's watchlist once at least `expected` show, or the count at the deadline. */
export async function waitForWatchlist(
  page: Page,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const rows = page.getByRole('list', { name: 'Watched inquiries' }).getByRole('listitem');
  const deadline = Date.now() + timeoutMs;
  let shown = await rows.count();
  while (shown < expected && Date.now() < deadline) {
    await page.waitForTimeout(100);
    shown = await rows.count();
  }
  return shown;
}
