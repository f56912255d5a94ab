// Appends to the audit trail, one entry at a time: each entry's hash depends on the one before,
// so appends are edits of the trail's head, one after another (edit-item.ts). The trail is stored
// in pages (paging.ts): an append reads and writes the head, and now and then one page.

import { chainEntry, GENESIS_HASH } from '../../shared/audit/chain.ts';
import type { AuditFacts } from '../../shared/audit/trail.ts';
import { browser } from '../../shared/browser.ts';
import { auditTrailItem } from '../../shared/generated/stored-items.ts';
import { editItem, updateItem } from '../edit-item.ts';
import { type AuditLimits, placeEntry } from './paging.ts';

/** Past 2,000 entries the oldest are dropped, 500 at a time, behind a checkpoint. */
export const AUDIT_LIMITS: AuditLimits = { max: 2000, dropPages: 5, pageSize: 100 };

export async function appendAudit(facts: AuditFacts, limits = AUDIT_LIMITS): Promise<void> {
  const dropped = await editItem(auditTrailItem, async (head) => {
    const last = head.entries.at(-1);
    const seq = last ? last.seq + 1 : (head.checkpoint?.dropped ?? 0);
    const entry = await chainEntry(facts, seq, last?.hash ?? head.checkpoint?.hash ?? GENESIS_HASH);
    // Dropped now, whatever time the entry records (a create is logged at its click).
    const next = placeEntry(head, entry, limits, Date.now());
    // Before the head lists it: a stop in between leaves a page nothing lists, and the head its
    // entries, which the next append closes into the same page again.
    if (next.closed) await browser.storage.local.set(next.closed);
    return { value: next.head, result: next.dropped };
  });
  // After the head no longer lists them: a stop in between leaves pages nothing lists, not a gap.
  if (dropped[0]) await browser.storage.local.remove(dropped);
}

export function markAuditExported(at: number): Promise<void> {
  return updateItem(auditTrailItem, (head) => ({ ...head, lastExportedAt: at }));
}
