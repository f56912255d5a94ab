// Notifications for status changes. The inquiry id and status words, no names; the reference ID
// only when the reviewer turned on the setting that says why it is off by default (a customer's
// reference ID may be an email address, and the system may keep notifications after they close).
// Their ids: shared/notification-ids.ts.
import { browser } from '../../shared/browser.ts';
import { formatNumber } from '../../shared/format.ts';
import { watchlistItem } from '../../shared/generated/stored-items.ts';
import { t } from '../../shared/i18n.ts';
import { asksReviewer } from '../../shared/needs-reviewer.ts';
import { notificationId, NOTIFICATION_PREFIX as PREFIX } from '../../shared/notification-ids.ts';
import { statusLabel } from '../../shared/persona/status.ts';
import { updateItem } from '../edit-item.ts';
import { CURRENT_WINDOW, openLookup } from '../lookup/open-lookup.ts';
import type { Change } from './watchlist-logic.ts';
import { markSeen } from './watchlist-logic.ts';

export { notificationId };

/** The one notification for a cycle with more changes than are worth a notification each. */
export const SUMMARY_ID = `${PREFIX}*`;
/** More changes in one cycle than this become one summary notification. */
export const MAX_SINGLE = 3;

/** The inquiry a notification is about; `null` for the summary, `undefined` if not ours. */
export function inquiryOfNotification(id: string): string | null | undefined {
  if (!id.startsWith(PREFIX)) return undefined;
  return id === SUMMARY_ID ? null : id.slice(PREFIX.length);
}

export interface NotificationText {
  id: string;
  title: string;
  message: string;
}

/**
 * What to show for one cycle's changes: one each, or one summary when there are many. A status is
 * said by its meaning in the reader's language ("Needs review", statusLabel), not Persona's word
 * (`needs_review`), which the desk shows beside the meaning once opened.
 */
export function describeChanges(
  changes: readonly Change[],
  byReference = false,
): NotificationText[] {
  // As the desk's confirmations name it: the reference, with the id's end (one customer's
  // inquiries share it).
  const name = (c: Change) =>
    byReference && c.referenceId ? `${c.referenceId} (…${c.id.slice(-5)})` : c.id;
  if (changes.length <= MAX_SINGLE) {
    return changes.map((c) => ({
      id: notificationId(c.id),
      title: t('notifyTitle', name(c), statusLabel(c.to)),
      message: t('notifyMessage', statusLabel(c.from)),
    }));
  }
  // What needs the reviewer (needs review, completed, failed: what the badge counts) is named,
  // not folded into "and 3 more"; the sort keeps the cycle's order otherwise.
  const lines = [...changes]
    .sort((a, b) => +asksReviewer(b.to) - +asksReviewer(a.to))
    .slice(0, 5)
    .map((c) => t('notifyLine', name(c), statusLabel(c.to)));
  if (changes.length > 5) lines.push(t('notifyMore', formatNumber(changes.length - 5)));
  return [
    {
      id: SUMMARY_ID,
      title: t('notifySummary', formatNumber(changes.length)),
      message: lines.join('\n'),
    },
  ];
}

/** Creating with an existing id replaces that notification, so a repeated cycle shows no double. */
export async function notifyChanges(
  changes: readonly Change[],
  byReference: boolean,
): Promise<void> {
  const iconUrl = browser.runtime.getURL('icons/icon-128.png');
  await Promise.all(
    describeChanges(changes, byReference).map(({ id, title, message }) =>
      browser.notifications.create(id, { type: 'basic', iconUrl, title, message }),
    ),
  );
}

/**
 * A click opens the inquiry's detail where lookups open (the side panel, else a tab with the
 * popup's page) and marks it seen; the summary opens the watchlist in a tab.
 */
export async function openFromNotification(id: string): Promise<void> {
  const inquiryId = inquiryOfNotification(id);
  if (inquiryId === undefined) return;
  if (inquiryId) await openLookup(inquiryId, CURRENT_WINDOW);
  // The summary's page opens on home, not on the inquiry the toolbar popup showed last (app.tsx).
  else await browser.tabs.create({ url: browser.runtime.getURL('src/popup/index.html?home') });
  await browser.notifications.clear(id);
  if (inquiryId) {
    await updateItem(watchlistItem, (list) => markSeen(list, [inquiryId]));
  }
}
