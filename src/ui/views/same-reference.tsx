// An inquiry under the reference ID being typed that the person can still finish: another would
// send them a second link, and leave two results to decide. Said under the field, with the way to
// it, before Create; a note, not a lock, and nothing at all when Persona does not answer.
import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../../shared/format.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatAgo, useNow } from '../components/format-time.ts';
import { openInquiry, useNavigation } from './router.ts';

/** Still open to the person: not started, or under way. */
const OPEN_STATUSES = ['created', 'pending'];

/** How long the reference must stay as typed before Persona is asked: one request per pause. */
const SETTLED_MS = 600;

export function SameReferenceNote({ reference }: { reference: string }) {
  const nav = useNavigation();
  const now = useNow();
  const [found, setFound] = useState<{ reference: string; items: InquirySummary[] }>();
  useEffect(() => {
    if (!reference) return;
    let live = true;
    const timer = setTimeout(() => {
      sendRequest(
        { type: 'listInquiries', statuses: OPEN_STATUSES, referenceId: reference, pageSize: 5 },
        true,
      ).then(
        (reply) => live && setFound({ reference, items: reply.items }),
        () => {},
      );
    }, SETTLED_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [reference]);
  // Persona lists newest first.
  const [newest] = found?.reference === reference ? found.items : [];
  if (!found || !newest) return null;
  return (
    <p class="banner is-warn" role="status" data-testid="same-reference">
      {t(
        'referenceHasOpen',
        formatNumber(found.items.length),
        statusLabel(newest.status),
        newest.createdAt ? formatAgo(newest.createdAt, now) : '',
      )}{' '}
      <button type="button" class="link" onClick={() => openInquiry(nav, newest)}>
        {t('openNewestSameReference')}
      </button>
    </p>
  );
}
