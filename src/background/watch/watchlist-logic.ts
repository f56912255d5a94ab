// Pure watchlist edits: no storage, no clock of its own. The poller and the handlers share them.
import { deskError } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import { isFinalStatus } from '../../shared/persona/status.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';
import { isSlow } from './planner.ts';

/**
 * Enough for a reviewer's day. When it is reached, the oldest decided entries leave first, then
 * the oldest expired or not found ones (New link brings one back); one that can still change never leaves
 * unsaid: the new one is refused instead.
 */
export const WATCHLIST_CAP = 1000;

export function addEntry(list: WatchEntry[], summary: InquirySummary, now: number): WatchEntry[] {
  const existing = list.find((e) => e.id === summary.id);
  if (existing) return applySummaries(list, [summary], now).list;
  const entry: WatchEntry = {
    id: summary.id,
    status: summary.status,
    addedAt: now,
    changedAt: now,
    seen: true,
    ...(summary.referenceId ? { referenceId: summary.referenceId } : {}),
    ...(summary.updatedAt ? { updatedAt: summary.updatedAt } : {}),
    ...(summary.redacted ? { redacted: true } : {}),
  };
  return capList([entry, ...list]);
}

export function removeEntry(list: WatchEntry[], id: string): WatchEntry[] {
  return list.filter((e) => e.id !== id);
}

export interface Change {
  id: string;
  from: string;
  to: string;
  /** For a notification that names it so, when the settings say it may (notify.ts). */
  referenceId?: string | undefined;
}

/**
 * Folds fresh summaries into the list. A change is a new status, or a newer `updated-at` with the
 * same status (tags, fields); only status changes are reported to the reviewer. An answer older
 * than the entry (by Persona's `updated-at`) is left out.
 */
export function applySummaries(
  list: WatchEntry[],
  summaries: InquirySummary[],
  now: number,
): { list: WatchEntry[]; changes: Change[] } {
  const byId = new Map(summaries.map((s) => [s.id, s]));
  const changes: Change[] = [];
  const next = list.map((entry) => {
    const fresh = byId.get(entry.id);
    // An answer without a status (sparse, or a shape nobody expected) says nothing about the
    // status: not a change to '', from the poll or from a detail read alike. One older than what
    // is held (a poll sent before a decision, answered after it) is old news, not a change back;
    // where either has no `updated-at`, both parse to NaN and the answer is taken.
    if (!fresh?.status || Date.parse(fresh.updatedAt ?? '') < Date.parse(entry.updatedAt ?? ''))
      return entry;
    const statusChanged = fresh.status !== entry.status;
    const touched = fresh.updatedAt !== undefined && fresh.updatedAt !== entry.updatedAt;
    const redacted = fresh.redacted === true && entry.redacted !== true;
    if (!statusChanged && !touched && !redacted && !entry.unlisted) return entry;
    if (statusChanged) {
      changes.push({
        id: entry.id,
        from: entry.status,
        to: fresh.status,
        referenceId: fresh.referenceId ?? entry.referenceId,
      });
    }
    // Answered again (the key of its environment is back): no longer unlisted.
    const { unlisted: _, ...kept } = entry;
    return {
      ...kept,
      status: fresh.status,
      ...(fresh.updatedAt ? { updatedAt: fresh.updatedAt } : {}),
      ...(fresh.referenceId ? { referenceId: fresh.referenceId } : {}),
      ...(fresh.redacted ? { redacted: true } : {}),
      ...(statusChanged ? { changedAt: now, seen: false } : {}),
    };
  });
  return { list: next, changes };
}

/** Entries Persona said it does not have (watch/cycle.ts); see WatchEntry's `unlisted`. */
export function markUnlisted(list: WatchEntry[], ids: readonly string[]): WatchEntry[] {
  return list.map((e) => (ids.includes(e.id) ? { ...e, unlisted: true } : e));
}

export function markSeen(list: WatchEntry[], ids: readonly string[]): WatchEntry[] {
  const wanted = new Set(ids);
  return list.map((e) => (wanted.has(e.id) && !e.seen ? { ...e, seen: true } : e));
}

/** Decided entries leave by themselves `hours` after their last change. */
export function forgetDecided(list: WatchEntry[], now: number, hours: number): WatchEntry[] {
  const cutoff = now - hours * 3_600_000;
  return list.filter((e) => !((isFinalStatus(e.status) || e.redacted) && e.changedAt < cutoff));
}

function capList(list: WatchEntry[]): WatchEntry[] {
  const overflow = list.length - WATCHLIST_CAP;
  if (overflow <= 0) return list;
  // 0: decided, 1: expired or not found, 2: can still change.
  const rank = (e: WatchEntry) => (isFinalStatus(e.status) || e.redacted ? 0 : isSlow(e) ? 1 : 2);
  const leaving = list
    .filter((e) => rank(e) < 2)
    .sort((a, b) => rank(a) - rank(b) || a.changedAt - b.changedAt)
    .slice(0, overflow);
  if (leaving.length < overflow) {
    throw deskError('invalid', 'watchlistFull', formatNumber(WATCHLIST_CAP));
  }
  const drop = new Set(leaving.map((e) => e.id));
  return list.filter((e) => !drop.has(e.id));
}
