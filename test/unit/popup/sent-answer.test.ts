// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/background/audit/append.ts';
import type { AuditEntry } from '../../../src/shared/audit/trail.ts';
import {
  ANSWER_WITHIN_MS,
  sentAnswer,
  useSentAnswer,
} from '../../../src/ui/views/use-sent-answer.ts';
import { auditEntry } from './audit-fixtures.ts';

describe('sentAnswer', () => {
  const approve = { action: 'approve' as const, sentAt: 2_000 };

  it('is refused when the newest answer since the send is a conflict, answered when it is made', () => {
    const refused = auditEntry(3, { outcome: 'error', errorKind: 'conflict' });
    expect(sentAnswer([auditEntry(2, {}), refused], 'inq_A', approve)).toBe('refused');
    expect(sentAnswer([refused, auditEntry(4, {})], 'inq_A', approve)).toBe('answered');
  });

  it('is lost when a stopped worker or a 5xx took the answer, failed for any other error, with why where it helps', () => {
    // Neither says anything of someone else: the status decides whether it was made.
    for (const errorKind of ['interrupted', 'server', 'network', 'timeout']) {
      const lost = auditEntry(3, { outcome: 'error', errorKind });
      expect(sentAnswer([lost], 'inq_A', approve)).toBe('lost');
    }
    const invalid = auditEntry(3, { outcome: 'error', errorKind: 'invalid' });
    expect(sentAnswer([invalid], 'inq_A', approve)).toBe('failed');
    // Why, where the reviewer can do something about it.
    for (const [errorKind, why] of [
      ['unauthorized', 'keyRefused'],
      ['no_key', 'keyRefused'],
      ['rate_limited', 'limited'],
      ['quota_exceeded', 'limited'],
    ]) {
      const entry = auditEntry(3, { outcome: 'error', errorKind });
      expect(sentAnswer([entry], 'inq_A', approve)).toBe(why);
    }
  });

  it('waits while the log has no answer since the send for this inquiry and decision', () => {
    const before = auditEntry(1, { outcome: 'error', errorKind: 'conflict' });
    const others = [auditEntry(3, { inquiryId: 'inq_B' }), auditEntry(4, { action: 'decline' })];
    expect(sentAnswer([before, ...others], 'inq_A', approve)).toBe('waiting');
  });
});

describe('useSentAnswer', () => {
  const left = { inquiryId: 'inq_A', action: 'approve' as const, comment: 'ok', sent: true };

  it('asks nothing of a confirmation not sent, or sent without its time', () => {
    const { action, comment, inquiryId } = left;
    expect(renderHook(() => useSentAnswer('inq_A', undefined)).result.current).toBeUndefined();
    const unsent = { inquiryId, action, comment, sentAt: 5 };
    expect(renderHook(() => useSentAnswer('inq_A', unsent)).result.current).toBeUndefined();
    expect(renderHook(() => useSentAnswer('inq_A', left)).result.current).toBeUndefined();
  });

  it('waits from its first render while the decision is under way, and hears the refusal once the log has it', async () => {
    const sentAt = Date.now();
    const mark = { at: sentAt, reviewer: 'persona_sandbox_…1a2b', action: 'approve' };
    await fakeBrowser.storage.local.set({
      auditPending: { 'life-1:1': { ...mark, inquiryId: 'inq_A', outcome: 'error' } },
    });
    const hook = renderHook(() => useSentAnswer('inq_A', { ...left, sentAt }));
    // Not read yet: held as waiting is.
    expect(hook.result.current).toBe('reading');
    await waitFor(() => expect(hook.result.current).toBe('waiting'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hook.result.current).toBe('waiting');
    await appendAudit({
      at: sentAt + 300,
      reviewer: 'persona_sandbox_…1a2b',
      inquiryId: 'inq_A',
      action: 'approve',
      outcome: 'error',
      errorKind: 'conflict',
    });
    await waitFor(() => expect(hook.result.current).toBe('refused'));
  });

  it('stops waiting for a mark older than any request takes: its worker stopped and logged nothing', async () => {
    const sentAt = Date.now() - ANSWER_WITHIN_MS - 1_000;
    const mark = { at: sentAt, reviewer: 'persona_sandbox_…1a2b', action: 'approve' };
    await fakeBrowser.storage.local.set({
      auditPending: { 'life-1:1': { ...mark, inquiryId: 'inq_A', outcome: 'error' } },
    });
    const hook = renderHook(() => useSentAnswer('inq_A', { ...left, sentAt }));
    await waitFor(() => expect(hook.result.current).toBe('answered'));
  });

  it('goes by the status when the log has no answer and nothing is under way', async () => {
    // Sent once: a time read in the render callback would be a new send at each render.
    const sent = { ...left, sentAt: Date.now() };
    const hook = renderHook(() => useSentAnswer('inq_A', sent));
    await waitFor(() => expect(hook.result.current).toBe('answered'), { timeout: 5_000 });
  });

  it('finds an answer in a page the log closed just after it', async () => {
    const sentAt = Date.now();
    const small = { max: 2000, dropPages: 5, pageSize: 3 };
    const facts = (action: 'approve' | 'photosShown', at: number, conflict = false) => ({
      at,
      reviewer: 'persona_sandbox_…1a2b',
      inquiryId: 'inq_A',
      action,
      outcome: conflict ? ('error' as const) : ('ok' as const),
      ...(conflict ? { errorKind: 'conflict' } : {}),
    });
    // A create logged at its click, before the send, then the refusal, then the page fills.
    await appendAudit(facts('approve', sentAt + 200, true), small);
    for (let i = 0; i < 4; i++) await appendAudit(facts('photosShown', sentAt - 1_000), small);
    const head = (await fakeBrowser.storage.local.get('auditTrail')).auditTrail as {
      entries: AuditEntry[];
      pages?: unknown[];
    };
    expect(head.pages?.length).toBeGreaterThan(0);
    expect(head.entries.some((e) => e.action === 'approve')).toBe(false);
    const hook = renderHook(() => useSentAnswer('inq_A', { ...left, sentAt }));
    await waitFor(() => expect(hook.result.current).toBe('refused'));
  });
});
