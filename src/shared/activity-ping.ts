/**
 * A desk page tells the background the reviewer is at work at most this often (ui/use-activity-
 * touch.ts). The background writes each ping, and its idle auto-lock allows for this much between
 * the last use and the last ping (background/lock/auto-lock.ts): one value, so the two agree.
 */
export const PING_EVERY_MS = 30_000;
