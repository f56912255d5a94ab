// The toolbar badge: how many watched inquiries need the reviewer. Derived from the watchlist, so
// every writer (poller, handlers, a notification click) updates it by writing the list; none while
// no key is saved, since nothing is watched then. While the desk is locked nothing is watched
// either: the count is the one from before the lock, shown grey, and the title says so. So is a
// count the watcher's last check could not bring up to date (offline, a 5xx, a refused key, a
// 429 with no answer since): the toolbar says the statuses may be old, as the desk does. No personal data: a count only.
import { browser } from '../../shared/browser.ts';
import { formatNumber } from '../../shared/format.ts';
import { keyInfoItem, pollStateItem, watchlistItem } from '../../shared/generated/stored-items.ts';
import { t } from '../../shared/i18n.ts';
import { needsReviewer } from '../../shared/needs-reviewer.ts';
import { turnedAway } from '../../shared/poll-hold.ts';
import { readItem } from '../../shared/storage.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';
import { inTurn } from '../edit-item.ts';
import { isLocked } from '../key-custody.ts';

const BADGE_COLOR = '#B54708';
const LOCKED_COLOR = '#667085';

export function countNeedingReviewer(list: readonly WatchEntry[]): number {
  return list.filter(needsReviewer).length;
}

/** Badge text: empty hides it; four characters is all the badge shows. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

// One drawing at a time, in the order asked: a poll state's and a watchlist's change come close
// together, and two drawings finishing out of order could leave the older one on the toolbar. The
// queue is edit-item.ts's, under a name no stored item's edits use.
const DRAWING = 'badge';

export function showBadge(list: readonly WatchEntry[]): Promise<void> {
  return inTurn(DRAWING, () => drawBadge(list));
}

async function drawBadge(list: readonly WatchEntry[]): Promise<void> {
  const key = await readItem(keyInfoItem);
  const count = key ? countNeedingReviewer(list) : 0;
  const locked = await isLocked();
  // The last check failed (cycle.ts writes its error, and clears it with the next that works), or
  // was turned away by the rate limit.
  const poll = await readItem(pollStateItem);
  const failing = key && !locked && (poll.lastError || turnedAway(poll));
  await browser.action.setBadgeText({ text: badgeText(count) });
  await browser.action.setBadgeBackgroundColor({
    color: locked || failing ? LOCKED_COLOR : BADGE_COLOR,
  });
  // The count's two parts, named apart: the reviews are the Needs review tab's, the finished ones
  // the watchlist's rows marked as not yet seen.
  const review = list.filter((e) => e.status === 'needs_review' && !e.unlisted).length;
  const parts = [
    review && t('badgeReview', formatNumber(review)),
    count - review && t('badgeUnseen', formatNumber(count - review)),
  ].filter(Boolean);
  let title = count ? parts.join(', ') : '';
  // Why the count is grey, then what it counted before.
  if (locked || failing) {
    const why = t(locked ? 'badgeLocked' : 'badgeCheckFailed');
    title = title ? `${why}. ${t(locked ? 'badgeBeforeLock' : 'badgeBeforeFailure', title)}` : why;
  }
  await browser.action.setTitle({ title: title ? `${t('extName')}: ${title}` : t('extName') });
}

/** The badge for the stored watchlist, read when its turn comes. */
export function refreshBadge(): Promise<void> {
  return inTurn(DRAWING, async () => drawBadge(await readItem(watchlistItem)));
}
