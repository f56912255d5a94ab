// Persona requests per poll cycle for N watched inquiries that can still change, counted in the
// sandbox's request log (docs/architecture.md#budgets: ⌈N / 100⌉, 0 when none), next to the naive
// poll of one request per inquiry. Cycles run through the worker's test hook, as the alarm would
// run them.
import type { Worker } from 'playwright-core';
import type { BenchEnv } from './bench-env.ts';
import { clearWatchState } from './seed-extension.ts';

export interface PollRow {
  watched: number;
  /** Of which can still change (the rest are decided: approved, declined, failed). */
  changing: number;
  /** Requests the cycle made, from the sandbox's log. */
  requests: number;
  /** What the cycle itself reported; a check on the log. */
  reported: number;
  budget: number;
  naive: number;
}

export interface PollRequests {
  source: 'cycle';
  rows: PollRow[];
}

/** Writes the watchlist as the background keeps it; no Persona request is made for it. */
async function writeWatchlist(worker: Worker, ids: string[], status: string): Promise<void> {
  const now = Date.now();
  const entries = ids.map((id) => ({ id, status, addedAt: now, changedAt: now, seen: true }));
  await worker.evaluate(
    (watchlist) => chrome.storage.local.set({ watchlist, pollState: { failures: 0 } }),
    entries,
  );
}

async function runCycle(worker: Worker): Promise<{ outcome: string; requests: number }> {
  return worker.evaluate(async () => {
    const desk = (globalThis as { inquiryDesk?: Record<string, unknown> }).inquiryDesk;
    const run = desk?.runCycle as
      | (() => Promise<{ outcome: string; requests: number }>)
      | undefined;
    if (!run) throw new Error('The service worker has no inquiryDesk.runCycle test hook.');
    return run();
  });
}

export async function measurePollRequests(
  env: BenchEnv,
  options: { watched: number[]; decided: number },
): Promise<PollRequests> {
  const worker = await env.worker();
  await clearWatchState(worker);
  const most = Math.max(...options.watched, options.decided, 1);
  // Pending inquiries stay pending: the cycle finds no change, as in a quiet hour of polling.
  const pending = await env.controls.seed(most, {
    statuses: ['pending'],
    referenceIdPrefix: 'bench-poll-',
  });
  const cases = [
    ...options.watched.map((n) => ({ ids: pending.slice(0, n), status: 'pending' })),
    // Nothing that can change: the cycle should ask nothing at all.
    ...(options.decided > 0
      ? [
          {
            ids: await env.controls.seed(options.decided, { statuses: ['approved'] }),
            status: 'approved',
          },
        ]
      : []),
  ];

  const rows: PollRow[] = [];
  for (const { ids, status } of cases) {
    await writeWatchlist(worker, ids, status);
    const { lastSeq } = await env.controls.requests();
    const result = await runCycle(worker);
    const { requests } = await env.controls.requests(lastSeq);
    if (result.outcome !== 'ok' && result.outcome !== 'idle') {
      throw new Error(`The poll cycle for ${ids.length} inquiries ended "${result.outcome}"`);
    }
    const changing = status === 'pending' ? ids.length : 0;
    rows.push({
      watched: ids.length,
      changing,
      requests: requests.length,
      reported: result.requests,
      budget: Math.ceil(changing / 100),
      // The naive poller asks about every watched inquiry, decided or not.
      naive: ids.length,
    });
  }
  await clearWatchState(worker);
  return { source: 'cycle', rows };
}
