import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { editItem } from '../../../../src/background/edit-item.ts';
import { holdWatcherOn429 } from '../../../../src/background/persona-access.ts';
import { type CycleDeps, runCycle } from '../../../../src/background/watch/cycle.ts';
import { holdAfterRateLimit } from '../../../../src/background/watch/next-hold.ts';
import { applySummaries } from '../../../../src/background/watch/watchlist-logic.ts';
import { DeskError } from '../../../../src/shared/errors.ts';
import { defaultSettings } from '../../../../src/shared/settings.ts';
import { readItem, writeItem } from '../../../../src/shared/storage.ts';
import {
  type PollState,
  pollStateItem,
  settingsItem,
  watchlistItem,
} from '../../../../src/shared/storage-items.ts';
import { entries, entry, fakePersona, inquiryId, T0 } from './fixtures.ts';

let now: number;
let persona: ReturnType<typeof fakePersona>;
let deps: CycleDeps & { notify: ReturnType<typeof vi.fn<CycleDeps['notify']>> };

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

beforeEach(() => {
  now = T0;
  persona = fakePersona();
  deps = {
    openClient: async () => persona.client(),
    notify: vi.fn<CycleDeps['notify']>(async () => {}),
    now: () => now,
  };
});

async function watch(list = entries(3)) {
  await writeItem(watchlistItem, list);
  for (const e of list) persona.set(Number(e.id.slice(4)), e.status, e.updatedAt);
}
const pollState = () => readItem(pollStateItem);
const watchlist = () => readItem(watchlistItem);

