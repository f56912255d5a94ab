// One team on one environment, on the simulated clock: K reviewers, each with its own storage,
// key and alarm phase, each watching `watched` pending inquiries of its own; a backend asking
// steadily; status changes injected at random times. Events run one at a time in time order;
// each sets the sandbox clock first. The reviewers' requests go over HTTP to the sandbox; the
// backend's are counted by the sandbox's rate limiter directly (sim-sandbox.ts).
import { createRandom } from '../../test/persona-sandbox/core/ids.ts';
import { median } from '../stats.ts';
import type { SimSandbox } from './sim-sandbox.ts';
import type { loadWatcher } from './watcher-in-node.ts';

export interface TeamRun {
  reviewers: number;
  watchedEach: number;
  simulatedMinutes: number;
  /** The options' poll period the alarm runs on. */
  periodSeconds: number;
  limitPerMinute: number;
  backendPerMinute: number;
  /** Persona requests the team made, and their share of the environment's limit over the run. */
  teamRequests: number;
  teamShare: number;
  /** The busiest minute (a sliding 60 s window at each request) for the team and in all. */
  teamPeakMinute: number;
  allPeakMinute: number;
  team429: number;
  backend429: number;
  /** 429s in the sandbox's request log (the team's; the backend skips HTTP): must equal team429. */
  logged429: number;
  /** Alarms that found the poller holding back (the stretch, or a hold after a 429). */
  alarms: number;
  heldAlarms: number;
  changes: number;
  /** Changes no reviewer had seen when the run ended. */
  unseen: number;
  /** Injected change → the cycle that reported it to its reviewer, in poll periods. */
  seenMedianPeriods: number;
  seenMaxPeriods: number;
  /**
   * How long the simulation took on this machine: a note on its cost, not a figure to compare
   * (it runs beside Chromium's start and the bundle floor's build, bench/run.ts).
   */
  wallSeconds: number;
}

export interface TeamPlan {
  reviewers: number;
  watchedEach: number;
  minutes: number;
  periodSeconds: number;
  limitPerMinute: number;
  backendPerMinute: number;
  /** Status changes injected per reviewer over the run (at least 10 in all). */
  changesPerReviewer: number;
  seed: number;
}

type Watcher = Awaited<ReturnType<typeof loadWatcher>>;
type Event =
  | { at: number; kind: 'alarm'; reviewer: number }
  | { at: number; kind: 'backend' }
  | { at: number; kind: 'change'; reviewer: number; id: string };

function peakPerMinute(times: number[]): number {
  let peak = 0;
  let from = 0;
  for (let i = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[from] as number) >= 60_000) from++;
    peak = Math.max(peak, i - from + 1);
  }
  return peak;
}

