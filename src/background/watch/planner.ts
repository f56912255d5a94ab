// What a poll cycle asks Persona: the watched inquiries that can still change, 100 per request,
// which is the largest page `GET /inquiries` allows (docs/persona.md#lists-and-pagination). Pure,
// so the request budget (docs/architecture.md#budgets: ⌈N / 100⌉ per cycle, 0 when nothing can
// change) is tested without I/O.
import { isFinalStatus } from '../../shared/persona/status.ts';
import type { WatchEntry } from '../../shared/storage-items.ts';

/** `page[size]` maximum, and so the most ids one `filter[inquiry-id]` request can answer. */
export const BATCH_SIZE = 100;

/** Only what change detection compares: no other attribute crosses the wire. */
export const POLL_FIELDS = { inquiry: ['status', 'updated-at', 'reference-id'] };

/**
 * Approved, declined and failed are decisions that do not move on their own; everything else,
 * expired and completed included, and any status Persona adds later, can still change
 * (https://docs.withpersona.com/model-lifecycle).
 */
export function canStillChange(status: string): boolean {
  return !isFinalStatus(status);
}

/** Ids to ask about, grouped `size` at a time; empty when nothing can change. */
export function planBatches(entries: readonly WatchEntry[], size = BATCH_SIZE): string[][] {
  const ids = [...new Set(entries.filter((e) => canStillChange(e.status)).map((e) => e.id))];
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  return batches;
}
