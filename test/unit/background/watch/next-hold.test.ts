import { describe, expect, it } from 'vitest';
import {
  ASKED_DEBOUNCE_MS,
  BACKOFF_CAP_MS,
  backoffMs,
  DEBOUNCE_MS,
  forNewKey,
  holdAfterRateLimit,
  keepSpentWindow,
  mayStartCycle,
  nextPollState,
  settleIdle,
} from '../../../../src/background/watch/next-hold.ts';
import { turnedAway } from '../../../../src/shared/poll-hold.ts';
import type { PollState } from '../../../../src/shared/storage-items.ts';
import { T0 } from './fixtures.ts';

const fresh: PollState = { failures: 0 };
const serverError = {
  kind: 'server' as const,
  message: 'Persona had a problem.',
  requestId: 'req_1',
};

describe('nextPollState: manners after a cycle', () => {
  it('records success, the data age and the rate limit; no hold while plenty remains', () => {
    const next = nextPollState(
      { failures: 0, lastAttemptAt: T0 },
      { kind: 'ok', rateLimit: { limit: 300, remaining: 250, resetSeconds: 40 } },
      T0 + 500,
    );
    expect(next).toEqual({
      failures: 0,
      lastAttemptAt: T0,
      lastSuccessAt: T0 + 500,
      rateLimit: { limit: 300, remaining: 250, resetAt: T0 + 500 + 40_000 },
    });
  });

  it.each([
    [300, 45, false],
    [300, 44, true],
    [300, 0, true],
    [100, 14, true],
    [100, 15, false],
  ])('limit %i, %i remaining: hold until the reset = %s', (limit, remaining, held) => {
    const next = nextPollState(
      fresh,
      { kind: 'ok', rateLimit: { limit, remaining, resetSeconds: 20 } },
      T0,
    );
    expect(next.holdUntil).toBe(held ? T0 + 20_000 : undefined);
    expect(next.lastError).toBeUndefined();
  });

  it('turns a 429 into a hold until RateLimit-Reset, never into an error for the reviewer', () => {
    const before: PollState = { failures: 2, lastSuccessAt: T0 - 90_000, lastError: serverError };
    const next = nextPollState(before, { kind: 'rate_limited', resetSeconds: 37 }, T0);
    expect(next.holdUntil).toBe(T0 + 37_000);
    expect(next.lastError).toBeUndefined();
    expect(next.failures).toBe(0);
    expect(next.lastSuccessAt).toBe(T0 - 90_000);
  });

  it('waits a minute after a 429 without RateLimit-Reset', () => {
    expect(nextPollState(fresh, { kind: 'rate_limited' }, T0).holdUntil).toBe(T0 + 60_000);
  });

  it('backs off exponentially on failures, keeping the data age and the error', () => {
    let state: PollState = { failures: 0, lastSuccessAt: T0 - 1 };
    const holds: number[] = [];
    for (let i = 0; i < 8; i++) {
      state = nextPollState(state, { kind: 'failed', error: serverError }, T0);
      holds.push((state.holdUntil ?? 0) - T0);
    }
    expect(holds).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]);
    // The error as the watchlist says it: its kind and message (no page shows its request id).
    expect(state).toMatchObject({
      failures: 8,
      lastSuccessAt: T0 - 1,
      lastError: { kind: 'server', message: 'Persona had a problem.' },
    });
    expect(state.lastError).not.toHaveProperty('requestId');
  });

  it('clears failures, error and back-off with the next success', () => {
    const failing: PollState = { failures: 3, holdUntil: T0 + 1, lastError: serverError };
    const next = nextPollState(failing, { kind: 'ok' }, T0 + 2);
    expect(next).toEqual({ failures: 0, lastSuccessAt: T0 + 2 });
  });

  it("keeps only the latest answer's rate limit: none when it carried none", () => {
    const rateLimit = { limit: 300, remaining: 200, resetAt: T0 };
    expect(nextPollState({ failures: 0, rateLimit }, { kind: 'ok' }, T0).rateLimit).toBeUndefined();
    // A 429's window is its own, spent until the hold's end.
    const limited = nextPollState({ failures: 0, rateLimit }, { kind: 'rate_limited' }, T0 + 1);
    expect(limited).toEqual({
      failures: 0,
      holdUntil: T0 + 1 + 60_000,
      rateLimit: { limit: 300, remaining: 0, resetAt: T0 + 1 + 60_000 },
    });
  });

  it('caps any hold at 15 minutes, whatever the reset says', () => {
    const next = nextPollState(fresh, { kind: 'rate_limited', resetSeconds: 86_400 }, T0);
    expect(next.holdUntil).toBe(T0 + BACKOFF_CAP_MS);
    expect(backoffMs(50)).toBe(BACKOFF_CAP_MS);
  });
});

