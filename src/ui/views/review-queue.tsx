import { useEffect, useRef, useState } from 'preact/hooks';
import { watchlistItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatAgo, useNow } from '../components/format-time.ts';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useRequest } from '../use-request.ts';
import { useStored } from '../use-stored.ts';
import { SummaryList } from './summary-list.tsx';

const PAGE_SIZE = 20;

/** Inquiries waiting for a human decision, 20 at a time. */
export function ReviewQueue() {
  const now = useNow();
  const [items, setItems] = useState<InquirySummary[]>([]);
  /** Persona's cursor for the next page; null at the end, undefined before the first page. */
  const [next, setNext] = useState<string | null | undefined>(undefined);
  // Load more is gone while it loads (and for good after the last page): the focus goes on to
  // the first row it brought, where a keyboard user reads on.
  const [firstOfPage, setFirstOfPage] = useState<string | undefined>(undefined);
  const page = useRequest(async (cursor?: string) => {
    const reply = await sendRequest({
      type: 'listInquiries',
      statuses: ['needs_review'],
      pageSize: PAGE_SIZE,
      ...(cursor ? { next: cursor } : {}),
    });
    setItems((shown) => [...(cursor ? shown : []), ...reply.items]);
    setFirstOfPage(cursor ? reply.items[0]?.id : undefined);
    setNext(reply.next);
  });
  const load = (cursor?: string) => void page.run(cursor);
  useEffect(load, []);
  // Open while the watcher finds a watched inquiry come to review or leave it (decided here or in
  // Persona), the queue reads its first page again rather than go on showing the old one.
  const watchlist = useStored(watchlistItem);
  // A watched inquiry the reviewer has not looked at since it changed carries the watchlist's
  // mark here too: the badge counts it, and this is where it is found.
  const unseen = new Set(watchlist?.filter((entry) => !entry.seen).map((entry) => entry.id));
  const reviewing = watchlist
    ?.filter((entry) => entry.status === 'needs_review')
    .map((entry) => entry.id)
    .sort()
    .join();
  const seen = useRef(reviewing);
  useEffect(() => {
    if (reviewing === undefined || seen.current === reviewing) return;
    // The watchlist read in after the queue's first page is no change to it.
    const first = seen.current === undefined;
    seen.current = reviewing;
    if (!first) load();
  }, [reviewing]);
  const { error } = page;
  const loading = page.busy || (next === undefined && !error);
  return (
    <>
      {error && <ProblemMessage error={error} onRetry={() => load(next ?? undefined)} />}
      {!error && !loading && items.length === 0 && <p class="empty">{t('noReview')}</p>}
      {items.length > 0 && (
        <SummaryList
          label={t('inquiriesNeedingReview')}
          items={items}
          focusId={firstOfPage}
          unseen={unseen}
          // Listed by creation, so the time says what it is: the last change.
          meta={(item) => item.updatedAt && t('updatedWhen', formatAgo(item.updatedAt, now))}
        />
      )}
      {loading && (
        <p class="muted" role="status">
          {t('loadingReview')}
        </p>
      )}
      {!loading && next && (
        <button type="button" class="load-more" onClick={() => load(next)}>
          {t('loadMore')}
        </button>
      )}
    </>
  );
}
