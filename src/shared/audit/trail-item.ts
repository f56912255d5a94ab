import * as z from 'zod/mini';
import { defineItem, salvageWith } from '../define-item.ts';
import {
  type AuditFacts,
  type AuditTrail,
  auditEntrySchema,
  auditPendingSchema,
  auditTrailSchema,
  checkpointSchema,
} from './trail.ts';
import { salvageTrail } from './trail-salvage.ts';

/**
 * Writer: background (audit/append.ts). In storage.local: ids, actions, outcomes, times and the
 * reviewer's name, no personal data. Read entry by entry, so one damaged entry does not hide the
 * rest; the chain then fails to verify at that entry, which is what it should say.
 */
export const auditTrailItem = defineItem<AuditTrail>(
  'local',
  'auditTrail',
  auditTrailSchema,
  () => ({ entries: [] }),
  salvageWith(salvageTrail, () => ({
    entry: auditEntrySchema(),
    checkpoint: checkpointSchema(),
    time: z.number(),
  })),
);

/**
 * Writer: background (audit/pending.ts). Each audited action while it runs, as the entry it gets
 * if its answer never comes: a worker stopped in the middle of one logs it "interrupted" at its
 * next start. In storage.local, beside the trail, so a browser that crashed meanwhile logs it too.
 */
export const auditPendingItem = defineItem<Record<string, AuditFacts>>(
  'local',
  'auditPending',
  auditPendingSchema,
  () => ({}),
);
