// When the watcher's stored hold (background/watch/next-hold.ts) is in force, for the worker that
// keeps it and the pages that say so alike.

/** The longest the watcher ever holds its checks: a back-off's cap, and a stretched period's. */
export const LONGEST_HOLD_MS = 15 * 60_000;

/** A hold further away than any the watcher sets means the clock was turned back: not in force. */
export function holdInForce(holdUntil: number | undefined, now: number): holdUntil is number {
  return holdUntil !== undefined && now < holdUntil && holdUntil - now <= LONGEST_HOLD_MS;
}
