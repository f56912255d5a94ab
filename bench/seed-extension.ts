// Extension state for a measurement: the storage items the popup reads, written from the worker
// in the shapes the background writes them, so no measurement waits on fifty handler round trips.
import type { Worker } from 'playwright-core';
import { askWorkerAll } from '../scripts/lib/ask-worker.ts';
import type { Replies } from '../src/shared/messages.ts';
import type { WatchEntry } from '../src/shared/storage-items.ts';
import type { BenchEnv } from './bench-env.ts';

/** Empties the watchlist, the inquiry cache and the poll state (the key and settings stay). */
export async function clearWatchState(worker: Worker): Promise<void> {
  await worker.evaluate(() =>
    Promise.all([
      chrome.storage.local.remove(['watchlist', 'pollState', 'recentLookups']),
      chrome.storage.session.remove(['inquiryCache', 'links']),
    ]),
  );
}

/** watchlistItem for `ids`, with statuses and reference ids from one sandbox list request. */
async function watchEntries(env: BenchEnv, ids: string[]): Promise<WatchEntry[]> {
  const query = new URLSearchParams({
    'filter[inquiry-id]': ids.join(','),
    'fields[inquiry]': 'status,reference-id,updated-at',
    'page[size]': '100',
  });
  const response = await fetch(`${env.sandbox.baseUrl}/inquiries?${query}`, {
    headers: { Authorization: `Bearer ${env.sandbox.key}`, 'Key-Inflection': 'kebab' },
  });
  const body = (await response.json()) as {
    data: { id: string; attributes: Record<string, string> }[];
  };
  const now = Date.now();
  return body.data.map((item, i) => ({
    id: item.id,
    status: item.attributes.status ?? 'pending',
    referenceId: item.attributes['reference-id'],
    updatedAt: item.attributes['updated-at'],
    addedAt: now - i,
    changedAt: now - i,
    seen: true,
  }));
}

/**
 * Watches `ids` and caches a view of each. The views come from the background's `getInquiry`
 * (its normaliser, its shape) for the first `distinct` ids; the rest reuse those views under
 * their own ids, which keeps the quick bench quick. The cache is written in one go because the
 * background's own cache writes are read-modify-write without a queue: fifty at once keep few.
 */
export async function watchAndCache(env: BenchEnv, ids: string[], distinct: number): Promise<void> {
  const worker = await env.worker();
  const watchlist = await watchEntries(env, ids);
  await worker.evaluate((list) => chrome.storage.local.set({ watchlist: list }), watchlist);
  const replies = await askWorkerAll<Replies['getInquiry']>(
    worker,
    ids.slice(0, Math.max(1, distinct)).map((id) => ({ type: 'getInquiry', id, refresh: true })),
  );
  const inquiryCache = Object.fromEntries(
    watchlist.map((entry, i) => {
      const real = replies[i % replies.length] as Replies['getInquiry'];
      const view = { ...real.inquiry, id: entry.id, referenceId: entry.referenceId };
      return [entry.id, { inquiry: view, fetchedAt: real.fetchedAt }];
    }),
  );
  await worker.evaluate(
    (cache) => chrome.storage.session.set({ inquiryCache: cache }),
    inquiryCache,
  );
}

/** How many entries the popup will find in storage: what was really seeded. */
export async function storedCounts(worker: Worker): Promise<{ watched: number; cached: number }> {
  return worker.evaluate(async () => {
    const local = await chrome.storage.local.get('watchlist');
    const session = await chrome.storage.session.get('inquiryCache');
    return {
      watched: Array.isArray(local.watchlist) ? local.watchlist.length : 0,
      cached: Object.keys((session.inquiryCache as object | undefined) ?? {}).length,
    };
  });
}