export async function simulateTeam(
  watcher: Watcher,
  sandbox: SimSandbox,
  plan: TeamPlan,
  startMs: number,
): Promise<TeamRun> {
  const wallStart = performance.now();
  // Seeded (the sandbox's mulberry32), so a run can be repeated exactly.
  const random = createRandom(plan.seed);
  const periodMs = watcher.periodMinutes(plan.periodSeconds) * 60_000;
  const endMs = startMs + plan.minutes * 60_000;
  sandbox.setNow(startMs);

  // The inquiries, pending and open for a day on the sandbox clock: every one can still change.
  const ids = await sandbox.controls.seed(plan.reviewers * plan.watchedEach, {
    statuses: ['pending'],
    referenceIdPrefix: 'team-',
  });
  const settings = {
    ...watcher.defaultSettings(),
    baseUrl: sandbox.baseUrl,
    pollSeconds: plan.periodSeconds,
  };
  const storage = Array.from({ length: plan.reviewers }, (_, r) => {
    const key = `persona_sandbox_team-reviewer-${r}`;
    const watchlist = ids
      .slice(r * plan.watchedEach, (r + 1) * plan.watchedEach)
      .map((id) => ({ id, status: 'pending', addedAt: startMs, changedAt: startMs, seen: true }));
    return {
      [watcher.items.apiKeyItem.key]: key,
      [watcher.items.keyInfoItem.key]: {
        masked: key.slice(0, 20),
        environment: 'sandbox',
        savedAt: startMs,
      },
      [watcher.items.settingsItem.key]: settings,
      [watcher.items.watchlistItem.key]: watchlist,
      [watcher.items.pollStateItem.key]: { failures: 0 },
    } as Record<string, unknown>;
  });

  const events: Event[] = [];
  for (let r = 0; r < plan.reviewers; r++) {
    // Each reviewer's browser started at some moment: the alarm's phase is anyone's.
    for (let at = startMs + random() * periodMs; at < endMs; at += periodMs) {
      events.push({ at, kind: 'alarm', reviewer: r });
    }
  }
  const backendStep = 60_000 / plan.backendPerMinute;
  for (let at = startMs + backendStep / 2; at < endMs; at += backendStep) {
    events.push({ at, kind: 'backend' });
  }
  // Changes fall after the first period and early enough that a watcher at its own period sees
  // them twice over before the end; each hits a different inquiry of a random reviewer.
  const changes = Math.max(10, Math.round(plan.changesPerReviewer * plan.reviewers));
  const taken = new Set<string>();
  const lastChange = endMs - 3 * periodMs;
  for (let c = 0; c < changes; c++) {
    const reviewer = Math.floor(random() * plan.reviewers);
    const own = ids.slice(reviewer * plan.watchedEach, (reviewer + 1) * plan.watchedEach);
    const id = own.find((candidate) => !taken.has(candidate));
    if (!id) continue;
    taken.add(id);
    events.push({
      at: startMs + periodMs + random() * (lastChange - startMs - periodMs),
      kind: 'change',
      reviewer,
      id,
    });
  }
  events.sort((a, b) => a.at - b.at);

  const injectedAt = new Map<string, number>();
  const seenPeriods: number[] = [];
  const teamTimes: number[] = [];
  const allTimes: number[] = [];
  let teamRequests = 0;
  let team429 = 0;
  let backend429 = 0;
  let heldAlarms = 0;
  let alarms = 0;
  const { lastSeq } = await sandbox.controls.requests();

  for (const event of events) {
    const at = Math.round(event.at);
    sandbox.setNow(at);
    if (event.kind === 'backend') {
      allTimes.push(at);
      if (!sandbox.backendRequest()) backend429 += 1;
    } else if (event.kind === 'change') {
      await sandbox.controls.finish(event.id, 'passed');
      injectedAt.set(event.id, at);
    } else {
      alarms += 1;
      const deps = {
        openClient: watcher.openPollClient,
        notify: async () => {},
        now: () => at,
        random,
      };
      const { result, after } = await watcher.storage.with(storage[event.reviewer] ?? {}, () =>
        watcher.startCycle('alarm', deps),
      );
      storage[event.reviewer] = after;
      if (result.outcome === 'held') heldAlarms += 1;
      if (result.outcome === 'failed') {
        throw new Error(`a reviewer's poll cycle failed at minute ${(at - startMs) / 60_000}`);
      }
      if (result.outcome === 'rate_limited') team429 += 1;
      teamRequests += result.requests;
      for (let i = 0; i < result.requests; i++) {
        teamTimes.push(at);
        allTimes.push(at);
      }
      for (const change of result.changes) {
        const injected = injectedAt.get(change.id);
        if (injected !== undefined) seenPeriods.push((at - injected) / periodMs);
      }
    }
  }
  const log = await sandbox.controls.requests(lastSeq);
  const logged429 = log.requests.filter((r) => r.status === 429).length;
  allTimes.sort((a, b) => a - b);

  return {
    reviewers: plan.reviewers,
    watchedEach: plan.watchedEach,
    simulatedMinutes: plan.minutes,
    periodSeconds: periodMs / 1000,
    limitPerMinute: plan.limitPerMinute,
    backendPerMinute: plan.backendPerMinute,
    teamRequests,
    teamShare: teamRequests / plan.minutes / plan.limitPerMinute,
    teamPeakMinute: peakPerMinute(teamTimes),
    allPeakMinute: peakPerMinute(allTimes),
    team429,
    backend429,
    logged429,
    alarms,
    heldAlarms,
    changes: injectedAt.size,
    unseen: injectedAt.size - seenPeriods.length,
    seenMedianPeriods: median(seenPeriods),
    seenMaxPeriods: seenPeriods.length > 0 ? Math.max(...seenPeriods) : Number.NaN,
    wallSeconds: Math.round((performance.now() - wallStart) / 100) / 10,
  };
}
