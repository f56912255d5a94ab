// The part of docs/benchmarks.md about team scale: the simulated teams' figures, how the desk
// shares an environment's limit with the customer's backend, how that scales past the measured
// teams and where it stops. The arithmetic uses the constants the extension itself uses.
import {
  MIN_ELAPSED_SECONDS,
  STRETCH_FROM_SHARE,
  STRETCH_FULL_SHARE,
} from '../src/background/watch/env-budget.ts';
import { BACKOFF_CAP_MS } from '../src/background/watch/next-hold.ts';
import { BATCH_SIZE } from '../src/background/watch/planner.ts';
import { MIN_POLL_SECONDS } from '../src/shared/settings-values.ts';
import type { BenchResults } from './results.ts';
import { BACKEND_PER_MINUTE, PERSONA_LIMIT_PER_MINUTE, type TeamRun } from './team-scale.ts';

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const two = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');

function table(runs: TeamRun[]): string {
  return [
    '| K | team req/min | team share of limit | busiest minute, team / all | 429s backend / team | alarms stretched | change seen, periods (median / max) | changes (unseen) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.reviewers} | ${(r.teamRequests / r.simulatedMinutes).toFixed(1)} | ${pct(r.teamShare)} | ${r.teamPeakMinute} / ${r.allPeakMinute} | ${r.backend429} / ${r.team429} | ${r.heldAlarms} of ${r.alarms} | ${two(r.seenMedianPeriods)} / ${two(r.seenMaxPeriods)} | ${r.changes} (${r.unseen}) |`,
    ),
  ].join('\n');
}

