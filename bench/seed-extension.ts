// Extension state for a measurement: the storage items the popup reads, written from the worker
// in the shapes the background writes them, so no measurement waits on fifty handler round trips.
import type { Worker } from 'playwright-core';
import { askWorkerAll } from '../scripts/lib/ask-worker.ts';
import type { Replies } from '../src/shared/messages.ts';
import type { WatchEntry } from '../src/shared/storage-items.ts';
import type { BenchEnv } from './bench-env.ts';

/**
 * The inquiry cache's layout (src/background/inquiry-cache.ts): each view under its own key, the
 * index under one; test/unit/background/inquiry-cache.test.ts holds these to its items. Spelled
 * out, not imported: the items' modules load src/shared/browser.ts, which takes the extension API
 * global once, and the team-scale figure installs its fake one later (team-scale/watcher-in-node.ts).
 */
export const CACHE_KEYS = { viewPrefix: 'inquiry:', index: 'inquiryCacheIndex' } as const;

/** Empties the watchlist, the inquiry cache and the poll state (the key and settings stay). */
export async function clearWatchState(worker: Worker): Promise<void> {
  await worker.evaluate(async (cache) => {
    // Each cached view has a key of its own.
    const session = Object.keys(await chrome.storage.session.get(null));
    const views = session.filter((key) => key.startsWith(cache.viewPrefix));
    await Promise.all([
      chrome.storage.local.remove(['watchlist', 'pollState', 'recentLookups']),
      chrome.storage.session.remove([...views, cache.index, 'links']),
    ]);
  }, CACHE_KEYS);
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
 * their own ids, which keeps the quick bench quick; so the cache is written here, in one go, in
 * the background's layout.
 */
export async function watchAndCache(env: BenchEnv, ids: string[], distinct: number): Promise<void> {
  const worker = await env.worker();
  const watchlist = await watchEntries(env, ids);
  await worker.evaluate((list) => chrome.storage.local.set({ watchlist: list }), watchlist);
  const replies = await askWorkerAll<Replies['getInquiry']>(
    worker,
    ids.slice(0, Math.max(1, distinct)).map((id) => ({ type: 'getInquiry', id, refresh: true })),
  );
  // As src/background/inquiry-cache.ts keeps them: each view under its own key, and the index.
  const cache: Record<string, unknown> = {};
  const index: Record<string, number> = {};
  watchlist.forEach((entry, i) => {
    const real = replies[i % replies.length] as Replies['getInquiry'];
    const view = { ...real.inquiry, id: entry.id, referenceId: entry.referenceId };
    cache[CACHE_KEYS.viewPrefix + entry.id] = { inquiry: view, fetchedAt: real.fetchedAt };
    index[entry.id] = real.fetchedAt;
  });
  await worker.evaluate((items) => chrome.storage.session.set(items), {
    ...cache,
    [CACHE_KEYS.index]: index,
  });
}

/** How many entries the popup will find in storage: what was really seeded. */
export async function storedCounts(worker: Worker): Promise<{ watched: number; cached: number }> {
  return worker.evaluate(async (cache) => {
    const local = await chrome.storage.local.get('watchlist');
    const session = Object.keys(await chrome.storage.session.get(null));
    return {
      watched: Array.isArray(local.watchlist) ? local.watchlist.length : 0,
      cached: session.filter((key) => key.startsWith(cache.viewPrefix)).length,
    };
  }, CACHE_KEYS);
}
