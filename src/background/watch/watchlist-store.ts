// Read-modify-write of the watchlist. Chrome runs one worker, and each edit is one await chain,
// but two requests may interleave; the queue keeps their edits from overwriting each other.

import { readItem, writeItem } from '../../shared/storage.ts';
import { type WatchEntry, watchlistItem } from '../../shared/storage-items.ts';

let queue: Promise<unknown> = Promise.resolve();

export function editWatchlist<T>(
  edit: (list: WatchEntry[]) => { list: WatchEntry[]; result: T },
): Promise<T> {
  const run = queue.then(async () => {
    const before = await readItem(watchlistItem);
    const { list, result } = edit(before);
    if (list !== before) await writeItem(watchlistItem, list);
    return result;
  });
  queue = run.catch(() => undefined);
  return run;
}
