// Appends to the audit trail, one entry at a time: each entry's hash depends on the one before,
// so appends are serialised (as edit-item.ts does for plain edits, but with an async step).

import { chainEntry, GENESIS_HASH } from '../../shared/audit/chain.ts';
import type { AuditFacts } from '../../shared/audit/trail.ts';
import { DeskError } from '../../shared/errors.ts';
import { auditTrailItem } from '../../shared/generated/stored-items.ts';
import { t } from '../../shared/i18n.ts';
import { readItemChecked, writeItem } from '../../shared/storage.ts';

/** Past this many entries the oldest are dropped, a batch at a time, behind a checkpoint. */
export const AUDIT_LIMITS = { max: 2000, dropBatch: 500 };

let queue: Promise<unknown> = Promise.resolve();

function serial<R>(task: () => Promise<R>): Promise<R> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

async function readTrail() {
  const { value, unreadable } = await readItemChecked(auditTrailItem);
  if (unreadable) {
    throw new DeskError({
      kind: 'internal',
      message: t('activityLogUnreadable'),
    });
  }
  return value;
}

export function appendAudit(facts: AuditFacts, limits = AUDIT_LIMITS): Promise<void> {
  return serial(async () => {
    const trail = await readTrail();
    const last = trail.entries.at(-1);
    const prevHash = last?.hash ?? trail.checkpoint?.hash ?? GENESIS_HASH;
    const seq = last ? last.seq + 1 : (trail.checkpoint?.dropped ?? 0);
    let entries = [...trail.entries, await chainEntry(facts, seq, prevHash)];
    let checkpoint = trail.checkpoint;
    if (entries.length > limits.max) {
      const dropped = entries.slice(0, limits.dropBatch);
      entries = entries.slice(limits.dropBatch);
      const lastDropped = dropped.at(-1);
      if (lastDropped) {
        checkpoint = { hash: lastDropped.hash, dropped: lastDropped.seq + 1, droppedAt: facts.at };
      }
    }
    await writeItem(auditTrailItem, { ...trail, entries, ...(checkpoint ? { checkpoint } : {}) });
  });
}

export function markAuditExported(at: number): Promise<void> {
  return serial(async () => {
    const trail = await readTrail();
    await writeItem(auditTrailItem, { ...trail, lastExportedAt: at });
  });
}
