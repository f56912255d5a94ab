// Rate-limit manners and back-off, decided from the stored poll state, a cycle's outcome and the
// clock; no I/O. Persona's limit (300/min by default) is shared with the customer's own backend,
// so the watcher throttles once fewer than 15 % of the window's requests remain, stretches its
// period while the environment is busy (env-budget.ts), and after a 429 waits for
// `RateLimit-Reset`; 5xx and lost connections back off exponentially
// (https://docs.withpersona.com/rate-limiting, docs/persona.md#rate-limits-and-quotas).
//
// One invariant keeps the two kinds of hold apart without another stored field: `failures > 0`
// means `holdUntil` is a back-off; `failures === 0` means it is a rate-limit hold.
import type { ErrorInfo } from '../../shared/errors.ts';
import { isRateLimitLow, type RateLimit } from '../../shared/persona/response-meta.ts';
import { holdInForce, LONGEST_HOLD_MS, turnedAway } from '../../shared/poll-hold.ts';
import type { PollState } from '../../shared/storage-items.ts';
import { alarmsToSkip, projectedShare, stretchFactor } from './env-budget.ts';

/**
 * `unlock`: the desk was just unlocked; what it could not ask while locked is asked now. `asked`:
 * the reviewer's Check now.
 */
export type CycleReason = 'popup' | 'alarm' | 'settings' | 'unlock' | 'asked';

/** Opening the popup five times in ten seconds costs one cycle. */
export const DEBOUNCE_MS = 10_000;
/**
 * Check now is asked for: a click within ten seconds of the popup's own check (the one its opening
 * asked) must not do nothing, and a customer's "done" may come in those seconds. Clicks a moment
 * apart are still one. Not while checks fail: then it is the popup's ten, as a back-off's
 * exception for the reviewer looking is (mayStartCycle).
 */
export const ASKED_DEBOUNCE_MS = 2_000;
export const BACKOFF_BASE_MS = 30_000;
export const BACKOFF_CAP_MS = LONGEST_HOLD_MS;
/** Persona's window is a minute; used when a 429 carries no `RateLimit-Reset`. */
export const DEFAULT_RESET_SECONDS = 60;

export type CycleOutcome =
  | { kind: 'ok'; rateLimit?: RateLimit | undefined }
  | { kind: 'rate_limited'; rateLimit?: RateLimit | undefined; resetSeconds?: number | undefined }
  | { kind: 'failed'; error: ErrorInfo; rateLimit?: RateLimit | undefined };

/** 30 s, 1 min, 2 min, … capped at 15 min; `failures` counts from 1. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

/**
 * Whether a cycle may start now. A hold stops the alarm. The reviewer opening the popup is looking,
 * and one request shows whether Persona is back after a back-off, or, once the rate-limit window a
 * hold was judged on has reset, whether the environment is still busy: a stretched period
 * (env-budget.ts) may reach 15 minutes on one busy window, and is judged again from that request's
 * headers. Within the window (a 429, the 15 % rule) nothing is asked. Popup and settings requests
 * are debounced on the last attempt, whoever made it.
 */
export function mayStartCycle(state: PollState, reason: CycleReason, now: number): boolean {
  const { holdUntil, lastAttemptAt } = state;
  const held = holdInForce(holdUntil, now);
  const windowEnd = state.rateLimit?.resetAt ?? holdUntil;
  const windowOpen = windowEnd === undefined || now < windowEnd;
  if (held && (reason === 'alarm' || (state.failures === 0 && windowOpen))) return false;
  // The locked desk's own attempts (a popup opened to unlock it) do not delay the first real one.
  if (reason === 'alarm' || reason === 'unlock' || lastAttemptAt === undefined) return true;
  // Check now after failures is not let past the back-off every two seconds: the popup's ten.
  const asked = reason === 'asked' && state.failures === 0;
  return !(now >= lastAttemptAt && now - lastAttemptAt < (asked ? ASKED_DEBOUNCE_MS : DEBOUNCE_MS));
}

/** What the team-scale budget (env-budget.ts) needs: the alarm's period and the dice. */
export interface PaceOptions {
  periodMs: number;
  /** [0, 1); Math.random in the extension. */
  random: () => number;
}

/**
 * The state after a cycle that asked Persona at least once. With `pace`, a busy environment also
 * stretches the period (env-budget.ts); without it, only the 15 % rule holds the watcher back.
 */
export function nextPollState(
  prev: PollState,
  outcome: CycleOutcome,
  now: number,
  pace?: PaceOptions,
): PollState {
  const next: PollState = { failures: 0 };
  if (prev.lastAttemptAt !== undefined) next.lastAttemptAt = prev.lastAttemptAt;
  if (prev.lastSuccessAt !== undefined) next.lastSuccessAt = prev.lastSuccessAt;
  // The latest answer's window only: one kept from an earlier answer would end a hold's window
  // (mayStartCycle) before the hold's own.
  const rateLimit = toStoredRateLimit(outcome.rateLimit, now);
  if (rateLimit) next.rateLimit = rateLimit;

  switch (outcome.kind) {
    case 'ok': {
      next.lastSuccessAt = now;
      const low = isRateLimitLow(outcome.rateLimit)
        ? now + resetMs(outcome.rateLimit?.resetSeconds)
        : undefined;
      const stretched = pace ? budgetHold(prev.lastAttemptAt ?? now, outcome, pace) : undefined;
      const hold = Math.max(low ?? 0, stretched ?? 0);
      if (hold > now) next.holdUntil = hold;
      return next;
    }
    case 'rate_limited':
      // Not an error for the reviewer: Persona is fine, we wait our turn and the changes follow.
      next.holdUntil = now + resetMs(outcome.resetSeconds ?? outcome.rateLimit?.resetSeconds);
      // The headers may be an earlier batch's, from a window before the one the 429 closed: the
      // window is this 429's, spent until the hold's end, as another request's 429 leaves it
      // (holdAfterRateLimit), so a decision sent meanwhile counts to its reset.
      next.rateLimit = {
        limit: outcome.rateLimit?.limit ?? prev.rateLimit?.limit ?? 0,
        remaining: 0,
        resetAt: next.holdUntil,
      };
      return next;
    case 'failed': {
      next.failures = prev.failures + 1;
      next.holdUntil = now + backoffMs(next.failures);
      const { kind, message } = outcome.error;
      next.lastError = { kind, message };
      return next;
    }
  }
}

