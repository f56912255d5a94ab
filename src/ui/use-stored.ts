import { useEffect, useState } from 'preact/hooks';
import { readItem, readItems, type StorageItem, watchItem } from '../shared/storage.ts';

/** Values read before the first render ({@link readEarly}), kept current until a view takes over. */
const early = new Map<StorageItem<unknown>, unknown>();

/**
 * Reads items before the page renders, in one storage call per area, parsed with their schemas as
 * every read is. Preact runs effects only after a paint, so without this a page's first frame
 * could never hold stored data: its reads would start after it. Resolves when all are in.
 */
export function readEarly(items: readonly StorageItem<unknown>[]): Promise<void> {
  for (const item of items) {
    early.delete(item);
    watchItem(item, (next) => early.set(item, next));
  }
  return readItems(items).then((values) => {
    items.forEach((item, i) => {
      // A change that came while reading is newer than what the read found.
      if (!early.has(item)) early.set(item, values[i]);
    });
  });
}

/**
 * The current value of a stored item, kept fresh through storage.onChanged. `undefined` until the
 * first read answers, so a view can tell "loading" from "empty"; already there in the first render
 * when {@link readEarly} has read it.
 */
export function useStored<T>(item: StorageItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => early.get(item) as T | undefined);
  useEffect(() => {
    let live = true;
    const stop = watchItem(item, (next) => live && setValue(next));
    readItem(item).then((first) => live && setValue((current) => current ?? first));
    return () => {
      live = false;
      stop();
    };
  }, [item]);
  return value;
}
