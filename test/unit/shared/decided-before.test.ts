import { describe, expect, it } from 'vitest';
import { CLOCK_SLACK_MS, decidedBefore } from '../../../src/shared/persona/decided-before.ts';

// Persona's clock when the request reached it, as the desk works it out: an answer's `Date`, less
// the time since the request was sent.
const answerDate = Date.parse('2026-12-04T12:00:01Z');
const since = 1_000;
const reached = answerDate - since;
const at = (ms: number) => new Date(reached + ms).toISOString();

describe('decidedBefore', () => {
  it('is a decision Persona timed before the request reached it, past the slack', () => {
    expect(decidedBefore('approved', 'approved', at(-CLOCK_SLACK_MS - 1), answerDate, since)).toBe(
      true,
    );
    expect(decidedBefore('declined', 'declined', at(-60_000), answerDate, since)).toBe(true);
  });

  it('is not one within the slack, or after: that may be the request’s own', () => {
    expect(decidedBefore('approved', 'approved', at(-CLOCK_SLACK_MS), answerDate, since)).toBe(
      false,
    );
    expect(decidedBefore('approved', 'approved', at(150), answerDate, since)).toBe(false);
  });

  it('goes by Persona’s clock alone: without its Date, no', () => {
    expect(decidedBefore('approved', 'approved', at(-60_000), undefined, since)).toBe(false);
  });

  it('is not one without a decision time to tell by, or with another status', () => {
    expect(decidedBefore('approved', 'approved', undefined, answerDate, since)).toBe(false);
    expect(decidedBefore('approved', 'approved', 'not a time', answerDate, since)).toBe(false);
    expect(decidedBefore('declined', 'approved', at(-60_000), answerDate, since)).toBe(false);
  });
});
