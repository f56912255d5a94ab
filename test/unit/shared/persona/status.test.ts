// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeStatus, isFinalStatus } from '../../../../src/shared/persona/status.ts';
import { allowedActions } from '../../../../src/shared/persona/status-actions.ts';
import { verificationTone } from '../../../../src/ui/components/verification-tone.ts';

describe('inquiry statuses', () => {
  it('labels every documented status and says which are final', () => {
    const rows = [
      'created',
      'pending',
      'completed',
      'failed',
      'expired',
      'needs_review',
      'approved',
      'declined',
    ].map((status) => [status, describeStatus(status).label, isFinalStatus(status)]);
    expect(rows).toEqual([
      ['created', 'Created, not started yet', false],
      ['pending', 'In progress', false],
      ['completed', 'Completed, awaiting decision', false],
      ['failed', 'Failed', false],
      ['expired', 'Expired, can be resumed', false],
      ['needs_review', 'Needs review', false],
      ['approved', 'Approved', true],
      ['declined', 'Declined', true],
    ]);
  });

  it('shows an unknown status as it is and keeps watching it', () => {
    expect(describeStatus('on_hold_by_ops')).toEqual({
      label: 'On hold by ops',
      tone: 'neutral',
      final: false,
    });
    expect(describeStatus('').label).toBe('Unknown');
  });

  it('offers the actions each status allows', () => {
    expect(allowedActions('created')).toMatchObject({
      newLink: true,
      approve: true,
      decline: true,
    });
    expect(allowedActions('expired')).toMatchObject({
      newLink: true,
      resumeBeforeNewLink: true,
      approve: true,
      decline: true,
    });
    expect(allowedActions('completed')).toMatchObject({
      approve: true,
      decline: true,
      markForReview: true,
      newLink: false,
    });
    expect(allowedActions('needs_review')).toMatchObject({
      approve: true,
      decline: true,
      markForReview: false,
    });
    // Persona sets no status limit on approve and decline: every undecided status offers both.
    for (const status of ['created', 'pending', 'expired', 'completed', 'failed', 'needs_review']) {
      expect(allowedActions(status)).toMatchObject({ approve: true, decline: true });
    }
    expect(Object.values(allowedActions('approved')).some(Boolean)).toBe(false);
    expect(Object.values(allowedActions('declined')).some(Boolean)).toBe(false);
    expect(allowedActions('something_new')).toMatchObject({
      approve: true,
      decline: true,
    });
    expect(Object.values(allowedActions('pending', true)).some(Boolean)).toBe(false);
  });
});

describe('verification tones', () => {
  it('gives verification and check statuses a tone', () => {
    expect(verificationTone('passed')).toBe('success');
    expect(verificationTone('failed')).toBe('danger');
    expect(verificationTone('requires_retry')).toBe('warning');
    expect(verificationTone('not_applicable')).toBe('neutral');
    expect(verificationTone('invented')).toBe('neutral');
  });
});
