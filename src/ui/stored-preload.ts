// Stored items a page reads before its first render, for useStored to start from. No Preact here:
// a desk page starts these reads before the rest of its code is evaluated (first-screen-read.ts).
import { browser } from '../shared/browser.ts';
import { type Area, onStorageChanged, readStored, type StorageItem } from '../shared/storage.ts';

// What this page read before its first render (preloadStored), and which of those keys have
// changed since. A page-lifetime read cache, not state: storage stays the truth, and a key that
// changed after the preload is read again.
const preloaded = new Map<StorageItem<unknown>, unknown>();
const changedSincePreload = new Set<string>();
const slot = (area: string, key: string) => `${area}:${key}`;

/**
 * Reads `items` in one storage call per area and parses each, so the first render has every value
 * at once: one render with the data, not a "loading" render then one re-render per read answered
 * (docs/benchmarks.md, first paint). Call before `render()`; useStored takes what it read.
 */
export async function preloadStored(items: readonly StorageItem<unknown>[]): Promise<void> {
  // Listening before reading: a change that lands after the read began is never taken as read.
  // The page's first listener, so the views' subscriptions later are its own (onStorageChanged).
  onStorageChanged((changes, area) => {
    for (const key of Object.keys(changes)) changedSincePreload.add(slot(area, key));
  });
  const areas = [...new Set(items.map((item) => item.area))];
  const raw = new Map<Area, Record<string, unknown>>(
    await Promise.all(
      areas.map(async (area) => {
        const keys = items.filter((item) => item.area === area).map((item) => item.key);
        return [area, await browser.storage[area].get(keys)] as const;
      }),
    ),
  );
  for (const item of items) {
    preloaded.set(item, readStored(item, raw.get(item.area)?.[item.key]).value);
  }
}

/** The preloaded value of `item`, if it was preloaded and has not changed since. */
export function freshPreload<T>(item: StorageItem<T>): { value: T } | undefined {
  if (!preloaded.has(item) || changedSincePreload.has(slot(item.area, item.key))) return undefined;
  return { value: preloaded.get(item) as T };
}