describe('mayStartCycle: holds and the debounce', () => {
  const rateHold: PollState = { failures: 0, holdUntil: T0 + 30_000 };
  const backOff: PollState = { failures: 2, holdUntil: T0 + 60_000, lastAttemptAt: T0 - 60_000 };

  it.each(['alarm', 'popup', 'settings'] as const)('a rate-limit hold stops the %s', (reason) => {
    expect(mayStartCycle(rateHold, reason, T0)).toBe(false);
    expect(mayStartCycle(rateHold, reason, T0 + 30_000)).toBe(true);
  });

  it('a back-off stops the alarm but not the reviewer opening the popup', () => {
    expect(mayStartCycle(backOff, 'alarm', T0)).toBe(false);
    expect(mayStartCycle(backOff, 'popup', T0)).toBe(true);
    expect(mayStartCycle(backOff, 'alarm', T0 + 60_000)).toBe(true);
  });

  it('debounces popup opens on the last attempt, whoever made it; never the alarm', () => {
    const state: PollState = { failures: 0, lastAttemptAt: T0 };
    expect(mayStartCycle(state, 'popup', T0 + DEBOUNCE_MS - 1)).toBe(false);
    expect(mayStartCycle(state, 'settings', T0 + 1)).toBe(false);
    expect(mayStartCycle(state, 'popup', T0 + DEBOUNCE_MS)).toBe(true);
    expect(mayStartCycle(state, 'alarm', T0 + 1)).toBe(true);
    expect(mayStartCycle(fresh, 'popup', T0)).toBe(true);
  });

  it("debounces Check now over two seconds only, and keeps a rate-limit hold's window", () => {
    const state: PollState = { failures: 0, lastAttemptAt: T0 };
    // A click three seconds after the popup's own check goes; a second click at once does not.
    expect(mayStartCycle(state, 'asked', T0 + 3_000)).toBe(true);
    expect(mayStartCycle(state, 'asked', T0 + ASKED_DEBOUNCE_MS - 1)).toBe(false);
    const held: PollState = {
      failures: 0,
      lastAttemptAt: T0 - 30_000,
      holdUntil: T0 + 60_000,
      rateLimit: { limit: 300, remaining: 0, resetAt: T0 + 60_000 },
    };
    expect(mayStartCycle(held, 'asked', T0)).toBe(false);
    // While checks fail, clicks are let past the back-off only as the popup's opening is.
    const failing: PollState = { failures: 2, lastAttemptAt: T0, holdUntil: T0 + 60_000 };
    expect(mayStartCycle(failing, 'asked', T0 + 3_000)).toBe(false);
    expect(mayStartCycle(failing, 'asked', T0 + DEBOUNCE_MS)).toBe(true);
  });

  it('five popup opens in ten seconds: only the first may start a cycle', () => {
    let state: PollState = fresh;
    const started: number[] = [];
    for (const at of [0, 2_000, 4_500, 7_000, 9_999].map((ms) => T0 + ms)) {
      if (mayStartCycle(state, 'popup', at)) {
        started.push(at);
        state = { ...state, lastAttemptAt: at };
      }
    }
    expect(started).toEqual([T0]);
  });

  it('ignores holds and attempts from a clock that was turned back', () => {
    expect(mayStartCycle({ failures: 0, holdUntil: T0 + 3_600_000 }, 'alarm', T0)).toBe(true);
    expect(mayStartCycle({ failures: 0, lastAttemptAt: T0 + 60_000 }, 'popup', T0)).toBe(true);
  });
});

