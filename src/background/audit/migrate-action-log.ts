// Storage version 3: the plain action log (newest first, no hashes) becomes the start of the
// hash-chained audit trail, oldest first, and the old item goes.

import { auditActions } from '../../shared/audit/chain.ts';
import type { AuditAction } from '../../shared/audit/trail.ts';
import { browser } from '../../shared/browser.ts';
import { appendAudit } from './append.ts';

interface OldEntry {
  at?: unknown;
  inquiryId?: unknown;
  action?: unknown;
  by?: unknown;
  outcome?: unknown;
}

const isAction = (a: unknown): a is AuditAction => (auditActions as readonly unknown[]).includes(a);

export async function migrateActionLog(): Promise<void> {
  const { actionLog } = await browser.storage.local.get('actionLog');
  const old = Array.isArray(actionLog) ? (actionLog as OldEntry[]) : [];
  for (const entry of [...old].reverse()) {
    if (typeof entry?.at !== 'number' || !isAction(entry.action)) continue;
    await appendAudit({
      at: entry.at,
      reviewer: typeof entry.by === 'string' ? entry.by.slice(0, 200) : 'unknown',
      action: entry.action,
      outcome: entry.outcome === 'ok' ? 'ok' : 'error',
      ...(typeof entry.inquiryId === 'string' ? { inquiryId: entry.inquiryId.slice(0, 100) } : {}),
    });
  }
  await browser.storage.local.remove('actionLog');
}
