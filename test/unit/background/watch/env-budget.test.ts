import { describe, expect, it } from 'vitest';
import {
  alarmsToSkip,
  projectedShare,
  STRETCH_FROM_SHARE,
  stretchFactor,
} from '../../../../src/background/watch/env-budget.ts';

describe('projectedShare: how busy the environment is, from one answer', () => {
  it.each([
    // 50 used in the first 20 s of the minute: on pace for 150, half of 300.
    [{ limit: 300, remaining: 250, resetSeconds: 40 }, 0.5],
    [{ limit: 300, remaining: 150, resetSeconds: 30 }, 1],
    // Late in the window the share used so far is nearly the window's.
    [{ limit: 300, remaining: 120, resetSeconds: 1 }, (180 / 300) * (60 / 59)],
    // Early on, a few requests are judged over 15 s, not over the 2 s they took.
    [{ limit: 300, remaining: 290, resetSeconds: 58 }, (10 / 300) * 4],
    // No reset: what has been used so far.
    [{ limit: 300, remaining: 120 }, 0.6],
    // A reset that does not fit a one-minute window says nothing about its pace.
    [{ limit: 100, remaining: 40, resetSeconds: 600 }, 0.6],
  ])('%o → %f', (rateLimit, share) => {
    expect(projectedShare(rateLimit)).toBeCloseTo(share, 6);
  });

  it('says nothing without the limit or the remaining count', () => {
    expect(projectedShare(undefined)).toBeUndefined();
    expect(projectedShare({ remaining: 10, resetSeconds: 5 })).toBeUndefined();
    expect(projectedShare({ limit: 300, resetSeconds: 5 })).toBeUndefined();
    expect(projectedShare({ limit: 0, remaining: 0 })).toBeUndefined();
  });
});

describe('stretchFactor: the period grows with the environment, not with the team', () => {
  it('keeps the own period up to half the limit, or when the headers say nothing', () => {
    for (const share of [undefined, 0, 0.2, STRETCH_FROM_SHARE]) {
      expect(stretchFactor(share, 15)).toBe(1);
    }
  });

  it('lets fewer polls run the busier it gets, down to 1 in maxStretch at the limit', () => {
    // Halfway (75 %): half the way from every poll to 1 in 15.
    expect(1 / stretchFactor(0.75, 15)).toBeCloseTo(1 - 0.5 * (14 / 15), 9);
    expect(stretchFactor(1, 15)).toBeCloseTo(15, 9);
    expect(stretchFactor(3, 15)).toBeCloseTo(15, 9);
    const shares = [0.51, 0.6, 0.7, 0.8, 0.9, 0.99];
    const stretches = shares.map((s) => stretchFactor(s, 15));
    expect([...stretches].sort((a, b) => a - b)).toEqual(stretches);
    expect(new Set(stretches).size).toBe(shares.length);
  });

  it('never stretches when the period cannot grow', () => {
    expect(stretchFactor(2, 1)).toBe(1);
    expect(stretchFactor(2, 0)).toBe(1);
  });
});

describe('alarmsToSkip: a stretch in whole alarms, right on average', () => {
  it('rounds by the dice', () => {
    expect(alarmsToSkip(1, () => 0)).toBe(0);
    expect(alarmsToSkip(1.3, () => 0.2)).toBe(1);
    expect(alarmsToSkip(1.3, () => 0.4)).toBe(0);
    expect(alarmsToSkip(3.5, () => 0.4)).toBe(3);
    expect(alarmsToSkip(3.5, () => 0.6)).toBe(2);
    expect(alarmsToSkip(0.5, () => 0)).toBe(0);
  });

  it('skips stretch − 1 alarms on average, so the mean period is the stretch', () => {
    let seed = 1;
    // A fixed sequence (Park–Miller), so the test is the same every run.
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed / 2_147_483_647;
    };
    for (const stretch of [1.25, 2.6]) {
      const runs = 20_000;
      let skipped = 0;
      for (let i = 0; i < runs; i++) skipped += alarmsToSkip(stretch, random);
      expect(skipped / runs).toBeCloseTo(stretch - 1, 1);
    }
  });
});
