import { useEffect, useState } from 'preact/hooks';
import { readItem, type StorageItem, watchItem } from '../shared/storage.ts';
import { freshPreload } from './stored-preload.ts';

/**
 * The current value of a stored item, kept fresh through storage.onChanged. `undefined` until the
 * first read answers, so a view can tell "loading" from "empty"; an item preloaded by the page
 * (preloadStored) has its value on the first render.
 */
export function useStored<T>(item: StorageItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => freshPreload(item)?.value);
  useEffect(() => {
    let live = true;
    let heard = false;
    const stop = watchItem(item, (next) => {
      heard = true;
      if (live) setValue(next);
    });
    // Subscribed now; a preload nothing has changed since is still what storage holds. One that
    // finished after the first render (a page that renders without waiting for it: the options
    // page loads the desk's preload with the chunk it shares) is taken now, or it would never be.
    const preloaded = freshPreload(item);
    if (preloaded) setValue(preloaded.value);
    else readItem(item).then((first) => live && !heard && setValue(first));
    return () => {
      live = false;
      stop();
    };
  }, [item]);
  return value;
}
