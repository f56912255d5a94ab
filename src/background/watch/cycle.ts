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
import { readItem, readItems } from '../../shared/storage.ts';
import { editItem, updateItem } from '../edit-item.ts';
import { summarise } from '../inquiries/adopt-inquiry.ts';
import { periodMinutes } from './alarm.ts';
import {
  type CycleOutcome,
  type CycleReason,
  keepSpentWindow,
  mayStartCycle,
  nextPollState,
  settleIdle,
} from './next-hold.ts';
import { BATCH_SIZE, isSlowDue, POLL_FIELDS, planCycle } from './planner.ts';
import { applySummaries, type Change, forgetDecided, markUnlisted } from './watchlist-logic.ts';

export type PollClient = Pick<PersonaClient, 'listInquiries' | 'getInquiry'>;

export interface CycleDeps {
  /** A client for the stored key and base URL; throws a DeskError when there is none. */
  openClient: () => Promise<PollClient>;
  /** `byReference`: the settings' notifyReference. */
  notify: (changes: readonly Change[], byReference: boolean) => Promise<void>;
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
    await updateItem(watchlistItem, (l) => forgetDecided(l, now, hours));
  }

  // A newly saved key asks about every one, the slow ones too: back to the key of their
  // environment, entries marked unlisted are found again now, not in up to 15 minutes.
  const slowFrom = reason === 'settings' ? undefined : state.slowPolledAt;
  const { batches, asksSlow } = planCycle(list, slowFrom, now);
  // Settled, and claimed, in the item's edit queue, on the state as it is then: a hold another
  // request's 429 wrote since the read above is kept, and holds this cycle too.
  if (batches.length === 0) {
    await updateItem(pollStateItem, settleIdle);
    return { outcome: 'idle', requests: 0, changes: [] };
  }
  // Claimed before any request: the debounce holds even if this worker is stopped mid-cycle.
  const attempted = await editItem(pollStateItem, (stored) => {
    const claimed = mayStartCycle(stored, reason, now) && { ...stored, lastAttemptAt: now };
    return { value: claimed || stored, result: claimed };
  });
  if (!attempted) return { outcome: 'held', requests: 0, changes: [] };

  const unlisted = new Set(list.filter((e) => e.unlisted).map((e) => e.id));
  const { summaries, outcome, requests, gone } = await fetchSummaries(deps, batches, unlisted);
  let changes: Change[] = [];
  if (summaries.length > 0 || gone.length > 0) {
    const at = deps.now();
    changes = applySummaries(await readItem(watchlistItem), summaries, at).changes;
    // Notify before writing: a worker stopped in between notifies again (same ids), not never.
    if (changes.length > 0 && settings.notifications)
      await deps.notify(changes, settings.notifyReference).catch(() => {});
    await updateItem(watchlistItem, (l) =>
      markUnlisted(applySummaries(l, summaries, at).list, gone),
    );
  }
  const pace = {
    periodMs: periodMinutes(settings.pollSeconds) * 60_000,
    random: deps.random ?? Math.random,
  };
  const next = nextPollState(attempted, outcome, deps.now(), pace);
  // Expired inquiries were asked about and answered: the next slow round is due in SLOW_POLL_MS.
  // So is it when the first found not there were just asked about, and no slow round is pending:
  // none on record, or an old one (its expired inquiries no longer watched), which would have them
  // asked about again on the very next cycle.
  const slowPolledAt =
    outcome.kind === 'ok' && (asksSlow || (gone[0] && isSlowDue(state.slowPolledAt, now)))
      ? now
      : state.slowPolledAt;
  // In the item's edit queue: a hold for a 429 this cycle's own request got (persona-access.ts)
  // is written first, then this state, which already has it, and not the other way round.
  const value = slowPolledAt === undefined ? next : { ...next, slowPolledAt };
  await updateItem(pollStateItem, (stored) => keepSpentWindow(value, stored, attempted));
  return { outcome: outcome.kind, requests, changes };
}

/**
 * Asks for each batch in turn. The first failure ends the cycle: after a 429 or an outage the
 * remaining batches would fail the same way and only spend the shared limit. What was fetched
 * before it is still applied.
 *
 * `gone`: ids the answers left out, not yet `unlisted`, once Persona answered 404 for the first
 * of them asked by id. One request for all: they are left out together (a watchlist kept from
 * another key's environment), and a list that answers less than it was asked marks none.
 */
async function fetchSummaries(deps: CycleDeps, batches: string[][], unlisted: ReadonlySet<string>) {
  const summaries: InquirySummary[] = [];
  const gone: string[] = [];
  let requests = 0;
  let rateLimit: RateLimit | undefined;
  let client: PollClient;
  try {
    client = await deps.openClient();
    for (const inquiryIds of batches) {
      requests += 1;
      const page = await client.listInquiries({
        inquiryIds,
        fields: POLL_FIELDS,
        pageSize: BATCH_SIZE,
      });
      rateLimit = page.meta.rateLimit ?? rateLimit;
      // One without a status is left out where the summaries are folded in (watchlist-logic.ts).
      const items = page.data.items.map(summarise);
      summaries.push(...items);
      for (const id of inquiryIds) {
        if (!unlisted.has(id) && !items.some((s) => s.id === id)) gone.push(id);
      }
    }
  } catch (error) {
    // No client, or a page failed. The ids missing so far are not confirmed by a look-up: none is
    // marked.
    return { summaries, requests, gone: [], outcome: failure(toErrorInfo(error), rateLimit) };
  }
  let outcome: CycleOutcome = { kind: 'ok', rateLimit };
  if (gone[0]) {
    requests += 1;
    try {
      const found = await client.getInquiry(gone[0], { include: [], fields: POLL_FIELDS });
      summaries.push(summarise(found.data));
      gone.length = 0;
      outcome = { kind: 'ok', rateLimit: found.meta.rateLimit ?? rateLimit };
    } catch (error) {
      const info = toErrorInfo(error);
      if (info.kind !== 'not_found') gone.length = 0;
      // Its 429 holds the next cycles as a list's would.
      if (info.kind === 'rate_limited') outcome = failure(info, rateLimit);
    }
  }
  return { summaries, requests, gone, outcome };
}

function failure(error: ErrorInfo, rateLimit: RateLimit | undefined): CycleOutcome {
  if (error.kind === 'rate_limited') {
    return { kind: 'rate_limited', rateLimit, resetSeconds: error.retryAfterSeconds };
  }
  return { kind: 'failed', error, rateLimit };
}
