import { pollStateItem, watchlistItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { sendRequest } from '../../shared/send-request.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';
import { formatNumber, formatRelative, useNow } from '../components/format-time.ts';
import { InquiryRow } from '../components/inquiry-row.tsx';
import { useStored } from '../use-stored.ts';
import { useNavigation } from './router.ts';

function newestFirst(entries: WatchEntry[]): WatchEntry[] {
  return [...entries].sort((a, b) => b.changedAt - a.changedAt);
}

/** Watched inquiries from storage: shown at once, refreshed in place as the poller writes. */
export function WatchlistPanel() {
  const nav = useNavigation();
  const now = useNow();
  const watchlist = useStored(watchlistItem);
  const poll = useStored(pollStateItem);

  if (watchlist === undefined) return <p class="muted">{t('loadingWatchlist')}</p>;
  if (watchlist.length === 0) {
    return <p class="empty">{t('nothingWatched')}</p>;
  }
  const unseen = watchlist.filter((entry) => !entry.seen).length;
  return (
    <>
      <p class="list-head muted" data-testid="watchlist-head">
        {t('watchedCount', formatNumber(watchlist.length))}
        {unseen > 0 && ` · ${t('changedCount', formatNumber(unseen))}`}
        {poll?.lastSuccessAt && ` · ${t('checkedWhen', formatRelative(poll.lastSuccessAt, now))}`}
      </p>
      {poll?.lastError && poll.failures > 0 && (
        <p class="list-warning" role="status">
          {t('lastCheckFailed', poll.lastError.message)}
        </p>
      )}
      <ul class="inquiry-list" aria-label={t('watchedInquiries')}>
        {newestFirst(watchlist).map((entry) => (
          <InquiryRow
            key={entry.id}
            id={entry.id}
            status={entry.status}
            referenceId={entry.referenceId}
            unseen={!entry.seen}
            meta={formatRelative(entry.changedAt, now)}
            onOpen={() => {
              if (!entry.seen) sendRequest({ type: 'markSeen', ids: [entry.id] }).catch(() => {});
              nav.go({ name: 'detail', id: entry.id });
            }}
          />
        ))}
      </ul>
    </>
  );
}
