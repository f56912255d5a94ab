// @vitest-environment happy-dom
import { renderHook, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/background/audit/append.ts';
import type { AuditEntry } from '../../../src/shared/audit/trail.ts';
import { sentAnswer, useSentAnswer } from '../../../src/ui/views/use-sent-answer.ts';

const entry = (seq: number, extra: Partial<AuditEntry>): AuditEntry =>
  ({
    seq,
    at: 1_000 * seq,
    reviewer: 'persona_sandbox_…1a2b',
    action: 'approve',
    outcome: 'ok',
    inquiryId: 'inq_A',
    prev: '',
    hash: '',
    ...extra,
  }) as AuditEntry;

describe('sentAnswer', () => {
  const approve = { action: 'approve' as const, sentAt: 2_000 };

  it('is refused when the newest answer since the send is a conflict, answered for any other', () => {
    const refused = entry(3, { outcome: 'error', errorKind: 'conflict' });
    expect(sentAnswer([entry(2, {}), refused], 'inq_A', approve)).toBe('refused');
    expect(sentAnswer([refused, entry(4, {})], 'inq_A', approve)).toBe('answered');
    // A stopped worker's or a 5xx's answer says nothing of someone else: the status decides.
    const stopped = entry(3, { outcome: 'error', errorKind: 'interrupted' });
    expect(sentAnswer([stopped], 'inq_A', approve)).toBe('answered');
  });

  it('waits while the log has no answer since the send for this inquiry and decision', () => {
    const before = entry(1, { outcome: 'error', errorKind: 'conflict' });
    const others = [entry(3, { inquiryId: 'inq_B' }), entry(4, { action: 'decline' })];
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

  it('waits from its first render, and hears the refusal once the log has it', async () => {
    const sentAt = Date.now();
    const hook = renderHook(() => useSentAnswer('inq_A', { ...left, sentAt }));
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
});
