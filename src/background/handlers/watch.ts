import { watchlistItem } from '../../shared/generated/stored-items.ts';
import type { Reply, RequestOf } from '../../shared/messages.ts';
import { editItem, updateItem } from '../edit-item.ts';
import { SUMMARY_FIELDS, summarise } from '../inquiries/adopt-inquiry.ts';
import type { Handlers } from '../message-router.ts';
import { openPersona } from '../persona-access.ts';
import { requestCycle } from '../watch/poller.ts';
import { addEntry, markSeen as markEntriesSeen, removeEntry } from '../watch/watchlist-logic.ts';

export async function watch(request: RequestOf<'watch'>): Promise<Reply<'watch'>> {
  const { client } = await openPersona();
  // Only the fields the watchlist keeps, and no included verifications: no personal data is
  // downloaded, and none crosses into storage.local.
  const { data } = await client.getInquiry(request.id, {
    include: [],
    fields: SUMMARY_FIELDS,
  });
  const now = Date.now();
  await updateItem(watchlistItem, (list) => addEntry(list, summarise(data), now));
  return { watching: true };
}

export async function unwatch(request: RequestOf<'unwatch'>): Promise<Reply<'unwatch'>> {
  await updateItem(watchlistItem, (list) => removeEntry(list, request.id));
  return { watching: false };
}

export async function markSeen(request: RequestOf<'markSeen'>): Promise<Reply<'markSeen'>> {
  const seen = await editItem(watchlistItem, (list) => {
    const next = markEntriesSeen(list, request.ids);
    return { value: next, result: next.filter((e, i) => e !== list[i]).length };
  });
  return { seen };
}

export async function refreshWatchlist(
  request: RequestOf<'refreshWatchlist'>,
): Promise<Reply<'refreshWatchlist'>> {
  return { polled: await requestCycle(request.asked ? 'asked' : 'popup') };
}

export const watchHandlers = {
  watch,
  unwatch,
  markSeen,
  refreshWatchlist,
} satisfies Partial<Handlers>;
