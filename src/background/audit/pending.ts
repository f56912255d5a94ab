// Audited actions under way. The trail is written with an action's answer, so an action whose
// worker Chrome stopped before the answer came would leave no entry at all, though Persona may
// have done it. Each is marked in storage before it runs and unmarked once logged; the next
// worker logs what its predecessor left as "interrupted": the desk never saw how it ended. A
// create needs no mark: its own record (create/pending-creates.ts) lets the next worker finish
// it and log how it ended.
import { type AuditFacts, INTERRUPTED } from '../../shared/audit/chain.ts';
import { auditPendingItem } from '../../shared/generated/stored-items.ts';
import { readItem } from '../../shared/storage.ts';
import { setEntry, updateItem } from '../edit-item.ts';
import { appendAudit } from './append.ts';

// Which worker's life a mark was made in: this worker's own are not leftovers.
const life = crypto.randomUUID();

/** Sets the mark to `facts`, or removes it. */
const setMark = (mark: string, facts?: AuditFacts) =>
  updateItem(auditPendingItem, setEntry(mark, facts));

/** Marks an action as under way, as it started; returns what unmarks it. */
export async function markPending(
  started: Pick<AuditFacts, 'at' | 'reviewer' | 'action' | 'inquiryId' | 'details'>,
): Promise<() => Promise<void>> {
  const mark = `${life} ${crypto.randomUUID()}`;
  await setMark(mark, { ...started, outcome: 'error', errorKind: INTERRUPTED });
  return () => setMark(mark);
}

/** Logs each action an earlier worker left under way, then unmarks it. */
export async function logInterrupted(): Promise<void> {
  for (const [mark, facts] of Object.entries(await readItem(auditPendingItem))) {
    if (mark.startsWith(life)) continue;
    // Logged first: a stop between the two logs it twice rather than not at all.
    await appendAudit(facts);
    await setMark(mark);
  }
}
