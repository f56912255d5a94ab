// @vitest-environment happy-dom
// Needs review and the watchlist hold still while a mouse aims at them
// (src/ui/views/hold-rows.tsx): a row that leaves stays in its place, marked, and an arrival waits
// behind "Show 1 new", until the pointer leaves the list or rests. The real popup's is
// test/e2e/watch.e2e.ts's.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { holdRows } from '../../../src/ui/views/hold-rows.tsx';
import {
  decisionsAnswered,
  decisionsOnTheirWay,
  runningFakeClock,
  stubBackground,
} from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const row = (id: string, status = 'needs_review') => ({ id, status });
/** When the pointer last moved: the hold lasts three seconds past it. */
let aimedAt = 0;
/** A mouse moving on the list, as a hand aiming at a row; the list's events bubble to its hold. */
const aim = (list: HTMLElement) => {
  aimedAt = Date.now();
  fireEvent.pointerMove(list, { pointerType: 'mouse' });
};
/**
 * Waits for `check` while the hand keeps aiming, so a slow machine does not see the hold end
 * under it; what the hold would not draw is never drawn here.
 */
const aiming = <T,>(list: HTMLElement, check: () => T) =>
  waitFor(
    () => {
      aim(list);
      return check();
    },
    { timeout: 5000 },
  );

// The faked clock runs on by itself too (below), so the hold's 3 s are checked within bounds: still
// held 2.5 s after the last move, with half a second for a slow machine between the move and that
// check, and gone by 3 s, within the 200 ms a check may take to see it (a hold of 3.5 s fails).
const HELD_AT_LEAST = 2500;
const gone = { timeout: 200 };

/**
 * Runs `steps` with the clock's timers faked, so a test can skip the hold's three seconds instead
 * of waiting them out; time still runs on meanwhile, for testing-library's waits.
 */
async function skippingTime(steps: () => Promise<void>) {
  runningFakeClock();
  try {
    await steps();
  } finally {
    vi.useRealTimers();
  }
}

/** The inquiry ids of the list's rows, in its order. */
const idsIn = (list: HTMLElement) =>
  within(list)
    .getAllByRole('button')
    .map((button) => button.textContent?.match(/inq_\w+/)?.[0]);

