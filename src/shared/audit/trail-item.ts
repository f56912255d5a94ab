import * as z from 'zod/mini';
import { defineItem } from '../define-item.ts';
import { type AuditTrail, auditEntrySchema, auditTrailSchema, checkpointSchema } from './trail.ts';

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
  (raw) => {
    if (typeof raw !== 'object' || raw === null || !Array.isArray((raw as AuditTrail).entries)) {
      return undefined;
    }
    const r = raw as Record<string, unknown> & { entries: unknown[] };
    const entries = r.entries.flatMap((e) => {
      const parsed = auditEntrySchema().safeParse(e);
      return parsed.success ? [parsed.data] : [];
    });
    const checkpoint = checkpointSchema().safeParse(r.checkpoint);
    const exported = z.number().safeParse(r.lastExportedAt);
    return {
      entries,
      ...(checkpoint.success ? { checkpoint: checkpoint.data } : {}),
      ...(exported.success ? { lastExportedAt: exported.data } : {}),
    };
  },
);