describe("holdAfterRateLimit: a 429 on another of the desk's requests", () => {
  it('holds the watcher until the reset Persona named, or a minute without one', () => {
    const held = holdAfterRateLimit({ failures: 0, lastSuccessAt: 5 }, 20, T0);
    expect(held).toEqual({
      failures: 0,
      lastSuccessAt: 5,
      holdUntil: T0 + 20_000,
      rateLimit: { limit: 0, remaining: 0, resetAt: T0 + 20_000 },
    });
    expect(mayStartCycle(held, 'alarm', T0 + 19_000)).toBe(false);
    expect(mayStartCycle(held, 'popup', T0 + 19_000)).toBe(false);
    expect(mayStartCycle(held, 'alarm', T0 + 20_000)).toBe(true);
    expect(holdAfterRateLimit(fresh, undefined, T0).holdUntil).toBe(T0 + 60_000);
  });

  it("leaves a later hold and a back-off under way as they are, the window now the 429's", () => {
    const rateLimit = { limit: 300, remaining: 10, resetAt: T0 - 5_000 };
    const later: PollState = { failures: 0, holdUntil: T0 + 50_000, rateLimit };
    const spent = { limit: 300, remaining: 0, resetAt: T0 + 20_000 };
    expect(holdAfterRateLimit(later, 20, T0)).toEqual({
      failures: 0,
      holdUntil: T0 + 50_000,
      rateLimit: spent,
    });
    // failures > 0 means holdUntil is a back-off, whose count a rate-limit hold must not reset.
    const backingOff: PollState = { failures: 2, holdUntil: T0 + 5_000, lastError: serverError };
    expect(holdAfterRateLimit(backingOff, 20, T0)).toEqual({
      ...backingOff,
      rateLimit: { ...spent, limit: 0 },
    });
  });

  it('a 429 met elsewhere during a stretched hold keeps the popup waiting for its reset, and no longer', () => {
    // A stretch of 14 minutes judged on a window that ended at T0 - 5 s; a search met a 429 at T0.
    const stretched: PollState = {
      failures: 0,
      holdUntil: T0 + 14 * 60_000,
      rateLimit: { limit: 300, remaining: 140, resetAt: T0 - 5_000 },
    };
    expect(mayStartCycle(stretched, 'popup', T0)).toBe(true);
    const after429 = holdAfterRateLimit(stretched, 10, T0);
    expect(after429.holdUntil).toBe(T0 + 14 * 60_000);
    expect(mayStartCycle(after429, 'popup', T0 + 9_000)).toBe(false);
    expect(mayStartCycle(after429, 'popup', T0 + 11_000)).toBe(true);
    expect(mayStartCycle(after429, 'alarm', T0 + 11_000)).toBe(false);
  });

  it("a poll's 429 after an earlier batch's answer holds the popup to the 429's reset, not that batch's window", () => {
    const earlier = { limit: 300, remaining: 200, resetSeconds: 3 };
    const held = nextPollState(
      { failures: 0, lastAttemptAt: T0 - 20_000 },
      { kind: 'rate_limited', rateLimit: earlier, resetSeconds: 58 },
      T0,
    );
    expect(held.rateLimit).toEqual({ limit: 300, remaining: 0, resetAt: T0 + 58_000 });
    expect(mayStartCycle(held, 'popup', T0 + 10_000)).toBe(false);
    expect(mayStartCycle(held, 'popup', T0 + 58_000)).toBe(true);
  });
});

describe('keepSpentWindow: a 429 met while the cycle was out', () => {
  const started: PollState = { failures: 0, lastAttemptAt: T0 };
  const answered = nextPollState(
    started,
    { kind: 'ok', rateLimit: { limit: 300, remaining: 250, resetSeconds: 30 } },
    T0 + 500,
  );

  it("stands over the cycle's own answer, read before it, with its hold", () => {
    // A decision's 429 at T0 + 300, after the cycle's request left: the window is spent to T0 + 20 s.
    const stored = holdAfterRateLimit(started, 20, T0 + 300);
    const next = keepSpentWindow(answered, stored, started);
    // The limit the cycle's answer gave; the window and its end the 429's.
    expect(next.rateLimit).toEqual({ limit: 300, remaining: 0, resetAt: T0 + 20_300 });
    expect(next.holdUntil).toBe(T0 + 20_300);
    expect(next.lastSuccessAt).toBe(T0 + 500);
    expect(mayStartCycle(next, 'popup', T0 + 15_000)).toBe(false);
  });

  it("gives way to the cycle's answer when it was there as the cycle began, or is not spent", () => {
    const spentBefore = holdAfterRateLimit({ failures: 2, holdUntil: T0 + 60_000 }, 20, T0 - 1_000);
    expect(keepSpentWindow(answered, spentBefore, spentBefore)).toBe(answered);
    const fresh = { ...started, rateLimit: { limit: 300, remaining: 9, resetAt: T0 + 9_000 } };
    expect(keepSpentWindow(answered, fresh, started)).toBe(answered);
    expect(keepSpentWindow(answered, started, started)).toBe(answered);
  });
});

