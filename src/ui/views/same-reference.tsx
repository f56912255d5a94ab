// An inquiry under the reference ID being typed that the person can still finish: another would
// send them a second link, and leave two results to decide. Said under the field, with the way to
// it, before Create; a note, not a lock, and nothing at all when Persona does not answer.
import { useEffect, useState } from 'preact/hooks';
import { formatNumber } from '../../shared/format.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { formatAgo } from '../components/format-time.ts';
import { openInquiry, useNavigation } from './router.ts';

/** Still open to the person: not started, or under way. */
const OPEN_STATUSES = ['created', 'pending'];

/** How long the reference must stay as typed before Persona is asked: one request per pause. */
const SETTLED_MS = 600;

export function SameReferenceNote({ reference }: { reference: string }) {
  const nav = useNavigation();
  // The newest's age as of the answer: the note is a live region, and a time that moved on each
  // minute would have it said again each minute.
  const [found, setFound] = useState<{ reference: string; items: InquirySummary[]; at: number }>();
  useEffect(() => {
    if (!reference) return;
    let live = true;
    const timer = setTimeout(() => {
      sendRequest(
        { type: 'listInquiries', statuses: OPEN_STATUSES, referenceId: reference, pageSize: 100 },
        true,
      ).then(
        (reply) => live && setFound({ reference, items: reply.items, at: Date.now() }),
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
        formatAgo(newest.createdAt ?? newest.updatedAt ?? found.at, found.at),
      )}{' '}
      <button type="button" class="link" onClick={() => openInquiry(nav, newest)}>
        {t('openNewestSameReference')}
      </button>
    </p>
  );
}