/** Home's Needs review tab opened on the desk: its list. */
async function openQueue(): Promise<HTMLElement> {
  render(<DeskShell first={{ name: 'home' }} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
  return screen.findByRole('list', { name: 'Inquiries needing review' });
}

describe('holdRows', () => {
  it('draws the held rows in their places, with their news, and counts those not drawn', () => {
    const held = [row('inq_A'), row('inq_B'), row('inq_C')];
    const live = [row('inq_D'), row('inq_C', 'approved'), row('inq_A')];
    const { rows, left, arrived } = holdRows(held, live);
    expect(rows).toEqual([row('inq_A'), row('inq_B'), row('inq_C', 'approved')]);
    expect([...left]).toEqual(['inq_B']);
    expect(arrived).toBe(1);
  });
});

const ids = ['inq_HeldFirst00001', 'inq_HeldSecond0002', 'inq_HeldThird00003'];
const fourth = 'inq_HeldFourth0004';
// Oldest change first: in this order.
const updatedAt = (id: string) => `2026-12-0${[...ids, fourth].indexOf(id) + 1}T10:00:00Z`;
const watched = (id: string, status = 'needs_review') => ({
  id,
  status,
  updatedAt: updatedAt(id),
  addedAt: 1,
  changedAt: 1,
  seen: true,
});

/** What Persona lists as needing review, each time the queue asks. */
let listed: readonly string[] = ids;
function stubListing(first: readonly string[] = ids) {
  listed = first;
  stubBackground({
    listInquiries: () => ({
      items: listed.map((id) => ({ ...row(id), updatedAt: updatedAt(id) })),
      next: null,
    }),
  });
}

/** The queue open on the three, all of them watched, or none. */
async function openListedQueue({ watching }: { watching: boolean }): Promise<HTMLElement> {
  stubListing();
  if (watching) await fakeBrowser.storage.local.set({ watchlist: ids.map((id) => watched(id)) });
  const list = await openQueue();
  await waitFor(() => expect(idsIn(list)).toEqual(ids));
  return list;
}

/** A colleague declines the first in Persona: listed no more, and the watcher has seen it. */
async function firstDeclinedElsewhere() {
  listed = ids.slice(1);
  await fakeBrowser.storage.local.set({
    watchlist: [watched(ids[0] as string, 'declined'), ...ids.slice(1).map((id) => watched(id))],
  });
}

it('keeps the rows still while the pointer is on the queue, and moves them once it leaves', async () => {
  stubListing();
  await fakeBrowser.storage.local.set({ watchlist: ids.slice(0, 2).map((id) => watched(id)) });
  const list = await openQueue();
  await waitFor(() => expect(idsIn(list)).toHaveLength(3));
  aim(list);

  // A colleague declines the first; the third is watched now, and a fourth comes to review.
  listed = [ids[1], ids[2], fourth] as string[];
  await fakeBrowser.storage.local.set({
    watchlist: [watched(ids[0] as string, 'declined'), watched(ids[1] as string), watched(fourth)],
  });
  const show = await aiming(list, () => screen.getByRole('button', { name: 'Show 1 new' }));
  const rows = within(list).getAllByRole('button');
  expect(idsIn(list)).toEqual(ids);
  // Said gone, with the status the watcher found.
  expect(rows[0]?.textContent).toContain('no longer in the queue');
  expect(rows[0]?.textContent).toContain('Declined');
  expect(rows[0]?.className).toContain('is-on-its-way');

  aim(list);
  fireEvent.click(show);
  await waitFor(() => expect(idsIn(list)).toHaveLength(3));
  expect(idsIn(list)).toEqual([ids[1], ids[2], fourth]);
  expect(screen.queryByRole('button', { name: /Show \d+ new/ })).toBeNull();
  // The button is gone: the focus is on the row it brought.
  await waitFor(() => expect(document.activeElement?.textContent).toContain(fourth));

  // Still held: the second, declined too, stays in its place until the pointer leaves.
  listed = [ids[2], fourth] as string[];
  await fakeBrowser.storage.local.set({
    watchlist: [watched(ids[1] as string, 'declined'), watched(fourth)],
  });
  await aiming(list, () => screen.getByText('no longer in the queue'));
  expect(idsIn(list)).toHaveLength(3);
  fireEvent.pointerLeave(list.parentElement as HTMLElement);
  await waitFor(() => expect(idsIn(list)).toHaveLength(2));
  expect(idsIn(list)).toEqual([ids[2], fourth]);
});

/** A watched inquiry, looked at, last changed at `changedAt`. */
const entry = (id: string, status: string, changedAt: number) => ({
  ...watched(id, status),
  changedAt,
});

/**
 * Home's watchlist of the test's three ids with these statuses, the first changed last, so listed
 * in that order; resolves with the list once all three are in it.
 */
async function openWatchlist(statuses: [string, string, string]): Promise<HTMLElement> {
  stubBackground({});
  await fakeBrowser.storage.local.set({
    keyInfo: { masked: 'persona_sandbox_…1a2b', environment: 'sandbox', savedAt: 1 },
    watchlist: statuses.map((status, i) => entry(ids[i] as string, status, 3 - i)),
  });
  render(<DeskShell first={{ name: 'home' }} />);
  const list = await screen.findByRole('list', { name: 'Watched inquiries' });
  await waitFor(() => expect(idsIn(list)).toEqual(ids));
  return list;
}

it('keeps the watchlist still too: a changed row goes on top once the pointer rests', async () => {
  const list = await openWatchlist(['pending', 'pending', 'pending']);
  await skippingTime(async () => {
    aim(list);
    // The last completes (the watcher's news, on top were it not held); the first is unwatched.
    await fakeBrowser.storage.local.set({
      watchlist: [entry(ids[1] as string, 'pending', 2), entry(ids[2] as string, 'completed', 9)],
    });
    await aiming(list, () => within(list).getByText('no longer watched'));
    expect(idsIn(list)).toEqual(ids);
    expect(within(list).getAllByRole('button')[2]?.textContent).toContain('Completed');

    // Three seconds after the pointer's last move, no hand is aiming: the rows take their places.
    aim(list);
    await vi.advanceTimersByTimeAsync(HELD_AT_LEAST);
    expect(idsIn(list)).toEqual(ids);
    await vi.advanceTimersByTimeAsync(3000 - HELD_AT_LEAST);
    await waitFor(() => expect(idsIn(list)).toEqual([ids[2], ids[1]]), gone);
  });
});

it("keeps the watchlist's edge where it was while held: it moves no row under the pointer", async () => {
  const list = await openWatchlist(['needs_review', 'needs_review', 'pending']);
  // The last of the two that need the reviewer ends the group: its edge's gap is below it.
  const edge = () =>
    within(list)
      .getAllByRole('listitem')
      .findIndex((li) => li.classList.contains('ends-group'));
  expect(edge()).toBe(1);
  await skippingTime(async () => {
    aim(list);
    // The first is decided in Persona: the group would end above the second.
    await fakeBrowser.storage.local.set({
      watchlist: [
        entry(ids[0] as string, 'approved', 9),
        entry(ids[1] as string, 'needs_review', 2),
        entry(ids[2] as string, 'pending', 1),
      ],
    });
    await aiming(list, () =>
      expect(within(list).getAllByRole('button')[0]?.textContent).toContain('Approved'),
    );
    expect(idsIn(list)).toEqual(ids);
    expect(edge()).toBe(1);
    // The head counts them as the badge does, as they are now.
    expect(screen.getByTestId('watchlist-head').textContent).toContain(' · 1 for you');
    // Once no hand aims, the rows and the edge take their places together.
    await vi.advanceTimersByTimeAsync(3000);
    await waitFor(() => expect(idsIn(list)).toEqual([ids[1], ids[0], ids[2]]), gone);
    expect(edge()).toBe(0);
  });
});

it('draws the page Load more brought while held, at the foot, with the focus', async () => {
  const page = (from: number) =>
    [0, 1].map((n) => ({
      ...row(`inq_HeldPage${from + n}000000`),
      updatedAt: updatedAt(ids[n] as string),
    }));
  stubBackground({
    listInquiries: ({ next }) =>
      next === 'page-2' ? { items: page(2), next: null } : { items: page(0), next: 'page-2' },
  });
  const list = await openQueue();
  await waitFor(() => expect(idsIn(list)).toHaveLength(2));
  aim(list);
  fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
  await aiming(list, () => expect(idsIn(list)).toHaveLength(4));
  expect(screen.queryByRole('button', { name: /Show \d+ new/ })).toBeNull();
  await waitFor(() => expect(document.activeElement?.textContent).toContain('inq_HeldPage2'));
});

it('takes a new order at once while held', async () => {
  const list = await openListedQueue({ watching: false });
  aim(list);
  fireEvent.change(screen.getByRole('combobox', { name: 'Order' }), {
    target: { value: 'newest' },
  });
  await aiming(list, () => expect(idsIn(list)).toEqual([...ids].reverse()));
});

it.each([
  ['approve', 'Approved'],
  ['decline', 'Declined'],
] as const)(
  "marks a row the reviewer's own %s took out as %s, not as needing review",
  async (action, label) => {
    // Unwatched: the watcher has no status for it, and the queue's read said "needs review".
    const sentAt = Date.now();
    await decisionsOnTheirWay([{ action, inquiryId: ids[1] }], sentAt);
    const list = await openListedQueue({ watching: false });
    aim(list);

    // The decision is answered made, and Persona lists the inquiry no more.
    listed = [ids[0], ids[2]] as string[];
    await decisionsAnswered([{ action, inquiryId: ids[1], outcome: { outcome: 'ok' } }], sentAt);
    await aiming(list, () => within(list).getByText('no longer in the queue'));
    expect(idsIn(list)).toEqual(ids);
    const decided = within(list).getAllByRole('button')[1];
    expect(decided?.textContent).toContain(label);
    expect(decided?.textContent).not.toContain('Needs review');
  },
);

it('holds nothing for touch: a tap lifts its pointer before its click', async () => {
  const list = await openListedQueue({ watching: true });
  // A finger on the queue, as a tap's first move.
  fireEvent.pointerMove(list, { pointerType: 'touch' });

  // It goes at once, and no "Show N new" waits.
  await firstDeclinedElsewhere();
  // While the finger keeps moving: a mouse so moving would hold the rows for as long.
  await waitFor(
    () => {
      fireEvent.pointerMove(list, { pointerType: 'touch' });
      expect(idsIn(list)).toEqual(ids.slice(1));
    },
    { timeout: 5000 },
  );
  expect(screen.queryByText('no longer in the queue')).toBeNull();
});

it('stays held while the wheel turns under a pointer that does not move', async () => {
  const list = await openListedQueue({ watching: true });
  await skippingTime(async () => {
    aim(list);
    await firstDeclinedElsewhere();
    await screen.findByText('no longer in the queue');
    // The wheel turned every 800 ms, the pointer still: held past the 3 s after its last move.
    for (let turn = 0; turn < 5; turn++) {
      await vi.advanceTimersByTimeAsync(800);
      fireEvent.wheel(list, { deltaY: 120 });
    }
    expect(Date.now() - aimedAt).toBeGreaterThan(3500);
    expect(idsIn(list)).toEqual(ids);
    // Then still: it lets go 3 s after the last turn, not before.
    await vi.advanceTimersByTimeAsync(HELD_AT_LEAST);
    expect(idsIn(list)).toEqual(ids);
    await vi.advanceTimersByTimeAsync(3000 - HELD_AT_LEAST);
    await waitFor(() => expect(idsIn(list)).toEqual(ids.slice(1)), gone);
  });
});

it('takes the hold for a wheel turned over the list with no pointer move first', async () => {
  const list = await openListedQueue({ watching: true });
  // A pointer that rested past the hold, then the wheel, the pointer still.
  fireEvent.wheel(list, { deltaY: 120 });
  await firstDeclinedElsewhere();
  await screen.findByText('no longer in the queue');
  expect(idsIn(list)).toEqual(ids);
});
