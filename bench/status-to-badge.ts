// Status change to badge and notification (docs/architecture.md#budgets: ≤ one poll period + 2 s),
// through the real alarm path: the poller's own chrome.alarms alarm fires, the worker's onAlarm
// listener runs a cycle, the cycle notifies and writes the watchlist, the watchlist write sets the
// badge. No test hook is called. The alarm is re-created with a short period, which Chrome allows
// for an
// unpacked extension (at least 1 s instead of 30 s,
// https://developer.chrome.com/docs/extensions/reference/api/alarms); the bench's Chromium loads
// the extension unpacked.
//
// Each run re-creates the alarm and finishes the inquiry on the sandbox straight after, so the
// next alarm is a whole period away: the worst phase, as if a cycle had read the old status just
// before it changed. The delay is therefore about one period plus what the extension itself adds,
// and the budget's "+ 2 s" is the part under test.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { askWorker } from '../scripts/lib/ask-worker.ts';
import { repoRoot } from '../scripts/lib/paths.ts';
import type { Replies } from '../src/shared/messages.ts';
import { SEED_TEMPLATE_ID } from '../test/persona-sandbox/core/seed.ts';
import type { BenchEnv } from './bench-env.ts';
import { clearWatchState } from './seed-extension.ts';
import { median } from './stats.ts';

export interface StatusToBadgeRun {
  /** ms from the start of the sandbox's finish request; null when not seen before the deadline. */
  badgeMs: number | null;
  notificationMs: number | null;
  /** When the alarm fired, ms after the finish; null if the worker restarted in between. */
  alarmMs: number | null;
}

export interface StatusToBadge {
  /** The poller's alarm, as named in src/background/watch/alarm.ts. */
  alarm: string;
  periodSeconds: number;
  /** periodSeconds + 2 s, in ms. */
  budgetMs: number;
  runs: number;
  /** Runs where the badge or the notification did not show before the deadline. */
  timedOut: number;
  /** ms from the finish until both the badge and the notification showed, over the runs. */
  maxMs: number;
  medianMs: number;
  /** Median ms from the alarm firing to both showing: the extension's own share. */
  afterAlarmMs: number | null;
  samples: StatusToBadgeRun[];
}

/** Past the budget by this much, a run stops waiting and counts as timed out. */
const SLACK_MS = 8_000;

/**
 * The alarm's name, read from the source: alarm.ts imports webextension-polyfill, which throws
 * outside an extension, so Node cannot import the constant. The worker must have this alarm.
 */
export function watchAlarmName(): string {
  const file = join(repoRoot, 'src', 'background', 'watch', 'alarm.ts');
  const name = /export const WATCH_ALARM = (['"`])([^'"`]+)\1/.exec(readFileSync(file, 'utf8'));
  if (!name?.[2]) throw new Error(`No \`export const WATCH_ALARM = '…'\` found in ${file}`);
  return name[2];
}

/** Empties what a run reads: watchlist, poll state (see below), caches and notifications. */
async function resetRun(worker: Worker, alarm: string): Promise<void> {
  // No alarm while the run is set up: a cycle now would see nothing, but would move nothing either.
  await worker.evaluate((name) => chrome.alarms.clear(name), alarm);
  // An alarm cycle is not debounced on pollState.lastAttemptAt (only popup and settings cycles
  // are, next-hold.ts mayStartCycle), but it is stopped by pollState.holdUntil: a rate-limit hold
  // or a back-off that an earlier stage's cycles could have left. Removing pollState (it then
  // reads as `{ failures: 0 }`) leaves no hold and no debounce, so the first alarm runs a cycle.
  await clearWatchState(worker);
  await worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) {
      await chrome.notifications.clear(id);
    }
  });
}

/** The badge text once the watchlist change has reached it (it is set asynchronously). */
async function settledBadge(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const until = Date.now() + 2_000;
    let text = await chrome.action.getBadgeText({});
    while (text !== '' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      text = await chrome.action.getBadgeText({});
    }
    return text;
  });
}

