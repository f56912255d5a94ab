// Decisions that did not go through, read from the activity log: said on their rows in Needs
// review and search results (use-on-its-way.ts) and in the watchlist (watchlist-panel.tsx, which
// loads this once its first frame is on screen). The popup closes at every click outside it, so a
// failure kept for one view's life alone was gone in seconds, and the watchlist, the desk's first
// tab, said nothing of it at all.
import type { ComponentChildren } from 'preact';
import { answerLost } from '../../shared/audit/answer-lost.ts';
import { readTrailSince } from '../../shared/audit/read-trail.ts';
import { auditTrailItem } from '../../shared/audit/trail-item.ts';
import { t } from '../../shared/i18n.ts';
import { isFinalStatus } from '../../shared/persona/status.ts';
import { watchItem } from '../../shared/storage.ts';
// The note's own rules (.meta-warn): the watchlist, which loads this after its first frame, has
// no other view's sheet yet.
import './views.css';

/** A decision that did not go through, and whether that is known. */
export interface NotMade {
  action: 'approve' | 'decline';
  /** When it was logged: said for half an hour from then, however long the view stays open. */
  at: number;
  /** Its answer was lost (a 5xx, a timeout, a stopped worker): Persona may have made it. */
  unknown: boolean;
}

/** How long a decision that did not go through is said on its row, read from the activity log. */
export const RECENT_FAILURE_MS = 30 * 60_000;

export function notMadeOf(action: string, errorKind: string | undefined, at: number): NotMade {
  return {
    action: action === 'approve' ? 'approve' : 'decline',
    at,
    unknown: answerLost(errorKind),
  };
}

/**
 * The last decision logged in the last half hour for each inquiry, where it failed: from the log's
 * open page, or, when that page starts within the half hour (it was just begun), from the whole
 * trail.
 */
export async function readRecentNotMade(): Promise<Map<string, NotMade>> {
  const since = Date.now() - RECENT_FAILURE_MS;
  const last = new Map<string, NotMade | undefined>();
  for (const e of await readTrailSince(since)) {
    if (!e.inquiryId || e.at < since || (e.action !== 'approve' && e.action !== 'decline')) {
      continue;
    }
    last.set(e.inquiryId, e.outcome === 'ok' ? undefined : notMadeOf(e.action, e.errorKind, e.at));
  }
  return new Map([...last].filter((pair): pair is [string, NotMade] => pair[1] !== undefined));
}

/**
 * A row's words for it: the answer said away from its page is a toast of a few seconds, and the
 * row read "created 20 minutes ago" again, as if nothing had been tried. One whose answer was lost
 * may have been made, as the toast said: the row says "may not". Drawn as a warning, not in the
 * grey of the time it takes the place of, which it read as (popup.css). None once the inquiry is
 * decided (made after all, or by a colleague: the status says what became of it), nor past its half
 * hour.
 */
export function notMadeNote(
  notMade: NotMade | undefined,
  status: string,
  now = Date.now(),
): ComponentChildren {
  if (!notMade || isFinalStatus(status) || now - notMade.at > RECENT_FAILURE_MS) return undefined;
  const { action, unknown } = notMade;
  const text = unknown
    ? t(action === 'approve' ? 'approveMayNotBeMade' : 'declineMayNotBeMade')
    : t(action === 'approve' ? 'approveNotMade' : 'declineNotMade');
  return <span class="meta-warn">{text}</span>;
}

/**
 * The watchlist's: a row's note (above) from the log as read now, and again each time the log
 * grows. Returns what stops it.
 */
export function watchNotMade(
  onRead: (note: (id: string, status: string) => ComponentChildren) => void,
): () => void {
  let live = true;
  const read = () =>
    readRecentNotMade()
      .then((notMade) => {
        if (live) onRead((id, status) => notMadeNote(notMade.get(id), status));
      })
      .catch(() => undefined);
  const stop = watchItem(auditTrailItem, read);
  void read();
  return () => {
    live = false;
    stop();
  };
}