describe('a poll cycle', () => {
  it('asks nothing and writes nothing when nothing is watched', async () => {
    expect(await runCycle('alarm', deps)).toEqual({ outcome: 'idle', requests: 0, changes: [] });
    expect(persona.calls).toEqual([]);
    expect(await browserLocal()).toEqual({});
  });

  it('asks nothing when every watched inquiry is final', async () => {
    await watch([entry(1, 'approved'), entry(2, 'declined')]);
    expect((await runCycle('alarm', deps)).requests).toBe(0);
    expect(persona.calls).toEqual([]);
  });

  it('keeps asking about a failed inquiry and reports when it is decided', async () => {
    await watch([entry(1, 'failed')]);
    persona.set(1, 'declined');
    const result = await runCycle('alarm', deps);
    expect(result.changes).toEqual([{ id: inquiryId(1), from: 'failed', to: 'declined' }]);
  });

  it('learns a redaction from the poll and asks no more about that inquiry', async () => {
    await watch([entry(1, 'pending')]);
    await runCycle('alarm', deps);
    expect(persona.calls.at(-1)?.searchParams.get('fields[inquiry]')).toContain('redacted-at');
    persona.redact(1);
    await runCycle('alarm', { ...deps, now: () => now + 60_000 });
    expect((await watchlist())[0]).toMatchObject({ id: inquiryId(1), redacted: true });
    const before = persona.calls.length;
    now += 120_000;
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'idle', requests: 0 });
    expect(persona.calls).toHaveLength(before);
  });

  it('asks about expired inquiries on a slower round, and remembers when', async () => {
    await watch([entry(1, 'expired'), entry(2, 'pending')]);
    const asked = () => persona.calls.at(-1)?.searchParams.get('filter[inquiry-id]');
    await runCycle('alarm', deps);
    expect(asked()).toBe(`${inquiryId(1)},${inquiryId(2)}`);
    expect((await pollState()).slowPolledAt).toBe(T0);
    now += 60_000;
    await runCycle('alarm', deps);
    expect(asked()).toBe(inquiryId(2));
    now = T0 + 15 * 60_000;
    persona.set(1, 'pending');
    const resumed = await runCycle('alarm', deps);
    expect(asked()).toBe(`${inquiryId(1)},${inquiryId(2)}`);
    expect(resumed.changes).toEqual([{ id: inquiryId(1), from: 'expired', to: 'pending' }]);
  });

  it('asks once per 100 still-changing inquiries, for four fields only', async () => {
    await watch([...entries(250), entry(900, 'approved')]);
    const result = await runCycle('alarm', deps);
    expect(result).toMatchObject({ outcome: 'ok', requests: 3, changes: [] });
    expect(persona.calls).toHaveLength(3);
    const idsPerCall = persona.calls.map((u) =>
      u.searchParams.get('filter[inquiry-id]')?.split(','),
    );
    expect(idsPerCall.map((ids) => ids?.length)).toEqual([100, 100, 50]);
    expect(idsPerCall.flat()).not.toContain(inquiryId(900));
    for (const url of persona.calls) {
      expect(url.pathname).toBe('/api/v1/inquiries');
      expect(url.searchParams.get('fields[inquiry]')).toBe(
        'status,updated-at,reference-id,redacted-at',
      );
      expect(url.searchParams.get('page[size]')).toBe('100');
    }
    expect(await pollState()).toMatchObject({ lastAttemptAt: T0, lastSuccessAt: T0, failures: 0 });
  });

  it('stores a change, marks it unseen and notifies once', async () => {
    await watch();
    persona.set(2, 'approved');
    const result = await runCycle('alarm', deps);
    expect(result.changes).toEqual([{ id: inquiryId(2), from: 'pending', to: 'approved' }]);
    // Named by their ids: the reference only once the reviewer turns that on.
    expect(deps.notify).toHaveBeenCalledExactlyOnceWith(result.changes, false);
    expect((await watchlist())[1]).toMatchObject({
      status: 'approved',
      seen: false,
      changedAt: T0,
    });

    now += 60_000;
    const again = await runCycle('alarm', deps);
    expect(again.changes).toEqual([]);
    expect(deps.notify).toHaveBeenCalledTimes(1);
    // Approved is final: the next cycle asks about the two others only.
    expect(persona.calls.at(-1)?.searchParams.get('filter[inquiry-id]')?.split(',')).toHaveLength(
      2,
    );
  });

  it('does not notify when notifications are off, but still stores the change', async () => {
    await writeItem(settingsItem, { ...defaultSettings(), notifications: false });
    await watch();
    persona.set(1, 'needs_review');
    await runCycle('alarm', deps);
    expect(deps.notify).not.toHaveBeenCalled();
    expect((await watchlist())[0]?.status).toBe('needs_review');
  });

  it('hands the change its reference ID, and the setting to name it so', async () => {
    await writeItem(settingsItem, { ...defaultSettings(), notifyReference: true });
    await watch([entry(1, 'pending', { referenceId: 'chat-1' })]);
    persona.set(1, 'needs_review');
    await runCycle('alarm', deps);
    const [changes, byReference] = deps.notify.mock.calls[0] ?? [];
    expect(byReference).toBe(true);
    expect(changes?.[0]?.referenceId).toBe('chat-1');
  });

  it('a failing notification does not fail the cycle', async () => {
    deps.notify.mockRejectedValueOnce(new Error('notifications are blocked'));
    await watch();
    persona.set(1, 'completed');
    expect((await runCycle('alarm', deps)).outcome).toBe('ok');
    expect((await watchlist())[0]?.status).toBe('completed');
  });

  it('a cycle stopped half way (worker stopped while notifying) is harmless when repeated', async () => {
    await watch();
    persona.set(3, 'completed');
    deps.notify.mockImplementationOnce(() => new Promise(() => {})); // never returns
    void runCycle('alarm', deps);
    await vi.waitFor(() => expect(deps.notify).toHaveBeenCalledTimes(1));
    // Nothing half-written: the list is as before, only the attempt was recorded.
    expect((await watchlist()).map((e) => e.status)).toEqual(['pending', 'pending', 'pending']);

    now += 30_000;
    const repeated = await runCycle('alarm', deps);
    expect(repeated.changes).toEqual([{ id: inquiryId(3), from: 'pending', to: 'completed' }]);
    expect(deps.notify).toHaveBeenCalledTimes(2);
    expect((await watchlist())[2]).toMatchObject({ status: 'completed', seen: false });
  });

  it("keeps a decision made while the cycle's request was out, and says nothing of the old answer", async () => {
    await watch([entry(1, 'needs_review', { updatedAt: '2026-01-05T09:05:00.000Z' })]);
    persona.set(1, 'needs_review', '2026-01-05T09:05:00.000Z');
    const client = persona.client();
    deps.openClient = async () => ({
      ...client,
      listInquiries: async (params) => {
        const page = await client.listInquiries(params);
        // The reviewer's Approve is answered while the list is on its way back (adoptInquiry).
        await editItem(watchlistItem, (list) => ({
          value: applySummaries(
            list,
            [{ id: inquiryId(1), status: 'approved', updatedAt: '2026-01-05T09:06:00.000Z' }],
            now,
          ).list,
          result: undefined,
        }));
        return page;
      },
    });
    const result = await runCycle('popup', deps);
    expect(result.changes).toEqual([]);
    expect(deps.notify).not.toHaveBeenCalled();
    expect((await watchlist())[0]).toMatchObject({
      status: 'approved',
      updatedAt: '2026-01-05T09:06:00.000Z',
    });
  });

  it('leaves decided inquiries behind after the configured hours', async () => {
    await writeItem(settingsItem, { ...defaultSettings(), forgetDecidedAfterHours: 2 });
    await watch([entry(1, 'approved', { changedAt: T0 - 3 * 3_600_000 }), entry(2, 'declined')]);
    await runCycle('alarm', deps);
    expect((await watchlist()).map((e) => e.id)).toEqual([inquiryId(2)]);
  });
});

