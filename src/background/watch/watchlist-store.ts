// The watchlist's read-modify-write, through the per-item edit queue (edit-item.ts).
import { type WatchEntry, watchlistItem } from '../../shared/storage-items.ts';
import { editItem } from '../edit-item.ts';

export function editWatchlist<T>(
  edit: (list: WatchEntry[]) => { list: WatchEntry[]; result: T },
): Promise<T> {
  return editItem(watchlistItem, (before) => {
    const { list, result } = edit(before);
    return { value: list, result };
  });
}
