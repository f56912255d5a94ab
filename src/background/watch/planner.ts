// What a poll cycle asks Persona: the watched inquiries that can still change, 100 per request,
// which is the largest page `GET /inquiries` allows (docs/persona.md#lists-and-pagination). Pure,
// so the request budget (docs/architecture.md#budgets: ⌈N / 100⌉ per cycle, 0 when nothing can
// change) is tested without I/O.
import { isFinalStatus } from '../../shared/persona/status.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';

/** `page[size]` maximum, and so the most ids one `filter[inquiry-id]` request can answer. */
export const BATCH_SIZE = 100;

/** Only what change detection compares: no other attribute crosses the wire. */
export const POLL_FIELDS = { inquiry: ['status', 'updated-at', 'reference-id', 'redacted-at'] };

/**
 * Expired inquiries change only when someone resumes them (a reviewer, a workflow, the customer's
 * backend), so they are asked about at this interval instead of every cycle, but never dropped.
 */
export const SLOW_POLL_MS = 15 * 60_000;

/**
 * Approved and declined are decisions that do not move on their own; everything else, failed,
 * expired and completed included, and any status Persona adds later, can still change
 * (https://docs.withpersona.com/model-lifecycle).
 */
export function canStillChange(status: string): boolean {
  return !isFinalStatus(status);
}

/** Decided or redacted: the watch of this entry is over. */
export function isSettled(entry: Pick<WatchEntry, 'status' | 'redacted'>): boolean {
  return entry.redacted === true || isFinalStatus(entry.status);
}

/**
 * Polled every {@link SLOW_POLL_MS} only: expired, which changes rarely, and one Persona said it
 * does not have (`unlisted`), which an answer may bring back when the key of its environment is.
 */
export function isSlow(entry: Pick<WatchEntry, 'status' | 'unlisted'>): boolean {
  return entry.unlisted === true || entry.status === 'expired';
}

/** Whether this cycle should include the slow statuses: never asked, due, or the clock went back. */
export function isSlowDue(slowPolledAt: number | undefined, now: number): boolean {
  if (slowPolledAt === undefined || now < slowPolledAt) return true;
  return now - slowPolledAt >= SLOW_POLL_MS;
}

/**
 * Ids to ask about, {@link BATCH_SIZE} at a time; empty when nothing can change. `includeSlow`:
 * the slow ones too (see {@link isSlow}, {@link isSlowDue}).
 */
export function planBatches(entries: readonly WatchEntry[], includeSlow = true): string[][] {
  const wanted = entries.filter((e) => !isSettled(e) && (includeSlow || !isSlow(e)));
  const ids = [...new Set(wanted.map((e) => e.id))];
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH_SIZE) batches.push(ids.slice(i, i + BATCH_SIZE));
  return batches;
}

/** The cycle's plan: its batches, and whether they ask about slow ones (expired, not found). */
export function planCycle(
  entries: readonly WatchEntry[],
  slowPolledAt: number | undefined,
  now: number,
): { batches: string[][]; asksSlow: boolean } {
  const includeSlow = isSlowDue(slowPolledAt, now);
  const batches = planBatches(entries, includeSlow);
  const asksSlow = includeSlow && entries.some((e) => !isSettled(e) && isSlow(e));
  return { batches, asksSlow };
}