describe('rate-limit manners and back-off in a cycle', () => {
  it('a 429 becomes a hold, not an error; what came before it is kept; it ends with the reset', async () => {
    await watch(entries(150));
    persona.set(1, 'completed');
    persona.set(150, 'needs_review');
    persona.faults.push(null, 429); // the first batch answers, the second gets a 429

    const held = await runCycle('alarm', deps);
    expect(held).toMatchObject({ outcome: 'rate_limited', requests: 2 });
    const state = await pollState();
    expect(state.lastError).toBeUndefined();
    expect(state.holdUntil).toBe(T0 + 42_000);
    expect((await watchlist())[0]?.status).toBe('completed');
    expect((await watchlist())[149]?.status).toBe('pending');

    now += 30_000;
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'held', requests: 0 });
    expect(await runCycle('popup', deps)).toMatchObject({ outcome: 'held', requests: 0 });

    now = T0 + 42_000;
    const after = await runCycle('alarm', deps);
    expect(after.outcome).toBe('ok');
    expect(after.changes).toEqual([{ id: inquiryId(150), from: 'pending', to: 'needs_review' }]);
    expect((await pollState()).holdUntil).toBeUndefined();
  });

  it("keeps the cycle's own state over the hold its own 429 queued (persona-access.ts)", async () => {
    // The real client's hook, as openPersona wires it: the second batch's 429 queues a hold on
    // the poll state while the cycle is still running, made from the state stored then, by the
    // same clock as the cycle's (Date.now, here the tests' T0).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await watch(entries(150));
    persona.faults.push(null, 429);
    // Chrome answers a read with what was stored when it was asked, a while later. Reads of the
    // poll state here take 5 ms, so the hold's read is still out when the cycle writes its state.
    const local = fakeBrowser.storage.local;
    const get = local.get.bind(local);
    vi.spyOn(local, 'get').mockImplementation(async (keys) => {
      const stored = await get(keys);
      if ([keys].flat().includes(pollStateItem.key)) await new Promise((r) => setTimeout(r, 5));
      return stored;
    });
    const hooked = {
      ...deps,
      openClient: async () => persona.client({ onResponse: holdWatcherOn429 }),
    };

    expect(await runCycle('alarm', hooked)).toMatchObject({ outcome: 'rate_limited' });
    // Once every queued edit of it is done, the state is the cycle's, written after the hold: its
    // hold by its own clock, and the window spent until then: the first batch's window is not the
    // one the 429 closed, so the hold's own end is the window's (next-hold.ts), which a decision
    // sent meanwhile counts down to.
    const state = await editItem(pollStateItem, (value) => ({ value, result: value }));
    expect(state.holdUntil).toBe(T0 + 42_000);
    expect(state.rateLimit).toMatchObject({ remaining: 0, resetAt: T0 + 42_000 });
  });

  it('is held by a 429 another request met after the cycle read its state, before it began', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await watch();
    // The cycle's first read of the poll state is answered; a decision's 429 comes in right then.
    const local = fakeBrowser.storage.local;
    const get = local.get.bind(local);
    let first = true;
    vi.spyOn(local, 'get').mockImplementation(async (keys) => {
      const stored = await get(keys);
      if (first && [keys].flat().includes(pollStateItem.key)) {
        first = false;
        holdWatcherOn429({
          status: 429,
          rateLimit: { limit: 300, remaining: 0, resetSeconds: 42 },
        });
      }
      return stored;
    });
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'held', requests: 0 });
    expect(persona.calls).toEqual([]);
    expect((await pollState()).holdUntil).toBe(T0 + 42_000);
  });

  it("keeps a window another request's 429 spent while the cycle was out", async () => {
    await watch();
    const client = await persona.client();
    const meanwhile = {
      ...deps,
      openClient: async () => ({
        ...client,
        listInquiries: async (...args: Parameters<typeof client.listInquiries>) => {
          const page = await client.listInquiries(...args);
          // A decision's 429 lands after this answer was read, before the cycle writes its state.
          await editItem(pollStateItem, (state) => ({
            value: holdAfterRateLimit(state, 20, now + 300),
            result: 0,
          }));
          return page;
        },
      }),
    };
    expect((await runCycle('alarm', meanwhile)).outcome).toBe('ok');
    const state = await pollState();
    // The count to the reset a decision shows reads this (rate-limit-wait.tsx).
    expect(state.rateLimit).toMatchObject({ remaining: 0, resetAt: T0 + 20_300 });
    expect(state.holdUntil).toBe(T0 + 20_300);
    expect(state.lastSuccessAt).toBe(T0);
    now += 10_000;
    expect((await runCycle('popup', deps)).outcome).toBe('held');
  });

  it('slows down when fewer than 15 % of the window remain', async () => {
    await watch();
    persona.rateLimit.remaining = 40;
    await runCycle('alarm', deps);
    const state = await pollState();
    // 261 used 18 s into the window: on pace for nearly three times the limit, so the team-scale
    // budget waits longer than the reset, its longest: 14 alarms of the options' 60 s pass.
    expect(state.holdUntil).toBe(T0 + 14.5 * 60_000);
    expect(state.rateLimit).toEqual({ limit: 300, remaining: 39, resetAt: T0 + 42_000 });
    expect(state.lastError).toBeUndefined();
    now += 30_000;
    expect((await runCycle('alarm', deps)).outcome).toBe('held');
  });

  it("stretches the options' period while the environment is busy, by the dice", async () => {
    await writeItem(settingsItem, { ...defaultSettings(), pollSeconds: 120 });
    await watch();
    // After this cycle's request, 120 used 18 s into the window: on pace for 400 of 300.
    persona.rateLimit.remaining = 181;
    persona.rateLimit.resetSeconds = 42;
    deps.random = () => 0.99;
    await runCycle('alarm', deps);
    // The longest stretch at a 120 s period: 7 alarms pass, the hold ends mid-way to the 8th,
    // which is the back-off cap of 15 minutes.
    expect((await pollState()).holdUntil).toBe(T0 + 7.5 * 120_000);

    // Quiet again (on pace for 20 of 300): the next cycle keeps the period.
    now = T0 + 8 * 120_000;
    persona.rateLimit.remaining = 295;
    expect((await runCycle('alarm', deps)).outcome).toBe('ok');
    expect((await pollState()).holdUntil).toBeUndefined();
  });

  it.each([
    ['a 5xx', 503, 'server'],
    ['a lost connection', 'network' as const, 'network'],
  ])(
    'after %s: keeps the data age, shows the error, backs off the alarm',
    async (_, fault, kind) => {
      await watch();
      await runCycle('alarm', deps);
      now += 60_000;
      persona.faults.push(fault);
      expect((await runCycle('alarm', deps)).outcome).toBe('failed');
      const state = await pollState();
      expect(state).toMatchObject({ failures: 1, lastSuccessAt: T0, lastError: { kind } });
      expect(state.holdUntil).toBe(now + 30_000);

      now += 10_000;
      expect((await runCycle('alarm', deps)).outcome).toBe('held');
      now += 20_000;
      expect((await runCycle('alarm', deps)).outcome).toBe('ok');
      expect(await pollState()).toMatchObject({ failures: 0, lastSuccessAt: now });
      expect((await pollState()).lastError).toBeUndefined();
    },
  );

  it('records a missing key as the error to show', async () => {
    deps.openClient = async () => {
      throw new DeskError({ kind: 'no_key', message: 'No Persona API key yet.' });
    };
    await watch();
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'failed', requests: 0 });
    expect((await pollState()).lastError).toEqual({
      kind: 'no_key',
      message: 'No Persona API key yet.',
    });
  });

  it('clears an old error once nothing is left to ask', async () => {
    const failing: PollState = {
      failures: 3,
      holdUntil: T0 + 1,
      lastError: { kind: 'server', message: 'x' },
    };
    await writeItem(pollStateItem, failing);
    await watch([entry(1, 'approved')]);
    await runCycle('alarm', deps);
    expect(await pollState()).toEqual({ failures: 0 });
  });
});