/**
 * A 429 answered to another of the desk's requests (a search, a refresh, a decision): Persona's
 * window is spent for the whole environment, so the watcher waits for the same reset rather than
 * ask into it. A later hold, or a back-off under way, stands.
 */
export function holdAfterRateLimit(
  prev: PollState,
  resetSeconds: number | undefined,
  now: number,
): PollState {
  const holdUntil = now + resetMs(resetSeconds);
  // The window is this 429's, spent until its reset, whatever the watcher last read: a longer
  // (stretched) hold that stands lets the popup look again once this window is over.
  const spent = {
    ...prev,
    rateLimit: { limit: prev.rateLimit?.limit ?? 0, remaining: 0, resetAt: holdUntil },
  };
  return prev.failures > 0 || (prev.holdUntil ?? 0) >= holdUntil ? spent : { ...spent, holdUntil };
}

/**
 * The state a cycle's end writes over `stored`, what is stored by then: a 429 another request met
 * while the cycle was out spent the window after the cycle read it, and stands as
 * holdAfterRateLimit left it: its window, and its hold unless a back-off or a later hold stands.
 * `started` is what the cycle itself stored as it began; a window spent then is older news than the
 * cycle's own answer. Of two spent windows, the later reset stands.
 */
export function keepSpentWindow(next: PollState, stored: PollState, started: PollState): PollState {
  const spent = stored.rateLimit;
  if (spent?.remaining !== 0 || spent.resetAt === started.rateLimit?.resetAt) return next;
  const own = next.rateLimit;
  if (own?.remaining === 0 && own.resetAt >= spent.resetAt) return next;
  const window = { ...spent, limit: own?.limit || spent.limit };
  const held = next.failures > 0 || (next.holdUntil ?? 0) >= spent.resetAt;
  return { ...next, rateLimit: window, ...(held ? {} : { holdUntil: spent.resetAt }) };
}

/**
 * The poll state once another key is saved, and any cycle of the old key is over: the old key's
 * rate-limit window and its holds are not the new key's, which may be another environment's, nor is
 * its last attempt, which would debounce the new key's first check. A back-off stands; a new key
 * ends it anyway (mayStartCycle).
 */
export function forNewKey(prev: PollState): PollState {
  const { rateLimit: _window, holdUntil, lastAttemptAt: _attempt, ...rest } = prev;
  return prev.failures > 0 && holdUntil !== undefined ? { ...rest, holdUntil } : rest;
}

/**
 * A cycle with nothing to ask learns nothing from Persona, but an old failure, or a check turned
 * away by a 429, no longer concerns anything watched: clear it. Returns `prev` itself when there
 * is nothing to clear.
 */
export function settleIdle(prev: PollState): PollState {
  const away = turnedAway(prev);
  if (prev.failures === 0 && prev.lastError === undefined && !away) return prev;
  const { lastError: _error, holdUntil, ...rest } = prev;
  const next: PollState = { ...rest, failures: 0 };
  if (away) delete next.lastAttemptAt;
  // A rate-limit hold (no failures) still stands; a back-off ends with the failures.
  if (prev.failures === 0 && holdUntil !== undefined) next.holdUntil = holdUntil;
  return next;
}

/**
 * Lets the stretch's number of alarms pass: the hold ends half a period after the last alarm to
 * skip, so an alarm a little early or late still falls on the intended side. Counted from the
 * cycle's start (the alarm that ran it), and never further than a hold mayStartCycle honours.
 */
function budgetHold(startedAt: number, outcome: CycleOutcome, pace: PaceOptions) {
  const { periodMs } = pace;
  const longest = Math.floor(BACKOFF_CAP_MS / periodMs - 0.5);
  const stretch = stretchFactor(projectedShare(outcome.rateLimit), longest + 1);
  const skip = Math.min(longest, alarmsToSkip(stretch, pace.random));
  return skip > 0 ? startedAt + (skip + 0.5) * periodMs : undefined;
}

function resetMs(resetSeconds: number | undefined): number {
  const seconds = resetSeconds ?? DEFAULT_RESET_SECONDS;
  return Math.min(BACKOFF_CAP_MS, Math.max(1, seconds) * 1000);
}

function toStoredRateLimit(
  rateLimit: RateLimit | undefined,
  now: number,
): PollState['rateLimit'] | undefined {
  const { limit, remaining, resetSeconds } = rateLimit ?? {};
  if (limit === undefined || remaining === undefined) return undefined;
  return { limit, remaining, resetAt: now + resetMs(resetSeconds) };
}
