import { describe, expect, it } from 'vitest';
import {
  BATCH_SIZE,
  canStillChange,
  isSlowDue,
  planBatches,
  planCycle,
  SLOW_POLL_MS,
} from '../../../../src/background/watch/planner.ts';
import { entries, entry, FINAL_STATUSES, inquiryId, KNOWN_STATUSES } from './fixtures.ts';

describe('planBatches: which inquiries to ask about, 100 per request', () => {
  it.each([
    [0, 0],
    [1, 1],
    [100, 1],
    [101, 2],
    [250, 3],
    [1000, 10],
  ])('%i still-changing inquiries need %i requests', (count, requests) => {
    const batches = planBatches(entries(count));
    expect(batches).toHaveLength(requests);
    expect(batches.flat()).toEqual(entries(count).map((e) => e.id));
    for (const batch of batches) expect(batch.length).toBeLessThanOrEqual(BATCH_SIZE);
  });

  it('fills every batch but the last', () => {
    const batches = planBatches(entries(101));
    expect(batches.map((b) => b.length)).toEqual([100, 1]);
  });

  it.each([0, 1, 100, 101, 1000])('asks nothing when all %i watched inquiries are final', (n) => {
    const list = entries(n).map((e, i) => ({ ...e, status: FINAL_STATUSES[i % 2] as string }));
    expect(planBatches(list)).toEqual([]);
  });

  it.each(KNOWN_STATUSES.map((status) => [status, !FINAL_STATUSES.includes(status)] as const))(
    'status %s can still change: %s',
    (status, changing) => {
      expect(canStillChange(status)).toBe(changing);
      expect(planBatches([entry(1, status)])).toEqual(changing ? [[inquiryId(1)]] : []);
    },
  );

  it.each(['', 'under_review', 'APPROVED', 'redacted'])(
    'treats the unknown status %j as one that can still change',
    (status) => {
      expect(canStillChange(status)).toBe(true);
      expect(planBatches([entry(1, status)])).toEqual([[inquiryId(1)]]);
    },
  );

  it('skips final inquiries inside a mixed list and keeps the order', () => {
    const list = [entry(1, 'approved'), entry(2, 'expired'), entry(3, 'declined'), entry(4)];
    expect(planBatches(list)).toEqual([[inquiryId(2), inquiryId(4)]]);
  });

  it('asks about a duplicated id once', () => {
    expect(planBatches([entry(1), entry(1)])).toEqual([[inquiryId(1)]]);
  });
});

describe('failed and expired inquiries', () => {
  it('keeps watching failed inquiries: workflows and reviewers still decide them', () => {
    expect(canStillChange('failed')).toBe(true);
    expect(planBatches([entry(1, 'failed')])).toEqual([[inquiryId(1)]]);
  });

  it('asks about expired inquiries less often, never never', () => {
    const list = [entry(1, 'expired'), entry(2, 'pending')];
    const t = 1_000_000_000;
    expect(planCycle(list, undefined, t)).toEqual({
      batches: [[inquiryId(1), inquiryId(2)]],
      asksSlow: true,
    });
    expect(planCycle(list, t, t + SLOW_POLL_MS - 1)).toEqual({
      batches: [[inquiryId(2)]],
      asksSlow: false,
    });
    expect(planCycle(list, t, t + SLOW_POLL_MS).batches).toEqual([[inquiryId(1), inquiryId(2)]]);
    // A clock turned back must not silence expired inquiries for good.
    expect(isSlowDue(t, t - 1)).toBe(true);
  });

  it('ends the watch of a redacted inquiry, whatever its status', () => {
    expect(planBatches([entry(1, 'pending', { redacted: true }), entry(2, 'pending')])).toEqual([
      [inquiryId(2)],
    ]);
  });

  it('asks about one Persona said it does not have on the slow round, whatever its status', () => {
    const list = [entry(1, 'needs_review', { unlisted: true }), entry(2, 'pending')];
    const t = 1_000_000_000;
    expect(planCycle(list, t, t + 60_000)).toEqual({ batches: [[inquiryId(2)]], asksSlow: false });
    expect(planCycle(list, t, t + SLOW_POLL_MS)).toEqual({
      batches: [[inquiryId(1), inquiryId(2)]],
      asksSlow: true,
    });
  });

  it('plans nothing while only expired inquiries are watched and their round is not due', () => {
    const t = 1_000_000_000;
    expect(planCycle([entry(1, 'expired')], t, t + 60_000)).toEqual({
      batches: [],
      asksSlow: false,
    });
  });
});