describe('watched inquiries Persona does not have', () => {
  const gone = (list: { id: string; unlisted?: boolean }[]) =>
    list.filter((e) => e.unlisted).map((e) => e.id);
  const asked = () =>
    persona.calls.map((u) => (u.searchParams.has('filter[inquiry-id]') ? 'list' : u.pathname));

  // Kept from another key's environment, or gone: the list leaves them out, and Persona answers
  // 404 for the first asked by id. They keep their last status, marked, and are asked about on the
  // slow round only, with no more look-ups by id.
  it('marks them after one look-up by id says not found, then asks about them slowly', async () => {
    await watch([entry(1), entry(2, 'needs_review'), entry(3, 'needs_review')]);
    persona.inquiries.delete(inquiryId(2));
    persona.inquiries.delete(inquiryId(3));

    expect(await runCycle('alarm', deps)).toEqual({ outcome: 'ok', requests: 2, changes: [] });
    expect(asked()).toEqual(['list', `/api/v1/inquiries/${inquiryId(2)}`]);
    expect(persona.calls[1]?.searchParams.get('fields[inquiry]')).toBe(
      'status,updated-at,reference-id,redacted-at',
    );
    expect(persona.calls[1]?.searchParams.get('include')).toBe('');
    expect(gone(await watchlist())).toEqual([inquiryId(2), inquiryId(3)]);
    expect((await watchlist()).map((e) => e.status)).toEqual([
      'pending',
      'needs_review',
      'needs_review',
    ]);

    persona.calls.length = 0;
    now += 60_000;
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'ok', requests: 1 });
    expect(persona.calls[0]?.searchParams.get('filter[inquiry-id]')).toBe(inquiryId(1));

    persona.calls.length = 0;
    now = T0 + 15 * 60_000;
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'ok', requests: 1 });
    expect(persona.calls[0]?.searchParams.get('filter[inquiry-id]')).toBe(
      [1, 2, 3].map(inquiryId).join(','),
    );
    expect(gone(await watchlist())).toEqual([inquiryId(2), inquiryId(3)]);
  });

  it('marked while an old slow round is on record (its expired ones no longer watched), they wait for the next slow round', async () => {
    await watch([entry(1), entry(2, 'needs_review')]);
    await writeItem(pollStateItem, { failures: 0, slowPolledAt: T0 - 60 * 60_000 });
    persona.inquiries.delete(inquiryId(2));
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'ok', requests: 2 });
    expect(gone(await watchlist())).toEqual([inquiryId(2)]);
    expect((await pollState()).slowPolledAt).toBe(T0);
    persona.calls.length = 0;
    now += 60_000;
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'ok', requests: 1 });
    expect(persona.calls[0]?.searchParams.get('filter[inquiry-id]')).toBe(inquiryId(1));
  });

  it('one answered again (its key is back) is no longer marked, and a change in it is news', async () => {
    await watch([
      entry(1, 'needs_review', { unlisted: true }),
      entry(2, 'created', { unlisted: true }),
    ]);
    persona.set(2, 'completed');
    const result = await runCycle('alarm', deps);
    expect(result).toMatchObject({ outcome: 'ok', requests: 1 });
    expect(result.changes).toEqual([{ id: inquiryId(2), from: 'created', to: 'completed' }]);
    const list = await watchlist();
    expect(gone(list)).toEqual([]);
    expect(list[0]).toEqual(entry(1, 'needs_review'));
  });

  it('marks none when Persona finds the one asked by id: the list answered less than asked', async () => {
    await watch([entry(1), entry(2)]);
    persona.set(2, 'needs_review');
    persona.leftOutOfLists.add(inquiryId(2));
    const result = await runCycle('alarm', deps);
    expect(result).toMatchObject({ outcome: 'ok', requests: 2 });
    expect(result.changes).toEqual([{ id: inquiryId(2), from: 'pending', to: 'needs_review' }]);
    expect(gone(await watchlist())).toEqual([]);
  });

  it('asks about them at once when a key is saved: the key of their environment may be back', async () => {
    await watch([entry(1), entry(2, 'needs_review', { unlisted: true })]);
    await writeItem(pollStateItem, { failures: 0, slowPolledAt: T0 - 60_000 });
    const asked = () => persona.calls.at(-1)?.searchParams.get('filter[inquiry-id]');
    await runCycle('alarm', deps);
    expect(asked()).toBe(inquiryId(1));
    now += 60_000;
    const result = await runCycle('settings', deps);
    expect(result).toMatchObject({ outcome: 'ok', requests: 1 });
    expect(asked()).toBe(`${inquiryId(1)},${inquiryId(2)}`);
    expect(gone(await watchlist())).toEqual([]);
  });

  it('marks none when a later batch fails: nothing was looked up by id', async () => {
    await watch(entries(150));
    persona.inquiries.delete(inquiryId(2));
    persona.faults.push(null, 500);
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'failed', requests: 2 });
    expect(gone(await watchlist())).toEqual([]);
  });

  it("marks none when the look-up fails, and holds after its 429 as after a list's", async () => {
    await watch([entry(1), entry(2)]);
    persona.inquiries.delete(inquiryId(2));
    persona.faults.push(null, 500);
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'ok', requests: 2 });
    expect(gone(await watchlist())).toEqual([]);

    now += 60_000;
    persona.faults.push(null, 429);
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'rate_limited', requests: 2 });
    expect(gone(await watchlist())).toEqual([]);
    expect((await pollState()).holdUntil).toBe(now + 42_000);

    now += 42_000;
    expect(await runCycle('alarm', deps)).toMatchObject({ outcome: 'ok', requests: 2 });
    expect(gone(await watchlist())).toEqual([inquiryId(2)]);
  });
});

async function browserLocal() {
  const { browser } = await import('../../../../src/shared/browser.ts');
  return browser.storage.local.get(null);
}
