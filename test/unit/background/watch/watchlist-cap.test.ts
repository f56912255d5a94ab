// The watchlist's cap (watchlist-logic.ts): at 1,000 entries the oldest decided leave first, then
// the oldest expired; an inquiry that can still change never leaves unsaid: the new one is refused.
import { describe, expect, it } from 'vitest';
import { addEntry, WATCHLIST_CAP } from '../../../../src/background/watch/watchlist-logic.ts';
import { entries, entry, inquiryId, summary, T0 } from './fixtures.ts';

const full = (last: ReturnType<typeof entry>[]) => [
  ...entries(WATCHLIST_CAP - last.length, 'pending'),
  ...last,
];

describe('the watchlist at its cap', () => {
  it('lets the oldest decided entry go for a new one', () => {
    const list = full([
      entry(5001, 'approved', { changedAt: T0 - 10 }),
      entry(5002, 'declined', { changedAt: T0 - 20 }),
    ]);
    const next = addEntry(list, summary(9001, 'created'), T0);
    expect(next).toHaveLength(WATCHLIST_CAP);
    expect(next.map((e) => e.id)).not.toContain(inquiryId(5002));
    expect(next.map((e) => e.id)).toContain(inquiryId(5001));
    expect(next[0]?.id).toBe(inquiryId(9001));
  });

  it('with none decided, lets the oldest expired one go', () => {
    const list = full([
      entry(5001, 'expired', { changedAt: T0 - 10 }),
      entry(5002, 'expired', { changedAt: T0 - 20 }),
    ]);
    const next = addEntry(list, summary(9001, 'created'), T0);
    expect(next).toHaveLength(WATCHLIST_CAP);
    expect(next.map((e) => e.id)).not.toContain(inquiryId(5002));
    expect(next.filter((e) => e.status === 'pending')).toHaveLength(WATCHLIST_CAP - 2);
  });

  it('with none decided, lets the oldest expired or not found one go', () => {
    const list = full([
      entry(5001, 'expired', { changedAt: T0 - 10 }),
      entry(5002, 'needs_review', { changedAt: T0 - 20, unlisted: true }),
    ]);
    const next = addEntry(list, summary(9001, 'created'), T0);
    expect(next).toHaveLength(WATCHLIST_CAP);
    expect(next.map((e) => e.id)).not.toContain(inquiryId(5002));
    expect(next.map((e) => e.id)).toContain(inquiryId(5001));
  });

  it('with every one still able to change, refuses the new one and drops nothing', () => {
    const list = entries(WATCHLIST_CAP, 'pending');
    expect(() => addEntry(list, summary(9001, 'created'), T0)).toThrow(
      'The watchlist is full: 1,000 inquiries that can still change. Unwatch some to watch another.',
    );
    expect(list).toHaveLength(WATCHLIST_CAP);
  });

  it('takes news of one already watched at the cap', () => {
    const list = entries(WATCHLIST_CAP, 'pending');
    const next = addEntry(list, summary(1, 'completed'), T0 + 1);
    expect(next).toHaveLength(WATCHLIST_CAP);
    expect(next.find((e) => e.id === inquiryId(1))?.status).toBe('completed');
  });
});
