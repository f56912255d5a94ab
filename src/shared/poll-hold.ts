// When the watcher's stored hold (background/watch/next-hold.ts) is in force, for the worker that
// keeps it and the pages that say so alike.

/** The longest the watcher ever holds its checks: a back-off's cap, and a stretched period's. */
export const LONGEST_HOLD_MS = 15 * 60_000;

/** A hold further away than any the watcher sets means the clock was turned back: not in force. */
export function holdInForce(holdUntil: number | undefined, now: number): holdUntil is number {
  return holdUntil !== undefined && now < holdUntil && holdUntil - now <= LONGEST_HOLD_MS;
}

/**
 * The watcher's last check was turned away by Persona's rate limit (a 429: its window spent until
 * after the check was sent), and none has been answered since: the statuses may be older than the
 * list makes them look. Not a 429 another request met (the watcher's own check was not refused),
 * nor a check under way after one that worked, or after a window that has reset since.
 */
export function turnedAway(poll: {
  lastAttemptAt?: number | undefined;
  lastSuccessAt?: number | undefined;
  rateLimit?: { remaining: number; resetAt: number } | undefined;
}): boolean {
  const attempt = poll.lastAttemptAt ?? 0;
  const window = poll.rateLimit;
  return attempt > (poll.lastSuccessAt ?? 0) && window?.remaining === 0 && window.resetAt > attempt;
}
