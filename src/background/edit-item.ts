// Read-modify-write of one stored item. The worker is single-threaded, but requests interleave at
// every await: fifty lookups at once would each read the same cache and keep only their own entry.
// One queue per key makes the edits of an item run one after another.
import { readItem, type StorageItem, writeItem } from '../shared/storage.ts';

// Only orders edits within one worker's life; the data itself lives in storage.
const queues = new Map<string, Promise<unknown>>();

/** Applies `edit` to the item's current value; writes only when it returns a new value. */
export function editItem<T, R = void>(
  item: StorageItem<T>,
  edit: (value: T) => { value: T; result: R },
): Promise<R> {
  const key = `${item.area}:${item.key}`;
  const run = (queues.get(key) ?? Promise.resolve()).then(async () => {
    const before = await readItem(item);
    const { value, result } = edit(before);
    if (value !== before) await writeItem(item, value);
    return result;
  });
  queues.set(
    key,
    run.catch(() => undefined),
  );
  return run;
}
