import { describe, expect, it } from 'vitest';
import { MAX_DECISION_DRAFTS } from '../../../src/shared/storage-items.ts';
import { withDecision } from '../../../src/ui/components/decision-drafts.ts';

const decline = (comment: string) => ({ action: 'decline' as const, comment });

describe('withDecision', () => {
  it("sets one inquiry's confirmation and leaves the others", () => {
    const one = withDecision(undefined, 'inq_A', decline('a'));
    const two = withDecision(one, 'inq_B', decline('b'));
    expect(two).toEqual([
      { inquiryId: 'inq_A', ...decline('a') },
      { inquiryId: 'inq_B', ...decline('b') },
    ]);
    expect(withDecision(two, 'inq_A')).toEqual([{ inquiryId: 'inq_B', ...decline('b') }]);
    expect(withDecision(two, 'inq_C')).toEqual(two);
  });

  it('keeps the newest, the one just set last, and no more than the cap', () => {
    let decisions: ReturnType<typeof withDecision> | undefined;
    for (let i = 0; i < MAX_DECISION_DRAFTS + 5; i++) {
      decisions = withDecision(decisions, `inq_${i}`, decline(String(i)));
    }
    // inq_0 to inq_4 went; inq_6, typed again, is now the newest.
    decisions = withDecision(decisions, 'inq_6', decline('6 again'));
    const ids = (decisions ?? []).map((d) => d.inquiryId);
    expect(ids).toHaveLength(MAX_DECISION_DRAFTS);
    expect(ids.at(-1)).toBe('inq_6');
    expect(ids[0]).toBe('inq_5');
    expect(decisions?.at(-1)?.comment).toBe('6 again');
  });

  it('over the bound, drops a sent one (its page closed before the answer) before any comment', () => {
    let decisions: ReturnType<typeof withDecision> | undefined = withDecision(
      undefined,
      'inq_old',
      decline('unsent, oldest'),
    );
    decisions = withDecision(decisions, 'inq_sent', { ...decline('sent'), sent: true });
    for (let i = 0; i < MAX_DECISION_DRAFTS - 2; i++) {
      decisions = withDecision(decisions, `inq_${i}`, decline(String(i)));
    }
    decisions = withDecision(decisions, 'inq_new', decline('new'));
    const ids = decisions.map((d) => d.inquiryId);
    expect(ids).toHaveLength(MAX_DECISION_DRAFTS);
    expect(ids).toContain('inq_old');
    expect(ids).not.toContain('inq_sent');
  });
});
