// Read-modify-write of one stored item. The worker is single-threaded, but requests interleave at
// every await: fifty lookups at once would each read the same cache and keep only their own entry.
// One queue per key makes the edits of an item run one after another.
import { deskError } from '../shared/errors.ts';
import { readItemChecked, type StorageItem, writeItem } from '../shared/storage.ts';

// Only orders edits within one worker's life; the data itself lives in storage.
const queues = new Map<string, Promise<unknown>>();

/**
 * Applies `edit` to the item's current value; writes only when it returns a new value. The next
 * edit of the item waits for this one, an async one too (the audit trail hashes each entry).
 */
export function editItem<T, R = void>(
  item: StorageItem<T>,
  edit: (value: T) => { value: T; result: R } | Promise<{ value: T; result: R }>,
): Promise<R> {
  return inTurn(`${item.area}:${item.key}`, async () => {
    const { value: before, unreadable } = await readItemChecked(item);
    const { value, result } = await edit(before);
    if (unreadable && value !== before) {
      // Writing now would replace the stored value with an edit of its default: refuse, keep it.
      throw deskError('internal', 'storedItemUnreadable', item.key);
    }
    if (value !== before) await writeItem(item, value);
    return result;
  });
}

/** Runs `task` once every task queued under `queue` before it has settled, failed ones too. */
export function inTurn<R>(queue: string, task: () => Promise<R>): Promise<R> {
  const run = (queues.get(queue) ?? Promise.resolve()).then(task);
  queues.set(
    queue,
    run.catch(() => undefined),
  );
  return run;
}

/** The update (for updateItem) of a record item that sets one entry to `value`, or removes it. */
export function setEntry<T>(name: string, value?: NoInfer<T>) {
  return ({ [name]: _, ...others }: Record<string, T>) =>
    value === undefined ? others : { ...others, [name]: value };
}

/** {@link editItem} for an edit that only works out the item's new value. */
export function updateItem<T>(item: StorageItem<T>, update: (value: T) => T): Promise<undefined> {
  return editItem(item, (value) => ({ value: update(value), result: undefined }));
}
