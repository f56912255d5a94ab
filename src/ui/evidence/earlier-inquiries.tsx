// The same person's other inquiries: the account's (`filter[account-id]`), or without an account
// the same reference ID's, newest first. One request, made once the detail is on screen.
import { useEffect, useState } from 'preact/hooks';
import { type ErrorInfo, toErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatDateTime } from '../components/format-time.ts';
import { InquiryRow } from '../components/inquiry-row.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useNavigation } from '../views/router.ts';

export function EarlierInquiries({ inquiry }: { inquiry: InquiryView }) {
  const nav = useNavigation();
  const [items, setItems] = useState<InquirySummary[] | undefined>();
  const [by, setBy] = useState<'account' | 'reference' | 'none'>('none');
  const [error, setError] = useState<ErrorInfo | undefined>();
  const { id, accountId, referenceId } = inquiry;
  const load = async () => {
    setError(undefined);
    try {
      const reply = await sendRequest({
        type: 'earlierInquiries',
        id,
        ...(accountId ? { accountId } : {}),
        ...(referenceId ? { referenceId } : {}),
      });
      setItems(reply.items);
      setBy(reply.by);
    } catch (failure) {
      setError(toErrorInfo(failure));
    }
  };
  useEffect(() => {
    void load();
  }, [id, accountId, referenceId]);
  return (
    <section aria-labelledby="earlier-heading">
      <h3 id="earlier-heading">{t('earlierInquiries')}</h3>
      {error ? (
        <ProblemMessage error={error} onRetry={load} />
      ) : items === undefined ? (
        <p class="muted" role="status">
          {t('lookingForOthers')}
        </p>
      ) : items.length === 0 ? (
        <p class="muted">{by === 'none' ? t('nothingToLookBy') : t('onlyInquiry')}</p>
      ) : (
        <>
          <p class="muted">{t(by === 'account' ? 'sameAccount' : 'sameReference')}</p>
          <ul class="plain-list inquiry-list" aria-label={t('earlierInquiries')}>
            {items.map((item) => (
              <InquiryRow
                key={item.id}
                id={item.id}
                status={item.status}
                referenceId={item.referenceId}
                meta={item.createdAt ? formatDateTime(item.createdAt) : undefined}
                onOpen={() => nav.go({ name: 'detail', id: item.id })}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
