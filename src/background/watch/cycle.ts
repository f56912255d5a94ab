// One poll cycle: the I/O around the pure planner, change detector and hold logic. Everything it
// needs lives in storage, and every write is a whole, consistent value, so a worker stopped at any
// point leaves nothing half done: the next cycle asks again and applies the same answers again
// (applySummaries is idempotent), and a notification shown twice replaces itself (same id).
import type { ErrorInfo } from '../../shared/errors.ts';
import { toErrorInfo } from '../../shared/errors.ts';
import { pollStateItem, settingsItem, watchlistItem } from '../../shared/generated/stored-items.ts';
import type { InquirySummary } from '../../shared/messages.ts';
import type { PersonaClient } from '../../shared/persona/client.ts';
import type { RateLimit } from '../../shared/persona/response-meta.ts';
import { readItem, readItems, writeItem } from '../../shared/storage.ts';
import { editItem } from '../edit-item.ts';
import { summarise } from '../inquiries/adopt-inquiry.ts';
import { periodMinutes } from './alarm.ts';
import {
  type CycleOutcome,
  type CycleReason,
  mayStartCycle,
  nextPollState,
  settleIdle,
} from './next-hold.ts';
import { BATCH_SIZE, POLL_FIELDS, planCycle } from './planner.ts';
import { applySummaries, type Change, forgetDecided } from './watchlist-logic.ts';

export type PollClient = Pick<PersonaClient, 'listInquiries'>;

export interface CycleDeps {
  /** A client for the stored key and base URL; throws a DeskError when there is none. */
  openClient: () => Promise<PollClient>;
  notify: (changes: readonly Change[]) => Promise<void>;
  now: () => number;
  /** Dice for the team-scale stretch (env-budget.ts); default Math.random. */
  random?: () => number;
}

export interface CycleResult {
  /** `idle`: nothing can change; `held`: a hold or the debounce said not now. */
  outcome: CycleOutcome['kind'] | 'idle' | 'held';
  /** Persona requests made. */
  requests: number;
  changes: Change[];
}

export async function runCycle(reason: CycleReason, deps: CycleDeps): Promise<CycleResult> {
  const now = deps.now();
  const [stored, state, settings] = await readItems([
    watchlistItem,
    pollStateItem,
    settingsItem,
  ] as const);
  const hours = settings.forgetDecidedAfterHours;
  const list = forgetDecided(stored, now, hours);
  if (list.length !== stored.length) {
    await editItem(watchlistItem, (l) => ({
      value: forgetDecided(l, now, hours),
      result: undefined,
    }));
  }

  const { batches, asksSlow } = planCycle(list, state.slowPolledAt, now);
  if (batches.length === 0) {
    const settled = settleIdle(state);
    if (settled !== state) await writeItem(pollStateItem, settled);
    return { outcome: 'idle', requests: 0, changes: [] };
  }
  if (!mayStartCycle(state, reason, now)) return { outcome: 'held', requests: 0, changes: [] };
  // Claimed before any request: the debounce holds even if this worker is stopped mid-cycle.
  const attempted = { ...state, lastAttemptAt: now };
  await writeItem(pollStateItem, attempted);

  const { summaries, outcome, requests } = await fetchSummaries(deps, batches);
  let changes: Change[] = [];
  if (summaries.length > 0) {
    const at = deps.now();
    changes = applySummaries(await readItem(watchlistItem), summaries, at).changes;
    // Notify before writing: a worker stopped in between notifies again (same ids), not never.
    if (changes.length > 0 && settings.notifications) await deps.notify(changes).catch(() => {});
    await editItem(watchlistItem, (l) => ({
      value: applySummaries(l, summaries, at).list,
      result: undefined,
    }));
  }
  const pace = {
    periodMs: periodMinutes(settings.pollSeconds) * 60_000,
    random: deps.random ?? Math.random,
  };
  const next = nextPollState(attempted, outcome, deps.now(), pace);
  // Expired inquiries were asked about and answered: the next slow round is due in SLOW_POLL_MS.
  const slowPolledAt = asksSlow && outcome.kind === 'ok' ? now : state.slowPolledAt;
  // In the item's edit queue: a hold for a 429 this cycle's own request got (persona-access.ts)
  // is written first, then this state, which already has it, and not the other way round.
  const value = slowPolledAt === undefined ? next : { ...next, slowPolledAt };
  await editItem(pollStateItem, () => ({ value, result: 0 }));
  return { outcome: outcome.kind, requests, changes };
}

/**
 * Asks for each batch in turn. The first failure ends the cycle: after a 429 or an outage the
 * remaining batches would fail the same way and only spend the shared limit. What was fetched
 * before it is still applied.
 */
async function fetchSummaries(deps: CycleDeps, batches: string[][]) {
  const summaries: InquirySummary[] = [];
  let requests = 0;
  let rateLimit: RateLimit | undefined;
  let client: PollClient;
  try {
    client = await deps.openClient();
  } catch (error) {
    return { summaries, requests, outcome: failure(toErrorInfo(error), rateLimit) };
  }
  for (const inquiryIds of batches) {
    try {
      requests += 1;
      const page = await client.listInquiries({
        inquiryIds,
        fields: POLL_FIELDS,
        pageSize: BATCH_SIZE,
      });
      rateLimit = page.meta.rateLimit ?? rateLimit;
      // One without a status is left out where the summaries are folded in (watchlist-logic.ts).
      for (const item of page.data.items) summaries.push(summarise(item));
    } catch (error) {
      return { summaries, requests, outcome: failure(toErrorInfo(error), rateLimit) };
    }
  }
  const outcome: CycleOutcome = { kind: 'ok', rateLimit };
  return { summaries, requests, outcome };
}

function failure(error: ErrorInfo, rateLimit: RateLimit | undefined): CycleOutcome {
  if (error.kind === 'rate_limited') {
    return { kind: 'rate_limited', rateLimit, resetSeconds: error.retryAfterSeconds };
  }
  return { kind: 'failed', error, rateLimit };
}
