// When cycles run: on the alarm, when the popup opens (debounced through pollState.lastAttemptAt
// in storage, since the worker may restart between two opens), and for the e2e hook. Requests
// that arrive while a cycle is running join it instead of starting another.
import type { RetryPolicy } from '../../shared/persona/retry-policy.ts';
import { openPersona } from '../persona-access.ts';
import { WATCH_ALARM } from './alarm.ts';
import { type CycleDeps, type CycleResult, type PollClient, runCycle } from './cycle.ts';
import type { CycleReason } from './next-hold.ts';
import { notifyChanges } from './notify.ts';

/**
 * The poller spreads retries over cycles itself: a 429 becomes a hold until `RateLimit-Reset`
 * instead of a sleep inside a worker that Chrome may stop, and a 5xx gets one quick retry.
 */
const POLL_RETRY: Partial<RetryPolicy> = { maxRateLimitRetries: 0, maxRetries: 1 };

/** Exported for the bench's team-scale simulation, which polls through the same client. */
export async function openPollClient(): Promise<PollClient> {
  // The poller's own manners: no sleeping through a 429 inside a worker Chrome may stop.
  return (await openPersona({ retry: POLL_RETRY })).client;
}

const deps: CycleDeps = { openClient: openPollClient, notify: notifyChanges, now: Date.now };

// Only coalesces requests within one worker's life; nothing here needs to survive a restart.
let running: Promise<CycleResult> | undefined;

/** Runs a cycle unless a hold or the debounce says not now; joins one already running. */
export function startCycle(reason: CycleReason, injected: CycleDeps = deps): Promise<CycleResult> {
  running ??= runCycle(reason, injected).finally(() => {
    running = undefined;
  });
  return running;
}

/** Settles once no cycle runs: the one running, if any, has written its state. */
export function cycleOver(): Promise<unknown> {
  return running?.catch(() => undefined) ?? Promise.resolve();
}

/** True when a cycle actually ran (asked Persona, or tried to). */
export async function requestCycle(reason: CycleReason): Promise<boolean> {
  const { outcome } = await startCycle(reason);
  return outcome !== 'idle' && outcome !== 'held';
}

export async function handleAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name !== WATCH_ALARM) return;
  // Nothing to report to: the failure is already in pollState for the popup.
  await startCycle('alarm').catch(() => undefined);
}
