// The change detector: applySummaries in watchlist-logic.ts compares status and `updated-at`.
import { describe, expect, it } from 'vitest';
import {
  applySummaries,
  forgetDecided,
  markSeen,
} from '../../../../src/background/watch/watchlist-logic.ts';
import { entries, entry, inquiryId, KNOWN_STATUSES, summary, T0 } from './fixtures.ts';

const LATER = T0 + 60_000;
const ALL_STATUSES = [...KNOWN_STATUSES, 'some_future_status'];

describe('applySummaries: what changed since the last cycle', () => {
  it.each([0, 1, 100, 101, 1000])('finds every status change among %i watched', (count) => {
    const list = entries(count);
    const fresh = list.map((_, i) => summary(i + 1, i % 2 === 0 ? 'completed' : 'pending'));
    const { list: next, changes } = applySummaries(list, fresh, LATER);
    expect(changes).toHaveLength(Math.ceil(count / 2));
    expect(changes.every((c) => c.from === 'pending' && c.to === 'completed')).toBe(true);
    expect(next).toHaveLength(count);
    expect(next.filter((e) => !e.seen)).toHaveLength(Math.ceil(count / 2));
    // Every entry took the newer updated-at, changed or not.
    expect(next.every((e) => e.updatedAt === '2026-01-05T09:05:00.000Z')).toBe(true);
  });

  it.each(ALL_STATUSES.flatMap((from) => ALL_STATUSES.map((to) => [from, to] as const)))(
    '%s → %s',
    (from, to) => {
      const { list, changes } = applySummaries([entry(1, from)], [summary(1, to)], LATER);
      const [after] = list;
      expect(after?.status).toBe(to);
      if (from === to) {
        expect(changes).toEqual([]);
        expect(after).toMatchObject({ seen: true, changedAt: T0 });
      } else {
        expect(changes).toEqual([{ id: inquiryId(1), from, to }]);
        expect(after).toMatchObject({ seen: false, changedAt: LATER });
      }
    },
  );

  it('applying the same answers twice changes nothing the second time (idempotent)', () => {
    const fresh = [summary(1, 'approved'), summary(2, 'needs_review')];
    const once = applySummaries(entries(3), fresh, LATER);
    const twice = applySummaries(once.list, fresh, LATER + 30_000);
    expect(twice.changes).toEqual([]);
    expect(twice.list).toEqual(once.list);
  });

  it('takes a newer updated-at with the same status quietly (tags, fields)', () => {
    const { list, changes } = applySummaries(
      [entry(1, 'pending')],
      [summary(1, 'pending', '2026-01-05T10:00:00.000Z')],
      LATER,
    );
    expect(changes).toEqual([]);
    expect(list[0]).toMatchObject({ updatedAt: '2026-01-05T10:00:00.000Z', seen: true });
  });

  it('leaves out an answer older than the entry: a poll sent before a decision, read after it', () => {
    const decided = [entry(1, 'approved', { updatedAt: '2026-01-05T09:06:00.000Z', seen: true })];
    const { list, changes } = applySummaries(
      decided,
      [summary(1, 'needs_review', '2026-01-05T09:05:00.000Z')],
      LATER,
    );
    expect(changes).toEqual([]);
    expect(list[0]).toBe(decided[0]);
  });

  it('compares the times as instants, not as text', () => {
    // Held with an offset, answered in UTC a minute later: newer, though "09…" sorts before "10…".
    const held = [entry(1, 'pending', { updatedAt: '2026-01-05T10:06:00+01:00' })];
    const later = applySummaries(held, [summary(1, 'completed', '2026-01-05T09:07:00Z')], LATER);
    expect(later.changes).toHaveLength(1);
    // The same instant in another precision is not older.
    const same = [entry(1, 'pending', { updatedAt: '2026-01-05T09:06:00Z' })];
    const again = applySummaries(
      same,
      [summary(1, 'completed', '2026-01-05T09:06:00.000Z')],
      LATER,
    );
    expect(again.changes).toHaveLength(1);
  });

  it('takes an answer whose updated-at is missing on either side, as before', () => {
    const held = [entry(1, 'pending', { updatedAt: undefined })];
    expect(applySummaries(held, [summary(1, 'completed')], LATER).changes).toHaveLength(1);
    const bare = { id: inquiryId(1), status: 'completed' };
    expect(applySummaries([entry(1, 'pending')], [bare], LATER).changes).toHaveLength(1);
  });

  it('leaves alone entries Persona did not return, and ignores ids not watched', () => {
    const before = entries(2);
    const { list, changes } = applySummaries(before, [summary(9, 'approved')], LATER);
    expect(changes).toEqual([]);
    expect(list).toEqual(before);
  });

  it('takes an answer without a status as no news, not as a change to an empty status', () => {
    // A detail read or a poll whose inquiry came back without `status` (a shape nobody expected).
    const before = [entry(1, 'pending')];
    const { list, changes } = applySummaries(before, [summary(1, '')], LATER);
    expect(changes).toEqual([]);
    expect(list[0]).toBe(before[0]);
  });

  it('returns the same entry objects when nothing changed, so the store skips the write', () => {
    const before = [entry(1, 'pending', { updatedAt: '2026-01-05T09:05:00.000Z' })];
    const { list } = applySummaries(before, [summary(1, 'pending')], LATER);
    expect(list[0]).toBe(before[0]);
  });
});

describe('watchlist housekeeping', () => {
  it('forgets decided inquiries after the configured hours, keeps the rest', () => {
    const list = [
      entry(1, 'approved', { changedAt: T0 - 25 * 3_600_000 }),
      entry(2, 'approved', { changedAt: T0 - 23 * 3_600_000 }),
      entry(3, 'expired', { changedAt: T0 - 48 * 3_600_000 }),
      entry(4, 'some_future_status', { changedAt: T0 - 48 * 3_600_000 }),
    ];
    expect(forgetDecided(list, T0, 24).map((e) => e.id)).toEqual([2, 3, 4].map(inquiryId));
  });

  it('markSeen flips only unseen entries', () => {
    const list = [entry(1, 'completed', { seen: false }), entry(2)];
    const next = markSeen(list, [inquiryId(1), inquiryId(2)]);
    expect(next.map((e) => e.seen)).toEqual([true, true]);
    expect(next[1]).toBe(list[1]);
  });
});
