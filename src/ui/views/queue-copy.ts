// Needs review's last answer, kept for when Persona cannot be reached (review-queue-copy-item.ts).
// A copy costs nothing when it fails: a storage error here leaves the queue as without one.
import { readTrailSince } from '../../shared/audit/read-trail.ts';
import {
  keyInfoItem,
  sealedKeyItem,
  unlockStateItem,
  watchlistItem,
} from '../../shared/generated/first-screen-items.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { type ReviewQueueCopy, reviewQueueCopyItem } from '../../shared/review-queue-copy-item.ts';
// Not readItems: the first screen's chunk would carry it for this page alone.
import { readItem, writeItem } from '../../shared/storage.ts';

/** The saved key, masked, that a read about to be sent goes with. */
export async function keyToReadWith(): Promise<string | undefined> {
  return (await readItem(keyInfoItem).catch(() => null))?.masked;
}

/**
 * Keeps Persona's answer for the queue's first page, read with the key `masked` from `readAt`.
 * As the background keeps its answers (key-custody.ts, dropIfKeyGone): a wipe that came while the
 * read was out (another key saved, a lock, Remove key) is not undone by its answer.
 */
export async function rememberQueue(
  items: InquirySummary[],
  masked: string | undefined,
  readAt: number,
): Promise<void> {
  if (!masked) return;
  try {
    await writeItem(reviewQueueCopyItem, { items, readAt, masked });
    const [keyInfo, sealed, unlocked] = await Promise.all([
      readItem(keyInfoItem),
      readItem(sealedKeyItem),
      readItem(unlockStateItem),
    ]);
    if (keyInfo?.masked !== masked || (sealed && !unlocked)) {
      await writeItem(reviewQueueCopyItem, null);
    }
  } catch {}
}

/**
 * The saved key's copy, without the rows known to have left review since it was read: approved
 * or declined here (the activity log has the decision made), or a change the watcher saw. Those
 * would open to another status, and the reviewer would take them for work still to do.
 */
export async function queueCopy(): Promise<ReviewQueueCopy | null> {
  try {
    const [copy, keyInfo] = await Promise.all([
      readItem(reviewQueueCopyItem),
      readItem(keyInfoItem),
    ]);
    if (!copy || copy.masked !== keyInfo?.masked) return null;
    const [trail, watchlist] = await Promise.all([
      readTrailSince(copy.readAt),
      readItem(watchlistItem),
    ]);
    const left = new Set([
      ...trail.flatMap((entry) =>
        entry.at >= copy.readAt &&
        entry.outcome === 'ok' &&
        entry.inquiryId &&
        (entry.action === 'approve' || entry.action === 'decline')
          ? [entry.inquiryId]
          : [],
      ),
      ...watchlist.flatMap((entry) =>
        entry.changedAt >= copy.readAt && entry.status !== 'needs_review' ? [entry.id] : [],
      ),
    ]);
    return { ...copy, items: copy.items.filter((item) => !left.has(item.id)) };
  } catch {
    return null;
  }
}
