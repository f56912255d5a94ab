import type { AuditEntry } from '../../../src/shared/audit/trail.ts';

/** An activity-log entry for the readers' tests: an approve on inq_A at `seq` seconds, unchained. */
export const auditEntry = (seq: number, extra: Partial<AuditEntry>): AuditEntry =>
  ({
    seq,
    at: 1_000 * seq,
    reviewer: `reviewer-${seq}`,
    action: 'approve',
    outcome: 'ok',
    inquiryId: 'inq_A',
    prev: '',
    hash: '',
    ...extra,
  }) as AuditEntry;
