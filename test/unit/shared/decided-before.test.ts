import { describe, expect, it } from 'vitest';
import { CLOCK_SLACK_MS, decidedBefore } from '../../../src/shared/persona/decided-before.ts';

const sentAt = Date.parse('2026-12-04T12:00:00Z');
const at = (ms: number) => new Date(sentAt + ms).toISOString();

describe('decidedBefore', () => {
  it('is a decision Persona timed earlier than the request, past the clocks’ slack', () => {
    expect(decidedBefore('approved', 'approved', at(-CLOCK_SLACK_MS - 1), sentAt)).toBe(true);
    expect(decidedBefore('declined', 'declined', at(-60_000), sentAt)).toBe(true);
  });

  it('is not one within the slack, or after the request: that may be the request’s own', () => {
    expect(decidedBefore('approved', 'approved', at(-CLOCK_SLACK_MS), sentAt)).toBe(false);
    expect(decidedBefore('approved', 'approved', at(150), sentAt)).toBe(false);
  });

  it('is not one without a time to tell by, or with another status', () => {
    expect(decidedBefore('approved', 'approved', undefined, sentAt)).toBe(false);
    expect(decidedBefore('approved', 'approved', 'not a time', sentAt)).toBe(false);
    expect(decidedBefore('declined', 'approved', at(-60_000), sentAt)).toBe(false);
  });
});