describe('keepSpentWindow beside a back-off or a 429 of its own', () => {
  const started: PollState = { failures: 0, lastAttemptAt: T0 };
  const meanwhile = holdAfterRateLimit(started, 40, T0 + 300);

  it('keeps a back-off as it is and takes the window only, as holdAfterRateLimit does', () => {
    const failed = nextPollState(
      started,
      { kind: 'failed', error: { kind: 'server', message: 'down' } },
      T0 + 500,
    );
    const next = keepSpentWindow(failed, meanwhile, started);
    expect(next.holdUntil).toBe(failed.holdUntil);
    expect(next.rateLimit).toMatchObject({ remaining: 0, resetAt: T0 + 40_300 });
  });

  it("takes the later of two spent windows: the cycle's own 429 or the one met meanwhile", () => {
    const own = nextPollState(started, { kind: 'rate_limited', resetSeconds: 10 }, T0 + 500);
    const later = keepSpentWindow(own, meanwhile, started);
    expect(later.rateLimit?.resetAt).toBe(T0 + 40_300);
    expect(later.holdUntil).toBe(T0 + 40_300);
    const ownLater = nextPollState(started, { kind: 'rate_limited', resetSeconds: 50 }, T0 + 500);
    expect(keepSpentWindow(ownLater, meanwhile, started)).toBe(ownLater);
  });
});

describe('forNewKey: another key saved', () => {
  it("forgets the old key's window and its rate-limit hold", () => {
    const spent = holdAfterRateLimit({ failures: 0, lastSuccessAt: T0, lastAttemptAt: T0 }, 40, T0);
    // Nor the old key's last attempt, which would debounce the new key's first check.
    expect(forNewKey(spent)).toEqual({ failures: 0, lastSuccessAt: T0 });
    expect(mayStartCycle(forNewKey(spent), 'settings', T0 + 1)).toBe(true);
  });

  it('keeps a back-off with its failures, which the new key may still meet', () => {
    const failing: PollState = {
      failures: 2,
      holdUntil: T0 + 60_000,
      lastError: { kind: 'server', message: 'down' },
      rateLimit: { limit: 300, remaining: 0, resetAt: T0 + 5_000 },
    };
    const { rateLimit: _window, ...rest } = failing;
    expect(forNewKey(failing)).toEqual(rest);
  });
});

describe('settleIdle: nothing left to ask', () => {
  it('clears an old failure and its back-off', () => {
    const failing: PollState = {
      failures: 2,
      holdUntil: T0,
      lastError: serverError,
      lastSuccessAt: 5,
    };
    expect(settleIdle(failing)).toEqual({ failures: 0, lastSuccessAt: 5 });
  });

  it('clears a check turned away by a 429: nothing watched is left to be stale, its hold stands', () => {
    const away: PollState = {
      failures: 0,
      lastAttemptAt: T0,
      lastSuccessAt: 5,
      holdUntil: T0 + 30_000,
      rateLimit: { limit: 300, remaining: 0, resetAt: T0 + 30_000 },
    };
    const settled = settleIdle(away);
    expect(turnedAway(settled)).toBe(false);
    expect(settled).toEqual({
      failures: 0,
      lastSuccessAt: 5,
      holdUntil: T0 + 30_000,
      rateLimit: { limit: 300, remaining: 0, resetAt: T0 + 30_000 },
    });
  });

  it('keeps a rate-limit hold, and returns the same object when there is nothing to clear', () => {
    const held: PollState = { failures: 0, holdUntil: T0 };
    expect(settleIdle(held)).toBe(held);
  });
});

