// Needs review's last answer, kept for when Persona cannot be reached (review-queue-copy-item.ts).

import { readTrailSince } from '../../shared/audit/read-trail.ts';
import { watchlistItem } from '../../shared/generated/first-screen-items.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { type ReviewQueueCopy, reviewQueueCopyItem } from '../../shared/review-queue-copy-item.ts';
import { readItem, writeItem } from '../../shared/storage.ts';

/** Keeps Persona's answer for the queue's first page. */
export function rememberQueue(items: InquirySummary[]): Promise<void> {
  return writeItem(reviewQueueCopyItem, { items, readAt: Date.now() });
}

/**
 * The copy, without the rows known to have left review since it was read: approved or declined
 * here (the activity log has the decision made), or a change the watcher saw. Those would open to
 * another status, and the reviewer would take them for work still to do.
 */
export async function queueCopy(): Promise<ReviewQueueCopy | null> {
  const copy = await readItem(reviewQueueCopyItem);
  if (!copy) return null;
  const [trail, watchlist] = await Promise.all([
    readTrailSince(copy.readAt),
    readItem(watchlistItem),
  ]);
  const left = new Set([
    ...trail.flatMap((entry) =>
      entry.at > copy.readAt &&
      entry.outcome === 'ok' &&
      entry.inquiryId &&
      (entry.action === 'approve' || entry.action === 'decline')
        ? [entry.inquiryId]
        : [],
    ),
    ...watchlist.flatMap((entry) =>
      entry.changedAt > copy.readAt && entry.status !== 'needs_review' ? [entry.id] : [],
    ),
  ]);
  return { ...copy, items: copy.items.filter((item) => !left.has(item.id)) };
}
