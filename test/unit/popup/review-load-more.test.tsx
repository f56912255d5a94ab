// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import type { InquirySummary } from '../../../src/shared/messages.ts';
import { draftItem } from '../../../src/shared/storage-items.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { byLastChange } from '../../../src/ui/views/review-queue.tsx';
import { sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const row = (id: string) => ({ id, status: 'needs_review', referenceId: `ref-${id}` });
/** A time on 4 December 2026, `minutes` past noon (UTC). */
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 4, 12, minutes)).toISOString();
/** A row last changed at `at(minutes)`. */
const changed = (id: string, minutes: number) => ({ ...row(id), updatedAt: at(minutes) });
/** The ids in Needs review, in the list's order. */
const listedIds = () =>
  [
    ...screen
      .getByRole('list', { name: 'Inquiries needing review' })
      .querySelectorAll('.inquiry-id'),
  ].map((code) => code.textContent);
/** Persona's review queue in two pages: `first`, then `second`, which Load more brings. */
function twoPages(first: InquirySummary[], second: InquirySummary[]) {
  stubBackground({
    listInquiries: ({ next }) =>
      next === 'page-2' ? { items: second, next: null } : { items: first, next: 'page-2' },
  });
}
/** A watched inquiry as the watcher leaves it after a change the reviewer has not seen. */
const watchEntry = (id: string, status: string) => ({
  id,
  status,
  addedAt: 1,
  changedAt: Date.now(),
  seen: false,
});

describe("the review queue's order", () => {
  it('puts a row without a readable time last, in either order', () => {
    const rows = [
      row('inq_NoTimeAtAll0001'),
      changed('inq_Later000000001', 30),
      changed('inq_Earlier0000001', 5),
    ];
    const ids = (order: 'oldest' | 'newest') => byLastChange(rows, order).map((item) => item.id);
    expect(ids('oldest')).toEqual([
      'inq_Earlier0000001',
      'inq_Later000000001',
      'inq_NoTimeAtAll0001',
    ]);
    expect(ids('newest')).toEqual([
      'inq_Later000000001',
      'inq_Earlier0000001',
      'inq_NoTimeAtAll0001',
    ]);
  });
});

