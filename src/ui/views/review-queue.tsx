import { useEffect, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatRelative, useNow } from '../components/format-time.ts';
import { InquiryRow } from '../components/inquiry-row.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useNavigation } from './router.ts';

const PAGE_SIZE = 20;

interface Queue {
  items: InquirySummary[];
  /** Persona's cursor for the next page; null at the end, undefined before the first page. */
  next: string | null | undefined;
  loading: boolean;
  error?: ErrorInfo;
}

/** Inquiries waiting for a human decision, 20 at a time. */
export function ReviewQueue() {
  const nav = useNavigation();
  const now = useNow();
  const [queue, setQueue] = useState<Queue>({ items: [], next: undefined, loading: true });

  const load = async (next?: string) => {
    setQueue((q) => ({ ...q, loading: true, error: undefined }));
    try {
      const page = await sendRequest({
        type: 'listInquiries',
        statuses: ['needs_review'],
        pageSize: PAGE_SIZE,
        ...(next ? { next } : {}),
      });
      setQueue((q) => ({
        items: [...(next ? q.items : []), ...page.items],
        next: page.next,
        loading: false,
      }));
    } catch (error) {
      setQueue((q) => ({ ...q, loading: false, error: toErrorInfo(error) }));
    }
  };
  useEffect(() => void load(), []);

  const { items, next, loading, error } = queue;
  return (
    <>
      {error && <ProblemMessage error={error} onRetry={() => load(next ?? undefined)} />}
      {!error && !loading && items.length === 0 && <p class="empty">{t('noReview')}</p>}
      {items.length > 0 && (
        <ul class="inquiry-list" aria-label={t('inquiriesNeedingReview')}>
          {items.map((item) => (
            <InquiryRow
              key={item.id}
              id={item.id}
              status={item.status}
              referenceId={item.referenceId}
              meta={item.updatedAt && formatRelative(item.updatedAt, now)}
              onOpen={() => nav.go({ name: 'detail', id: item.id })}
            />
          ))}
        </ul>
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
