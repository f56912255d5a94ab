// Where an appended entry goes in the stored trail, pure: the open page takes it; a full open page
// closes, to be stored apart and never written again; past the limit, the oldest closed pages go
// behind a checkpoint. So an append writes the head and at most one page, whatever the trail's
// length: with the whole trail in one item, each action read and wrote all of it (some 580 KB at
// 2,000 entries, a quarter of a second an action).
import { auditPageKey } from '../../shared/audit/page-key.ts';
import type { AuditEntry, AuditHead } from '../../shared/audit/trail.ts';

export interface AuditLimits {
  /** Past this many entries the oldest closed pages are dropped, */
  max: number;
  /** this many at a time, */
  dropPages: number;
  /** each of this many entries. */
  pageSize: number;
}

/** What to store after an append: the head, the page it closed by its key, the keys to remove. */
export interface PagedAppend {
  head: AuditHead;
  closed?: Record<string, AuditEntry[]>;
  dropped: string[];
}

export function placeEntry(
  head: AuditHead,
  entry: AuditEntry,
  { max, dropPages, pageSize }: AuditLimits,
  now: number,
): PagedAppend {
  const pages = [...(head.pages ?? [])];
  const entries = [...head.entries, entry];
  let closed: PagedAppend['closed'];
  // Closed once it overflows, so the open page always holds the last entry, which the next one
  // chains from. A trail written before pages closes all its pages at its first append (and
  // writes them all, even one it drops at once: the removal follows).
  while (entries.length > pageSize) {
    const page = entries.splice(0, pageSize);
    const first = (page[0] as AuditEntry).seq;
    pages.push({ first, lastHash: (page[pageSize - 1] as AuditEntry).hash });
    closed = { ...closed, [auditPageKey(first)]: page };
  }
  // `pages` itself: the drop below takes the oldest from it.
  const next: AuditHead = { ...head, pages, entries };
  // Entries are numbered without gaps: the first one kept is the first of the oldest page left,
  // or of the open page.
  const firstKept = () => pages[0]?.first ?? (entries[0] as AuditEntry).seq;
  const gone = entry.seq - firstKept() < max ? [] : pages.splice(0, dropPages);
  const last = gone.at(-1);
  if (last) next.checkpoint = { hash: last.lastHash, dropped: firstKept(), droppedAt: now };
  return { head: next, closed, dropped: gone.map((page) => auditPageKey(page.first)) };
}
