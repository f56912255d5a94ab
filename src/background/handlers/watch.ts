import type { Reply, RequestOf } from '../../shared/messages.ts';
import { openPersona } from '../persona-access.ts';
import { requestCycle } from '../watch/poller.ts';
import { addEntry, markSeen as markEntriesSeen, removeEntry } from '../watch/watchlist-logic.ts';
import { editWatchlist } from '../watch/watchlist-store.ts';
import { summarise } from './inquiries.ts';

export async function watch(request: RequestOf<'watch'>): Promise<Reply<'watch'>> {
  const { client } = await openPersona();
  // Only the fields the watchlist keeps, and no included verifications: no personal data is
  // downloaded, and none crosses into storage.local.
  const { data } = await client.getInquiry(request.id, {
    include: [],
    fields: { inquiry: ['status', 'reference-id', 'created-at', 'updated-at', 'redacted-at'] },
  });
  const now = Date.now();
  await editWatchlist((list) => ({ list: addEntry(list, summarise(data), now), result: 0 }));
  return { watching: true };
}

export async function unwatch(request: RequestOf<'unwatch'>): Promise<Reply<'unwatch'>> {
  await editWatchlist((list) => ({ list: removeEntry(list, request.id), result: 0 }));
  return { watching: false };
}

export async function markSeen(request: RequestOf<'markSeen'>): Promise<Reply<'markSeen'>> {
  const seen = await editWatchlist((list) => {
    const next = markEntriesSeen(list, request.ids);
    return { list: next, result: next.filter((e, i) => e !== list[i]).length };
  });
  return { seen };
}

export async function refreshWatchlist(): Promise<Reply<'refreshWatchlist'>> {
  return { polled: await requestCycle('popup') };
}
