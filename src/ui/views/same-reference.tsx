// An inquiry under the reference ID being typed that the person can still finish: another would
// send them a second link, and leave two results to decide. Said under the field, with the way to
// it, before Create; a note, not a lock, and nothing at all when Persona does not answer.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../../shared/format.ts';
import { pollStateItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import { holdInForce } from '../../shared/poll-hold.ts';
import { sendRequest } from '../../shared/send-request.ts';
import { readItem } from '../../shared/storage.ts';
import type { PollState } from '../../shared/storage-items.ts';
import { formatAgo } from '../components/format-time.ts';
import { openInquiry, useNavigation } from './router.ts';

/** Still open to the person: not started, or under way. */
const OPEN_STATUSES = ['created', 'pending'];

/** How long the reference must stay as typed before Persona is asked: one request per pause. */
const SETTLED_MS = 600;

/**
 * Persona's rate-limit window is spent, or the watcher holds its checks for it (a 429, the window
 * nearly spent, or a busy environment's stretched period: next-hold.ts): a request nobody asked
 * for waits, as the watcher's do. The limit is the environment's, shared with the customer's own
 * backend.
 */
export function limitHeld(poll: PollState, now: number): boolean {
  const window = poll.rateLimit;
  if (window?.remaining === 0 && window.resetAt > now) return true;
  return poll.failures === 0 && holdInForce(poll.holdUntil, now);
}

interface Found {
  items: InquirySummary[];
  at: number;
}

/** `paused`: a create is being sent; what it makes would be the newest, and is not news. */
export function SameReferenceNote({ reference, paused }: { reference: string; paused?: boolean }) {
  const nav = useNavigation();
  // The newest's age as of the answer: the note is a live region, and a time that moved on each
  // minute would have it said again each minute.
  const [found, setFound] = useState<Found & { reference: string }>();
  // Each reference's answer, for the form's life: typing A, then AB, then A again asks once for A.
  const answers = useRef(new Map<string, Found>());
  useEffect(() => {
    if (!reference || paused) return;
    const known = answers.current.get(reference);
    if (known) {
      setFound({ reference, ...known });
      return;
    }
    let live = true;
    const timer = setTimeout(async () => {
      // The note is not worth a 429 for the watcher's next check, nor the backend's. Read, the
      // reference may have changed, or a create begun: then this one is not asked.
      const poll = await readItem(pollStateItem).catch(() => undefined);
      if (!live || !poll || limitHeld(poll, Date.now())) return;
      sendRequest(
        {
          type: 'listInquiries',
          statuses: OPEN_STATUSES,
          referenceId: reference,
          pageSize: 100,
          quiet: true,
        },
        true,
      ).then(
        (reply) => {
          const answer = { items: reply.items, at: Date.now() };
          answers.current.set(reference, answer);
          if (live) setFound({ reference, ...answer });
        },
        () => {},
      );
    }, SETTLED_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [reference, paused]);
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