describe('Load more in the review queue', () => {
  it('moves the focus to the first row it brought, on the last page too', async () => {
    twoPages(
      [row('inq_PageOneFirst001')],
      [row('inq_PageTwoFirst001'), row('inq_PageTwoSecond02')],
    );
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    const more = await screen.findByRole('button', { name: 'Load more' });
    more.focus();
    fireEvent.click(more);
    await screen.findByRole('button', { name: /inq_PageTwoSecond02/ });
    // The last page: no Load more any more, and the focus is not left on the page.
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    const first = screen.getByRole('button', { name: /inq_PageTwoFirst001/ });
    await waitFor(() => expect(document.activeElement).toBe(first));
  });

  it('lists every row loaded by its last change, oldest first, focuses the first brought, and says how many: so far while Persona has more, then all', async () => {
    twoPages(
      [changed('inq_PageOneMiddle01', 20)],
      [changed('inq_PageTwoOlder001', 5), changed('inq_PageTwoNewest01', 30)],
    );
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await screen.findByText('1 listed, more in Persona: Load more for the rest');
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByText('3 to review');
    await screen.findByRole('button', { name: /inq_PageTwoNewest01/ });
    expect(listedIds()).toEqual([
      'inq_PageTwoOlder001',
      'inq_PageOneMiddle01',
      'inq_PageTwoNewest01',
    ]);
    const oldest = screen.getByRole('button', { name: /inq_PageTwoOlder001/ });
    await waitFor(() => expect(document.activeElement).toBe(oldest));
  });

  it('orders newest change first once the reviewer chooses it, and stores the choice for the session', async () => {
    stubBackground({
      listInquiries: () => ({
        items: [changed('inq_ChangedLast001', 30), changed('inq_WaitingLong001', 5)],
        next: null,
      }),
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await screen.findByRole('button', { name: /inq_WaitingLong001/ });
    expect(listedIds()).toEqual(['inq_WaitingLong001', 'inq_ChangedLast001']);
    const order = screen.getByRole('combobox', { name: 'Order' }) as HTMLSelectElement;
    expect(order.value).toBe('oldest');
    fireEvent.change(order, { target: { value: 'newest' } });
    await waitFor(() => expect(listedIds()).toEqual(['inq_ChangedLast001', 'inq_WaitingLong001']));
    const { draft } = (await fakeBrowser.storage.session.get('draft')) as {
      draft: { queueOrder?: string };
    };
    expect(draft.queueOrder).toBe('newest');
  });

  it('reads the queue again when the watcher finds a watched inquiry come to review', async () => {
    let queue = [row('inq_QueuedBefore001')];
    stubBackground({ listInquiries: () => ({ items: queue, next: null }) });
    const watched = (status: string) => watchEntry('inq_ComesToReview01', status);
    await fakeBrowser.storage.local.set({ watchlist: [watched('completed')] });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await screen.findByRole('button', { name: /inq_QueuedBefore001/ });
    const reads = sent('listInquiries').length;
    queue = [row('inq_QueuedBefore001'), row('inq_ComesToReview01')];
    await fakeBrowser.storage.local.set({ watchlist: [watched('needs_review')] });
    await screen.findByRole('button', { name: /inq_ComesToReview01/ });
    // Persona's first page is read again, which lists it now.
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(reads + 1));
    // Another change to the watchlist that leaves the queue as it was reads nothing.
    await fakeBrowser.storage.local.set({
      watchlist: [{ ...watched('needs_review'), seen: true }],
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent('listInquiries')).toHaveLength(reads + 1);
  });
});

describe('a watched inquiry come to review, older than the first page', () => {
  it('is listed on top by its last change, not a Load more away, and once only after Load more brings it', async () => {
    twoPages(
      [changed('inq_NewerCreated01', 20)],
      [changed('inq_OldComeToRev01', 50), changed('inq_PageTwoOther001', 10)],
    );
    // Newest change first, the order in which "on top" is where a change just now goes.
    await fakeBrowser.storage.session.set({
      draft: { ...draftItem.fallback(), queueOrder: 'newest' },
    });
    await fakeBrowser.storage.local.set({
      watchlist: [
        { ...watchEntry('inq_OldComeToRev01', 'needs_review'), updatedAt: at(50) },
        { ...watchEntry('inq_WatchedPending1', 'pending'), updatedAt: at(55) },
      ],
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await screen.findByRole('button', { name: /inq_NewerCreated01/ });
    await waitFor(() => expect(listedIds()).toEqual(['inq_OldComeToRev01', 'inq_NewerCreated01']));
    const more = screen.getByRole('button', { name: 'Load more' });
    more.focus();
    fireEvent.click(more);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());
    expect(listedIds()).toEqual([
      'inq_OldComeToRev01',
      'inq_NewerCreated01',
      'inq_PageTwoOther001',
    ]);
    // The focus goes to the row the page brought that was not on screen, not to the page itself.
    const other = screen.getByRole('button', { name: /inq_PageTwoOther001/ });
    await waitFor(() => expect(document.activeElement).toBe(other));
  });
});

describe('a watched inquiry Persona no longer lists as needing review', () => {
  it('is not shown ahead of its page once Persona said it does not have it (cycle.ts)', async () => {
    twoPages([changed('inq_NewerCreated01', 20)], [changed('inq_PageTwoOther001', 10)]);
    await fakeBrowser.storage.local.set({
      watchlist: [
        { ...watchEntry('inq_NotFoundHere001', 'needs_review'), updatedAt: at(55), unlisted: true },
        { ...watchEntry('inq_ComeToReview001', 'needs_review'), updatedAt: at(50) },
      ],
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await screen.findByRole('button', { name: /inq_NewerCreated01/ });
    await waitFor(() => expect(listedIds()).toEqual(['inq_NewerCreated01', 'inq_ComeToReview001']));
  });

  it('is not shown once every page is read: deleted, decided elsewhere, or another environment’s', async () => {
    stubBackground({
      listInquiries: () => ({ items: [changed('inq_ListedReview001', 20)], next: null }),
    });
    await fakeBrowser.storage.local.set({
      watchlist: [{ ...watchEntry('inq_GoneFromPersona1', 'needs_review'), updatedAt: at(50) }],
    });
    render(<DeskShell first={{ name: 'home' }} />);
    // The watchlist is read: Home's list shows the watched row.
    await screen.findByRole('button', { name: /inq_GoneFromPersona1/ });
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await screen.findByRole('button', { name: /inq_ListedReview001/ });
    expect(listedIds()).toEqual(['inq_ListedReview001']);
  });
});

describe('a watched inquiry that comes to review after the last page was read', () => {
  /** Home → Needs review, with inq_ComesToReview01 watched and not in review yet. */
  async function openQueueWatchingIt() {
    await fakeBrowser.storage.local.set({
      watchlist: [watchEntry('inq_ComesToReview01', 'completed')],
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
  }

  /**
   * The watcher finds it come to review; the queue reads its first page again and shows it. A few
   * milliseconds after the queue's reading began, as a real change is: one stamped in the same
   * millisecond counts as seen by that reading.
   */
  async function comesToReview() {
    const reads = sent('listInquiries').length;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fakeBrowser.storage.local.set({
      watchlist: [watchEntry('inq_ComesToReview01', 'needs_review')],
    });
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(reads + 1));
    await screen.findByRole('button', { name: /inq_ComesToReview01/ });
  }

  it('is shown when the first page read again does not list it', async () => {
    // Twenty newer inquiries fill the first page; the one that comes to review is older.
    const first = Array.from({ length: 20 }, (_, i) =>
      row(`inq_Newer${String(i).padStart(10, '0')}`),
    );
    stubBackground({
      listInquiries: ({ next }) =>
        next === 'page-2'
          ? { items: [row('inq_PageTwoOnly0001')], next: null }
          : { items: first, next: 'page-2' },
    });
    await openQueueWatchingIt();
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByRole('button', { name: /inq_PageTwoOnly0001/ });
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    await comesToReview();
  });

  it('stays shown once Load more reaches the last page, when it came while pages were left', async () => {
    let offline = false;
    stubBackground({
      listInquiries: ({ next }) =>
        offline && !next
          ? { kind: 'network', message: 'offline' }
          : next === 'page-2'
            ? { items: [row('inq_PageTwoOnly0001')], next: null }
            : { items: [row('inq_PageOneOnly0001')], next: 'page-2' },
    });
    await openQueueWatchingIt();
    const more = await screen.findByRole('button', { name: 'Load more' });
    // It comes to review; the first page read again fails, so only the watchlist has it.
    offline = true;
    await comesToReview();
    offline = false;
    fireEvent.click(more);
    await screen.findByRole('button', { name: /inq_PageTwoOnly0001/ });
    expect(listedIds()).toContain('inq_ComesToReview01');
  });

  it('is shown when reading the first page again fails', async () => {
    let offline = false;
    stubBackground({
      listInquiries: () =>
        offline
          ? { kind: 'network', message: 'offline' }
          : { items: [row('inq_QueuedBefore001')], next: null },
    });
    await openQueueWatchingIt();
    await screen.findByRole('button', { name: /inq_QueuedBefore001/ });
    offline = true;
    await comesToReview();
    expect(listedIds().sort()).toEqual(['inq_ComesToReview01', 'inq_QueuedBefore001']);
  });
});

describe('the review queue follows the watcher in place', () => {
  it('drops a watched inquiry that left review, asking nothing', async () => {
    stubBackground({
      listInquiries: () => ({
        items: [row('inq_StaysInReview01'), row('inq_DecidedAfter001')],
        next: null,
      }),
    });
    const watched = (status: string) => watchEntry('inq_DecidedAfter001', status);
    await fakeBrowser.storage.local.set({ watchlist: [watched('needs_review')] });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await screen.findByRole('button', { name: /inq_DecidedAfter001/ });
    const reads = sent('listInquiries').length;
    await fakeBrowser.storage.local.set({ watchlist: [watched('approved')] });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /inq_DecidedAfter001/ })).toBeNull(),
    );
    expect(screen.getByRole('button', { name: /inq_StaysInReview01/ })).toBeTruthy();
    expect(sent('listInquiries')).toHaveLength(reads);
  });

  it('gives the focus of a row that leaves to the row after it, not to the page', async () => {
    const ids = ['inq_DecidedAfter001', 'inq_NextInLine0001', 'inq_LastInLine0001'];
    stubBackground({ listInquiries: () => ({ items: ids.map(row), next: null }) });
    const watched = (status: string) => watchEntry('inq_DecidedAfter001', status);
    await fakeBrowser.storage.local.set({ watchlist: [watched('needs_review')] });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    (await screen.findByRole('button', { name: /inq_DecidedAfter001/ })).focus();
    // Its decision's answer, come after Escape took the reviewer back here.
    await fakeBrowser.storage.local.set({ watchlist: [watched('declined')] });
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: /inq_DecidedAfter001/ })).toBeNull(),
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /inq_NextInLine0001/ }));
  });
});

describe('the review queue and the watchlist', () => {
  it('marks a watched inquiry whose change the reviewer has not looked at, as the watchlist does', async () => {
    const queue = [
      row('inq_UnseenChange001'),
      row('inq_SeenChange00001'),
      row('inq_NotWatched00001'),
    ];
    stubBackground({ listInquiries: () => ({ items: queue, next: null }) });
    const watched = (id: string, seen: boolean) => ({
      id,
      status: 'needs_review',
      addedAt: 1,
      changedAt: 2,
      seen,
    });
    await fakeBrowser.storage.local.set({
      watchlist: [watched('inq_UnseenChange001', false), watched('inq_SeenChange00001', true)],
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    const unseen = await screen.findByRole('button', { name: /inq_UnseenChange001/ });
    await waitFor(() => expect(unseen.classList.contains('is-unseen')).toBe(true));
    const note = document.getElementById(unseen.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toBe('changed since you last looked');
    for (const id of ['inq_SeenChange00001', 'inq_NotWatched00001']) {
      const other = screen.getByRole('button', { name: new RegExp(id) });
      expect(other.classList.contains('is-unseen')).toBe(false);
    }
  });
});
