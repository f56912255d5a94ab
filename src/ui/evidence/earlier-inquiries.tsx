// The same person's other inquiries: the account's (`filter[account-id]`), or without an account
// the same reference ID's, newest first. One request, made once the detail is on screen.
import { useEffect } from 'preact/hooks';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatDateTime } from '../components/format-time.ts';
import { InquiryRow } from '../components/inquiry-row.tsx';
import { ProblemMessage } from '../components/problem-message.tsx';
import { useRequest } from '../use-request.ts';
import { useNavigation } from '../views/router.ts';

export function EarlierInquiries({ inquiry }: { inquiry: InquiryView }) {
  const nav = useNavigation();
  const { id, accountId, referenceId } = inquiry;
  const read = useRequest(() =>
    sendRequest({
      type: 'earlierInquiries',
      id,
      ...(accountId ? { accountId } : {}),
      ...(referenceId ? { referenceId } : {}),
    }),
  );
  const load = () => void read.run();
  useEffect(load, [id, accountId, referenceId]);
  const { error } = read;
  const items = read.data?.items;
  const by = read.data?.by ?? 'none';
  return (
    <section aria-labelledby="earlier-heading">
      <h3 id="earlier-heading">Earlier inquiries</h3>
      {error ? (
        <ProblemMessage error={error} onRetry={load} />
      ) : items === undefined ? (
        <p class="muted" role="status">
          Looking for other inquiries…
        </p>
      ) : items.length === 0 ? (
        <p class="muted">
          {by === 'none'
            ? 'No account or reference ID to look for other inquiries by.'
            : 'None: this is the only inquiry for this person.'}
        </p>
      ) : (
        <>
          <p class="muted">
            {by === 'account' ? 'Same account' : 'Same reference ID'}, newest first.
          </p>
          <ul class="plain-list inquiry-list" aria-label="Earlier inquiries">
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
