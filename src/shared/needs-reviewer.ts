// What needs the reviewer among the watched: what the toolbar badge counts
// (background/watch/badge.ts) and what leads the watchlist (ui/views/watchlist-panel.tsx), so
// the number on the toolbar is the rows on top when the popup opens.
import type { WatchEntry } from './storage-items.ts';

/** A status that needs the reviewer while it is news: a review, or a finished verification. */
export const asksReviewer = (status: string) =>
  status === 'needs_review' || status === 'completed' || status === 'failed';

/**
 * Needs the reviewer: `needs_review` until decided, and a finished `completed` or `failed` the
 * reviewer has not looked at yet. Not one Persona said it does not have: nothing can be done
 * with it under this key.
 */
export function needsReviewer(entry: WatchEntry): boolean {
  if (entry.unlisted) return false;
  return entry.status === 'needs_review' || (asksReviewer(entry.status) && !entry.seen);
}
