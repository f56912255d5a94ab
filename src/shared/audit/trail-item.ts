import * as z from 'zod/mini';
import { defineItem, defineListItem, salvageWith } from '../define-item.ts';
import { AUDIT_PAGE_PREFIX } from './page-key.ts';
import {
  type AuditEntry,
  type AuditFacts,
  type AuditHead,
  auditEntrySchema,
  auditHeadSchema,
  auditPendingSchema,
  checkpointSchema,
  pageRefSchema,
} from './trail.ts';
import { salvageTrail } from './trail-salvage.ts';

/**
 * Writer: background (audit/append.ts). In storage.local: ids, actions, outcomes, times and the
 * reviewer's name, no personal data. The trail's head: its open page and the list of its closed
 * ones (trail.ts `auditHeadSchema`). Read entry by entry, so one damaged entry does not hide the
 * rest; the chain then fails to verify at that entry, which is what it should say.
 */
export const auditTrailItem = defineItem<AuditHead>(
  'local',
  'auditTrail',
  auditHeadSchema,
  () => ({ entries: [] }),
  salvageWith(salvageTrail, () => ({
    entry: auditEntrySchema(),
    page: pageRefSchema(),
    checkpoint: checkpointSchema(),
    time: z.number(),
  })),
);

/**
 * Writer: background (audit/append.ts). One closed page of the trail, under a key of its own
 * (`auditTrailPage:<its first seq>`, see `keyedItem`): written once, whole, and never changed until
 * it is dropped. This is the template the pages are made from; its own key is never written.
 */
export const auditPageItem = defineListItem<AuditEntry>(
  'local',
  AUDIT_PAGE_PREFIX,
  auditEntrySchema,
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
