import { useEffect, useState } from 'preact/hooks';
import { readItem, type StorageItem, watchItem } from '../shared/storage.ts';

/**
 * The current value of a stored item, kept fresh through storage.onChanged. `undefined` until the
 * first read answers, so a view can tell "loading" from "empty".
 */
export function useStored<T>(item: StorageItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
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
