// Looking at a watched inquiry's change is what "seen" means for the watchlist's highlight and
// the badge; it also makes the notification that announced the change old news.
import { browser } from '../shared/browser.ts';
import { notificationId } from '../shared/notification-ids.ts';
import { sendRequest } from '../shared/send-request.ts';

/**
 * Marks the inquiry seen and clears its notification if it is still shown or waiting in the
 * notification centre: a reviewer who has the detail on screen, or opened it from the watchlist,
 * has no use for "inq_… is now Needs review" any more. Pages may clear the extension's own
 * notifications; the worker need not be asked.
 */
export function markSeen(id: string): void {
  sendRequest({ type: 'markSeen', ids: [id] }).catch(() => {});
  browser.notifications.clear(notificationId(id)).catch(() => {});
}
