// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { appendAudit } from '../../../src/background/audit/append.ts';
import type { AuditEntry } from '../../../src/shared/audit/trail.ts';
import { CLOCK_SLACK_MS } from '../../../src/shared/persona/decided-before.ts';
import { loggedDecision, useLoggedDecision } from '../../../src/ui/evidence/logged-decision.ts';
import { auditEntry } from './audit-fixtures.ts';

const NOW = 1_000_000;

describe('loggedDecision', () => {
  const entries = [
    auditEntry(1, { action: 'decline' }),
    auditEntry(2, {}),
    auditEntry(3, { outcome: 'error' }),
    auditEntry(4, { inquiryId: 'inq_B' }),
    auditEntry(5, { action: 'photosShown' }),
  ];

  it('finds the newest entry that made the decision the inquiry shows, and only one that worked', () => {
    expect(loggedDecision(entries, 'inq_A', 'approved', NOW)?.seq).toBe(2);
    expect(loggedDecision(entries, 'inq_A', 'declined', NOW)?.seq).toBe(1);
    expect(loggedDecision(entries, 'inq_B', 'approved', NOW)?.seq).toBe(4);
  });

  it('finds none sent after Persona had decided (a repeat, answered as done), past the clock slack', () => {
    // Entry 2, the approve, was sent at 2,000 ms.
    expect(loggedDecision(entries, 'inq_A', 'approved', 2_000 - CLOCK_SLACK_MS)?.seq).toBe(2);
    expect(
      loggedDecision(entries, 'inq_A', 'approved', 2_000 - CLOCK_SLACK_MS - 1),
    ).toBeUndefined();
  });

  it('finds none for an inquiry not decided here, or a status that is no decision', () => {
    expect(loggedDecision(entries, 'inq_C', 'approved', NOW)).toBeUndefined();
    expect(loggedDecision(entries, 'inq_B', 'declined', NOW)).toBeUndefined();
    expect(loggedDecision(entries, 'inq_A', 'needs_review', NOW)).toBeUndefined();
  });
});

describe('useLoggedDecision', () => {
  const small = { max: 2000, dropPages: 5, pageSize: 3 };
  const facts = (action: AuditEntry['action'], inquiryId: string, at: number) => ({
    at,
    reviewer: 'persona_sandbox_…1a2b',
    inquiryId,
    action,
    outcome: 'ok' as const,
  });

  it('finds a decision in the open page with one read, and one in a closed page too', async () => {
    await appendAudit(facts('decline', 'inq_Old', 1), small);
    for (let i = 0; i < 4; i++) await appendAudit(facts('photosShown', `inq_${i}`, 2 + i), small);
    await appendAudit(facts('approve', 'inq_New', 10), small);
    // The old decline is in a closed page by now; the approve in the open one.
    const head = (await fakeBrowser.storage.local.get('auditTrail')).auditTrail as {
      entries: AuditEntry[];
      pages?: unknown[];
    };
    expect(head.pages?.length).toBeGreaterThan(0);
    expect(head.entries.some((e) => e.inquiryId === 'inq_Old')).toBe(false);

    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const recent = renderHook(() => useLoggedDecision('inq_New', 'approved', 10));
    await waitFor(() => expect(recent.result.current?.at).toBe(10));
    // The head alone: no page was asked for.
    expect(get.mock.calls.flatMap(([keys]) => [keys].flat())).toEqual(['auditTrail']);

    const older = renderHook(() => useLoggedDecision('inq_Old', 'declined', 1));
    await waitFor(() => expect(older.result.current?.at).toBe(1));
    expect(renderHook(() => useLoggedDecision('inq_Old', 'approved', 1)).result.current).toBe(
      undefined,
    );
  });
});
