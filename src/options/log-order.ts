// The activity log's table reads by its "When" column. The chain keeps entries in the order they
// were recorded, and that can differ: a create is stamped at its click, and one the background
// finished after a restart is recorded then, after entries made in between (an unlock). An
// auditor reading times out of order would take the log for a wrong one, so the table lists by
// time and marks the entries recorded out of their time's place; the exports keep chain order.
import type { AuditEntry } from '../shared/audit/trail.ts';

export interface ShownEntry {
  entry: AuditEntry;
  /** Recorded after an entry with a later time: its place in the exports is below that one's. */
  recordedLater: boolean;
}

// The table shows times to the second, and an entry is stamped a few milliseconds before it is
// written (the reviewer is read in between), so another can be written first: only an entry
// recorded a whole second or more out of its place is marked.
const SLACK_MS = 1000;

/**
 * The `count` newest entries by time, newest first (the later recorded first on a tie): a table
 * that reads by time shows an unbroken stretch of it, also when an entry recorded late is older
 * than some of the entries recorded before it.
 */
export function newestFirst(entries: readonly AuditEntry[], count: number): ShownEntry[] {
  let latestAt = Number.NEGATIVE_INFINITY;
  const shown = entries.map((entry) => {
    const recordedLater = entry.at <= latestAt - SLACK_MS;
    latestAt = Math.max(latestAt, entry.at);
    return { entry, recordedLater };
  });
  return shown.sort((a, b) => b.entry.at - a.entry.at || b.entry.seq - a.entry.seq).slice(0, count);
}