export function teamSection(r: BenchResults): string {
  const { runs } = r.teamScale;
  const first = runs[0];
  const past = runs.find((run) => run.reviewers > 100);
  const minutes = first?.simulatedMinutes ?? 0;
  const period = first?.periodSeconds ?? 60;
  const L = PERSONA_LIMIT_PER_MINUTE;
  const B = BACKEND_PER_MINUTE;
  const longestMinutes = BACKOFF_CAP_MS / 60_000;
  // At the longest stretch each reviewer asks ⌈N/100⌉ times per `longestMinutes`.
  const ceiling = Math.floor((L - B) * longestMinutes);
  return `## Team scale

K reviewers share one Persona environment, and its limit of ${L} requests a minute, with the
customer's backend (a steady ${B} a minute). Each reviewer watches ${first?.watchedEach ?? 100} inquiries of its own that can still change
(pending, open for a day), polls on the default period of ${period} s, and ${minutes} minutes are simulated
per team on the sandbox clock. 2 × K status changes (at least 10) are injected at random times,
each on a different inquiry of a random reviewer, none in the last three periods.

${table(runs)}

**What is real.** Each reviewer runs the extension's own poller: \`startCycle('alarm')\` from
\`src/background/watch/poller.ts\`, so \`cycle.ts\`, \`planner.ts\`, \`next-hold.ts\`, \`env-budget.ts\`,
\`watchlist-logic.ts\`, the storage items and their schemas, and the Persona client the poller
opens from storage (\`persona-access.ts\`, \`src/shared/persona/*\`, the poller's retry manners),
over Node's \`fetch\` and loopback HTTP to the sandbox app with its rate limiter. Simulated:
\`chrome.alarms\` (the bench fires each reviewer's alarm on the period \`alarm.ts\` computes, at a
random phase), \`chrome.storage\` (@webext-core/fake-browser's in-memory storage, one reviewer's
contents swapped in around each cycle), the clock (the sandbox clock reads the simulation's time
and stands still between events, so a request's own milliseconds never move a window), and the
backend, whose requests are counted by the sandbox's rate limiter directly, without HTTP. A change
counts as seen when the reviewer's cycle reports it (the moment it notifies); its time is in
poll periods of ${period} s. "Alarms stretched" are alarms the poller let pass.

### How the desk shares the limit

- A cycle asks \`GET /inquiries?filter[inquiry-id]=…\` once per ${BATCH_SIZE} watched inquiries that can
  still change, and nothing when none can. A team of K reviewers watching N each asks
  K × ⌈N / ${BATCH_SIZE}⌉ requests per period: at K = 50, N = 100 and the default ${period} s, 50 a minute, ${pct(50 / L)} of
  ${L}.
- Every answer carries the environment's \`RateLimit-Limit\`, \`-Remaining\` and \`-Reset\`, all keys
  counted together. From them each reviewer projects the window's pace: used × 60 s / elapsed
  (elapsed at least ${MIN_ELAPSED_SECONDS} s, so the first requests of a window do not look like a flood). Up to
  ${pct(STRETCH_FROM_SHARE)} of the limit it keeps its period. Above, it lets alarms pass: the share of polls that
  run falls linearly from all of them at ${pct(STRETCH_FROM_SHARE)} to 1 in ${longestMinutes} at ${pct(STRETCH_FULL_SHARE)} (${longestMinutes} minutes at the default
  period, the watcher's longest wait, its back-off cap). The number of alarms to let pass is rounded
  by a die, so the mean period is the stretch and reviewers who read the same headers at the same
  moment spread out instead of coming back together. The hold ends half a period after the last
  alarm to skip. Persona's own advice stays on top: fewer than 15 % left waits for the reset, and a
  429 waits for \`RateLimit-Reset\`. The stretch holds the alarm only: a reviewer who opens the
  desk once the window it was judged on has reset gets one check at once (debounced like any
  popup's), whose headers judge the pace again, so one busy minute does not leave the screen they
  look at 15 minutes behind. While checks are spaced out, the watchlist says so, and until when.
  That look costs at most one cycle a window per reviewer, and only when they open the desk: the
  bench models the alarms alone. A team whose reviewers each open the desk, say, six times an
  hour adds some 0.1 × K × ⌈N / 100⌉ requests a minute at most (10 at K = 100, N = 100), a guess
  about use that the ceiling below does not include.
- No reviewer knows the others. They back off together because they all read the same
  environment, and the backend's share counts as much as theirs: a busier backend stretches the
  desk sooner.

### Past K = 100, and where it stops

- The environment settles where the desk's polls plus the backend make the pace that gives the
  stretch that makes those polls. Up to half the limit nothing stretches (K ≤ ${Math.floor(L / 2 - B)} at
  N = 100 and ${period} s with this backend); past it, the stretch absorbs each further reviewer${
    past
      ? `, as the K = ${past.reviewers} row shows: without it that team would ask ${past.reviewers} a minute, ${
          past.reviewers + B
        } of ${L} with the backend, leaving the backend ${L - past.reviewers - B} requests a minute for any burst; with it, the team asked ${(past.teamRequests / past.simulatedMinutes).toFixed(0)} a minute. Without the stretch the backend's first 429s would come at K = ${L - B + 1}`
      : ' (a full run shows it at K = 200)'
  }.
- It holds while the team at its longest period plus the backend fit in the limit:
  K × ⌈N / ${BATCH_SIZE}⌉ / ${longestMinutes} + ${B} < ${L} a minute, i.e. K × ⌈N / ${BATCH_SIZE}⌉ < ${ceiling}: some ${ceiling.toLocaleString('en')} reviewers watching 100
  each, or ${Math.floor(ceiling / 10)} watching 1,000 each: there the stretch is at its longest and the
  environment at its limit. Before that the cost is time, not 429s: a change is seen within the
  stretched period, at most ${longestMinutes} minutes. Close to the ceiling, though, the environment runs near
  its limit, and a burst of the backend's meets 429s sooner than it would beside a small team.
- Where it stops: ${BATCH_SIZE} ids per request is Persona's largest page, so a reviewer cannot ask fewer
  than ⌈N / ${BATCH_SIZE}⌉ requests per cycle; the ${MIN_POLL_SECONDS} s alarm floor (a published extension's
  \`chrome.alarms\` minimum) bounds the period from below, not above, so it sets the fastest a
  team can go (K = 50 at ${MIN_POLL_SECONDS} s asks ${pct(100 / L)} of the limit, over the 20 % goal, until the
  stretch takes over at ${pct(STRETCH_FROM_SHARE)} of the environment); and reviewers who watch the same inquiry each ask
  for it, since browsers share nothing. Past the ceiling, polling from each browser is the wrong
  tool: Persona's webhooks (https://docs.withpersona.com/webhooks) push each change once, to a
  server, which the desk does not have.
`;
}
