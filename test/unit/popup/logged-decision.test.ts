import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/shared/audit/trail.ts';
import { loggedDecision } from '../../../src/ui/evidence/logged-decision.ts';

const entry = (seq: number, extra: Partial<AuditEntry>): AuditEntry =>
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

describe('loggedDecision', () => {
  const entries = [
    entry(1, { action: 'decline' }),
    entry(2, {}),
    entry(3, { outcome: 'error' }),
    entry(4, { inquiryId: 'inq_B' }),
    entry(5, { action: 'photosShown' }),
  ];

  it('finds the newest entry that made the decision the inquiry shows, and only one that worked', () => {
    expect(loggedDecision(entries, 'inq_A', 'approved')?.seq).toBe(2);
    expect(loggedDecision(entries, 'inq_A', 'declined')?.seq).toBe(1);
    expect(loggedDecision(entries, 'inq_B', 'approved')?.seq).toBe(4);
  });

  it('finds none for an inquiry not decided here, or a status that is no decision', () => {
    expect(loggedDecision(entries, 'inq_C', 'approved')).toBeUndefined();
    expect(loggedDecision(entries, 'inq_B', 'declined')).toBeUndefined();
    expect(loggedDecision(entries, 'inq_A', 'needs_review')).toBeUndefined();
  });
});
