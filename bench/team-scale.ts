// Team scale (docs/architecture.md#budgets): K reviewers share one Persona environment, and its rate limit, with
// the customer's own backend. Each reviewer runs the extension's own poller and Persona client
// (team-scale/watcher-in-node.ts says exactly which parts are real) against the sandbox and its
// limit, on a simulated clock (team-scale/sim-sandbox.ts), so an hour takes seconds.

import { startSimSandbox } from './team-scale/sim-sandbox.ts';
import { simulateTeam, type TeamRun } from './team-scale/simulate.ts';
import { loadWatcher } from './team-scale/watcher-in-node.ts';

export type { TeamRun };

export interface TeamScale {
  runs: TeamRun[];
}

/** The goals the issue set, checked by report.ts. */
export const TEAM_GOALS = {
  /** At K = 50: at most this share of the environment's limit… */
  shareAt50: 0.2,
  /** …and every change seen within this many poll periods. */
  seenWithinPeriods: 2,
} as const;

export const PERSONA_LIMIT_PER_MINUTE = 300;
export const BACKEND_PER_MINUTE = 60;

export async function measureTeamScale(options: {
  reviewers: number[];
  minutes: number;
}): Promise<TeamScale> {
  const watcher = await loadWatcher();
  const runs: TeamRun[] = [];
  // Whole minutes on the real calendar, so the log's times read well; the sandbox clock is
  // the simulation's from here on.
  const startMs = Math.ceil(Date.now() / 60_000) * 60_000;
  for (const reviewers of options.reviewers) {
    const sandbox = await startSimSandbox(PERSONA_LIMIT_PER_MINUTE, startMs);
    try {
      runs.push(
        await simulateTeam(
          watcher,
          sandbox,
          {
            reviewers,
            watchedEach: 100,
            minutes: options.minutes,
            periodSeconds: watcher.defaultSettings().pollSeconds,
            limitPerMinute: PERSONA_LIMIT_PER_MINUTE,
            backendPerMinute: BACKEND_PER_MINUTE,
            changesPerReviewer: 2,
            seed: 14_000 + reviewers,
          },
          startMs,
        ),
      );
    } finally {
      await sandbox.close();
    }
  }
  return { runs };
}
