// @vitest-environment node
// What a reviewer waits on (open, refresh, search, lists) against the sandbox's rate limit: a long
// window is said at once, with the seconds to wait, rather than waited out behind "Checking with Persona…".
import { describe, expect, it } from 'vitest';
import { createInquiry } from '../../src/background/create/create-inquiry.ts';
import { getInquiry, listInquiries } from '../../src/background/handlers/inquiries.ts';
import { refreshWatchlist } from '../../src/background/handlers/watch.ts';
import { DeskError } from '../../src/shared/errors.ts';
import { pollStateItem } from '../../src/shared/generated/stored-items.ts';
import { readItem } from '../../src/shared/storage.ts';
import { useSandbox } from './use-sandbox.ts';

const env = useSandbox({ connectDesk: true });

/** What the page is told, and how long it took: the error, or the cached copy's reason. */
async function answerTo429(run: () => Promise<unknown>) {
  // A fresh one-minute window, 45 s of it gone on the sandbox's clock: the 429 that follows
  // resets in about 15 s, which the background's own waits (up to 30 s) would sit out.
  await env.controls.setRateLimit(300);
  // The window starts with its first request.
  await fetch(`${env.sandbox.baseUrl}/inquiries?page[size]=1`, {
    headers: { Authorization: `Bearer ${env.sandbox.key}` },
  });
  await env.controls.advanceClock(45);
  await env.controls.setFaults({ next429: 1 });
  const started = Date.now();
  const answer = await run().catch((e: unknown) => e);
  const ms = Date.now() - started;
  const info = answer instanceof DeskError ? answer.info : (answer as { stale?: unknown }).stale;
  return { ms, info: info as DeskError['info'] };
}

function saidAtOnce({ ms, info }: Awaited<ReturnType<typeof answerTo429>>) {
  expect(ms).toBeLessThan(4_000);
  expect(info.kind).toBe('rate_limited');
  expect(info.retryAfterSeconds).toBeGreaterThan(5);
}

describe('a 429 with a window of more than a few seconds, on what a reviewer waits for', () => {
  it('refreshing an inquiry shows the copy at hand at once, with why and the wait', async () => {
    const created = await createInquiry({
      type: 'createInquiry',
      idempotencyKey: crypto.randomUUID(),
      templateId: 'itmpl_DeskInteractive01',
    });
    saidAtOnce(
      await answerTo429(() =>
        getInquiry({ type: 'getInquiry', id: created.inquiry.id, refresh: true }),
      ),
    );
  });

  it('a list says so at once, with the wait', async () => {
    saidAtOnce(
      await answerTo429(() => listInquiries({ type: 'listInquiries', statuses: ['needs_review'] })),
    );
  });

  it('holds the watcher until the reset too, so no poll asks into the window Persona closed', async () => {
    // A watched inquiry that can still change: without the hold, a cycle would ask about it.
    await createInquiry({
      type: 'createInquiry',
      idempotencyKey: crypto.randomUUID(),
      templateId: 'itmpl_DeskInteractive01',
    });
    const { info } = await answerTo429(() =>
      listInquiries({ type: 'listInquiries', statuses: ['needs_review'] }),
    );
    expect(info.kind).toBe('rate_limited');
    const state = await readItem(pollStateItem);
    expect(state.holdUntil).toBeGreaterThan(Date.now() + 5_000);
    const since = (await env.controls.requests()).lastSeq;
    expect(await refreshWatchlist({ type: 'refreshWatchlist' })).toEqual({ polled: false });
    expect((await env.controls.requests(since)).requests).toEqual([]);
  });
});