async function oneRun(
  env: BenchEnv,
  worker: Worker,
  alarm: string,
  periodMinutes: number,
  deadlineMs: number,
): Promise<StatusToBadgeRun> {
  await resetRun(worker, alarm);
  // Created and watched the way the popup's "New inquiry" does: the background watches it itself.
  const created = await askWorker<Replies['createInquiry']>(worker, {
    type: 'createInquiry',
    templateId: SEED_TEMPLATE_ID,
    idempotencyKey: randomUUID(),
  });
  const id = created.inquiry.id;
  const before = await settledBadge(worker);

  // Arm the alarm, then change the status at once: the first alarm is one period away.
  await worker.evaluate(
    ({ name, period }) => {
      (globalThis as { __benchAlarmAt?: number }).__benchAlarmAt = undefined;
      return chrome.alarms.create(name, { delayInMinutes: period, periodInMinutes: period });
    },
    { name: alarm, period: periodMinutes },
  );
  const finishedAt = Date.now();
  await env.controls.finish(id, 'passed');

  // Polled inside the worker, on the same wall clock as `finishedAt` (one machine).
  const seen = await worker.evaluate(
    async ({ id, before, until }) => {
      let badgeAt: number | undefined;
      let notificationAt: number | undefined;
      while ((badgeAt === undefined || notificationAt === undefined) && Date.now() < until) {
        if (badgeAt === undefined && (await chrome.action.getBadgeText({})) !== before) {
          badgeAt = Date.now();
        }
        if (
          notificationAt === undefined &&
          Object.keys(await chrome.notifications.getAll()).some((key) => key.includes(id))
        ) {
          notificationAt = Date.now();
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const alarmAt = (globalThis as { __benchAlarmAt?: number }).__benchAlarmAt;
      return { badgeAt, notificationAt, alarmAt };
    },
    { id, before, until: finishedAt + deadlineMs },
  );
  const since = (at: number | undefined) => (at === undefined ? null : at - finishedAt);
  return {
    badgeMs: since(seen.badgeAt),
    notificationMs: since(seen.notificationAt),
    alarmMs: since(seen.alarmAt),
  };
}

export async function measureStatusToBadge(
  env: BenchEnv,
  options: { runs: number; periodSeconds: number },
): Promise<StatusToBadge> {
  const alarm = watchAlarmName();
  const periodMinutes = options.periodSeconds / 60;
  const budgetMs = options.periodSeconds * 1000 + 2_000;
  const worker = await env.worker();
  const original = await worker.evaluate((name) => chrome.alarms.get(name), alarm);
  if (!original?.periodInMinutes) {
    throw new Error(`The worker has no periodic alarm "${alarm}" (src/background/watch/alarm.ts)`);
  }
  // Only to split the delay into the alarm's wait and the extension's share; the poller's own
  // listener is what runs the cycle. Gone if Chrome restarts the worker, and then not reported.
  await worker.evaluate((name) => {
    const scope = globalThis as { __benchAlarmAt?: number; __benchAlarmListening?: boolean };
    if (scope.__benchAlarmListening) return;
    scope.__benchAlarmListening = true;
    chrome.alarms.onAlarm.addListener((fired) => {
      if (fired.name === name && scope.__benchAlarmAt === undefined)
        scope.__benchAlarmAt = Date.now();
    });
  }, alarm);

  const samples: StatusToBadgeRun[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      samples.push(await oneRun(env, worker, alarm, periodMinutes, budgetMs + SLACK_MS));
    }
  } finally {
    // Back to the period the options set, scheduled as ensureAlarm schedules it.
    await worker.evaluate(
      ({ name, period }) =>
        chrome.alarms.create(name, { delayInMinutes: period, periodInMinutes: period }),
      { name: alarm, period: original.periodInMinutes },
    );
    await clearWatchState(worker);
  }

  const shown = samples.map((s) =>
    s.badgeMs === null || s.notificationMs === null ? null : Math.max(s.badgeMs, s.notificationMs),
  );
  const done = shown.filter((ms): ms is number => ms !== null);
  const afterAlarm = samples.flatMap((s, i) =>
    s.alarmMs === null || shown[i] == null ? [] : [(shown[i] as number) - s.alarmMs],
  );
  const timedOut = shown.length - done.length;
  return {
    alarm,
    periodSeconds: options.periodSeconds,
    budgetMs,
    runs: options.runs,
    timedOut,
    // A run that timed out counts as its deadline: at least that late.
    maxMs: timedOut > 0 ? budgetMs + SLACK_MS : Math.max(...done),
    medianMs: median(shown.map((ms) => ms ?? budgetMs + SLACK_MS)),
    afterAlarmMs: afterAlarm.length > 0 ? median(afterAlarm) : null,
    samples,
  };
}