describe('nextPollState: the team-scale budget (env-budget.ts)', () => {
  const pace = (random = 0.5) => ({ periodMs: 60_000, random: () => random });
  const attempt: PollState = { failures: 0, lastAttemptAt: T0 };
  const ok = (remaining: number, resetSeconds: number) => ({
    kind: 'ok' as const,
    rateLimit: { limit: 300, remaining, resetSeconds },
  });

  it('keeps the period while the environment is on pace for half its limit or less', () => {
    const next = nextPollState(attempt, ok(250, 40), T0 + 300, pace(0));
    expect(next.holdUntil).toBeUndefined();
  });

  it('lets alarms pass while it is busier, half a period past the last one skipped', () => {
    // 180 used in 40 s: on pace for 270 of 300 (90 %), a stretch of 1 / (1 - 0.8 × 14/15) ≈ 3.95.
    const busy = ok(120, 20);
    expect(nextPollState(attempt, busy, T0 + 300, pace(0.99)).holdUntil).toBe(T0 + 2.5 * 60_000);
    expect(nextPollState(attempt, busy, T0 + 300, pace(0)).holdUntil).toBe(T0 + 3.5 * 60_000);
  });

  it('is a hold the alarm honours to its end, and the popup until the window it was judged on resets', () => {
    const next = nextPollState(attempt, ok(120, 20), T0 + 300, pace(0.99));
    expect(mayStartCycle(next, 'alarm', T0 + 60_000)).toBe(false);
    expect(mayStartCycle(next, 'alarm', T0 + 120_000)).toBe(false);
    // The window ended 20 s after the answer: within it the popup waits, after it one look is due.
    expect(mayStartCycle(next, 'popup', T0 + 300 + 19_000)).toBe(false);
    expect(mayStartCycle(next, 'popup', T0 + 300 + 20_000)).toBe(true);
    expect(mayStartCycle(next, 'alarm', T0 + 180_000)).toBe(true);
  });

  it('one busy window holds the alarms for up to 15 minutes, but not a reviewer who opens the desk after it', () => {
    // 141 requests in the window's first 3 s (another key's burst), 57 s left: on pace for 188 %.
    const burst = nextPollState(attempt, ok(159, 57), T0 + 300, pace());
    expect(burst.holdUntil).toBe(T0 + 14.5 * 60_000);
    expect(mayStartCycle(burst, 'alarm', T0 + 5 * 60_000)).toBe(false);
    expect(mayStartCycle(burst, 'popup', T0 + 30_000)).toBe(false);
    expect(mayStartCycle(burst, 'popup', T0 + 60_000)).toBe(true);
    // That look finds the environment calm again: the alarm's own period is back.
    const calm = nextPollState(
      { ...burst, lastAttemptAt: T0 + 60_000 },
      ok(290, 50),
      T0 + 61_000,
      pace(),
    );
    expect(calm.holdUntil).toBeUndefined();
    expect(mayStartCycle(calm, 'alarm', T0 + 120_000)).toBe(true);
  });

  it('waits at most the back-off cap, whatever the period', () => {
    const saturated = ok(0, 30);
    const at60 = nextPollState(attempt, saturated, T0 + 300, pace());
    expect(at60.holdUntil).toBe(T0 + 14.5 * 60_000);
    const at600 = nextPollState(attempt, saturated, T0 + 300, {
      periodMs: 600_000,
      random: () => 0,
    });
    expect(at600.holdUntil).toBe(T0 + 900_000);
    for (const state of [at60, at600]) {
      expect(mayStartCycle(state, 'alarm', T0 + 300)).toBe(false);
    }
    // A period as long as the cap leaves nothing to stretch; the 15 % rule still holds.
    const at900 = nextPollState(attempt, saturated, T0 + 300, {
      periodMs: 900_000,
      random: () => 0,
    });
    expect(at900.holdUntil).toBe(T0 + 300 + 30_000);
  });

  it('takes the longer of the stretch and the 15 % rule', () => {
    // 260 used, 59 s into the window (88 %): a 1 s wait for the reset, a stretch of about 3.5.
    const next = nextPollState(attempt, ok(40, 1), T0 + 300, pace(0.99));
    expect(next.holdUntil).toBe(T0 + 2.5 * 60_000);
    // Without the budget, the 15 % rule alone.
    expect(nextPollState(attempt, ok(40, 1), T0 + 300).holdUntil).toBe(T0 + 300 + 1_000);
  });

  it('only after a successful cycle: a 429 waits for the reset, a failure backs off', () => {
    const limited = nextPollState(
      attempt,
      { kind: 'rate_limited', rateLimit: { limit: 300, remaining: 0, resetSeconds: 20 } },
      T0,
      pace(0),
    );
    expect(limited.holdUntil).toBe(T0 + 20_000);
  });
});
