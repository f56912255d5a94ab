// What the background does with an inquiry Persona just described: cache the view for the popup,
// and let the watchlist learn its status without waiting for a poll. Used by the request handlers,
// the create flow and the poll cycle alike.

import { watchlistItem } from '../../shared/generated/stored-items.ts';
import type { InquiryReply, InquirySummary } from '../../shared/messages.ts';
import type { InquiryView } from '../../shared/persona/view-model.ts';
import { updateItem } from '../edit-item.ts';
import { rememberInquiry } from '../inquiry-cache.ts';
import { applySummaries, markSeen } from '../watch/watchlist-logic.ts';

/**
 * What summarise() reads, asked for alone (`fields[inquiry]`) where a summary is all that is
 * kept: a list of a hundred inquiries then carries no fields, tags or behaviours, and a watched
 * inquiry no personal data.
 */
export const SUMMARY_FIELDS = {
  inquiry: ['status', 'reference-id', 'created-at', 'updated-at', 'redacted-at'],
};

/** The list row of an inquiry: no personal data, so it may live in storage.local. */
export function summarise(view: InquiryView): InquirySummary {
  const s: InquirySummary = { id: view.id, status: view.status };
  if (view.redacted) s.redacted = true;
  if (view.referenceId) s.referenceId = view.referenceId;
  if (view.timestamps.createdAt) s.createdAt = view.timestamps.createdAt;
  if (view.timestamps.updatedAt) s.updatedAt = view.timestamps.updatedAt;
  return s;
}

/**
 * Caches a fresh view and lets the watchlist learn its status without waiting for a poll.
 * `masked`: the key it was read with (keyInfo.masked). `own`: the status is the reviewer's own
 * doing (a decision, a new link), so no news to them: seen, wherever they are when it comes, and
 * whether or not the watcher found it first.
 */
export async function adoptInquiry(
  inquiry: InquiryView,
  masked: string,
  own?: boolean,
): Promise<InquiryReply> {
  const fetchedAt = Date.now();
  await rememberInquiry(inquiry, fetchedAt, masked);
  await updateItem(watchlistItem, (list) => {
    const value = applySummaries(list, [summarise(inquiry)], fetchedAt).list;
    return own ? markSeen(value, [inquiry.id]) : value;
  });
  return { inquiry, fetchedAt };
}
