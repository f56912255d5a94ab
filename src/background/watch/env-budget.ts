// The desk's share of a Persona environment. The rate limit (300 a minute by default) is counted
// across every key of the environment, the customer's own backend included
// (https://docs.withpersona.com/rate-limiting), and a reviewer's watcher is the request that can
// best wait. Each reviewer sees only the environment's totals (`RateLimit-Limit`, `-Remaining`,
// `-Reset`), so each one stretches its own poll period once the environment as a whole is on pace
// to use more than half its limit in the current window; a team of reviewers then backs off
// together, without knowing each other. Pure: the caller brings the clock and the dice.
// Scaling and where it stops: docs/benchmarks.md, "Team scale".
import type { RateLimit } from '../../shared/persona/response-meta.ts';

/** Persona's window is a minute. */
export const WINDOW_SECONDS = 60;
/** Early in a window a few requests say little about its pace: judge them over at least this. */
export const MIN_ELAPSED_SECONDS = 15;
/** At or below this projected share of the limit the period is the reviewer's own. */
export const STRETCH_FROM_SHARE = 0.5;
/** On pace to use the whole limit: the period is at its longest. */
export const STRETCH_FULL_SHARE = 1;

/**
 * The share of the limit the environment is on pace to use in the current window: what it has
 * used so far, scaled to the whole window. Without a `RateLimit-Reset` that fits a one-minute
 * window, what it has used so far, which never overstates the pace. `undefined` when the headers
 * do not say.
 */
export function projectedShare(rateLimit: RateLimit | undefined): number | undefined {
  const { limit, remaining, resetSeconds } = rateLimit ?? {};
  if (limit === undefined || remaining === undefined || limit <= 0) return undefined;
  const used = Math.max(0, limit - remaining) / limit;
  if (resetSeconds === undefined || resetSeconds > WINDOW_SECONDS) return used;
  const elapsed = Math.max(MIN_ELAPSED_SECONDS, WINDOW_SECONDS - resetSeconds);
  return (used * WINDOW_SECONDS) / elapsed;
}

/**
 * How many times its own period a reviewer should wait, from 1 up to `maxStretch`. The share of
 * polls that still run falls linearly from all of them at half the limit to 1 in `maxStretch` on
 * pace for the whole limit, so however many reviewers there are, the environment settles below
 * its limit as long as the team at its longest period plus the backend fit under it.
 */
export function stretchFactor(share: number | undefined, maxStretch: number): number {
  if (share === undefined || share <= STRETCH_FROM_SHARE || maxStretch <= 1) return 1;
  const over = Math.min(
    1,
    (share - STRETCH_FROM_SHARE) / (STRETCH_FULL_SHARE - STRETCH_FROM_SHARE),
  );
  const duty = 1 - over * (1 - 1 / maxStretch);
  return 1 / duty;
}

/**
 * The alarm fires every period, so a stretch is a number of alarms to let pass. A stretch of 1.3
 * lets one pass three times in ten: on average the period is 1.3 times longer, and reviewers who
 * saw the same headers at the same moment still spread out. `random` returns [0, 1).
 */
export function alarmsToSkip(stretch: number, random: () => number): number {
  const extra = Math.max(0, stretch - 1);
  const whole = Math.floor(extra);
  return whole + (random() < extra - whole ? 1 : 0);
}
