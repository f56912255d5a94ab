// @vitest-environment happy-dom
// What comes to review while Needs review is open is said to a screen reader, as the watchlist
// says a change (src/ui/views/review-queue.tsx); what the queue first shows, a page Load more
// brought and a row that was waiting all along are not news. The real popup's is
// test/e2e/watch.e2e.ts's.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { passNewsDelay, runningFakeClock, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const id = (n: number) => `inq_QueueNews${String(n).padStart(5, '0')}`;
/** Persona's row; its last change now, or `at` (ms). */
const summary = (n: number, at = Date.now()) => ({
  id: id(n),
  status: 'needs_review',
  referenceId: `queue-${n}`,
  updatedAt: new Date(at).toISOString(),
});
const HOURS_AGO = Date.now() - 3 * 3_600_000;

/** Persona's queue as listed now: its first page, and the page after it for Load more. */
let listed: ReturnType<typeof summary>[] = [];
let second: ReturnType<typeof summary>[] = [];
/** How long Persona takes to answer a read of the first page after the first. */
let rereadMs = 0;

async function openQueue(first: number[], next: number[] = []) {
  listed = first.map((n) => summary(n, HOURS_AGO));
  second = next.map((n) => summary(n, HOURS_AGO));
  rereadMs = 0;
  let reads = 0;
  stubBackground({
    listInquiries: (request) => {
      if (request.next === 'page-2') return { items: second, next: null };
      const page = { items: listed, next: second.length > 0 ? 'page-2' : null };
      reads += 1;
      if (reads === 1 || rereadMs === 0) return page;
      // An answer still to come: stubBackground hands a promise on as it is.
      const later = new Promise((resolve) => setTimeout(() => resolve(page), rereadMs));
      return later as unknown as typeof page;
    },
  });
  await fakeBrowser.storage.local.set({ watchlist: [] });
  // The clock faked, still running: a test can let the second news waits pass at once.
  runningFakeClock();
  render(<DeskShell first={{ name: 'home' }} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
  const list = await screen.findByRole('list', { name: 'Inquiries needing review' });
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(first.length));
  return list;
}

/**
 * The watcher finds `watched` come to review just now (the queue shows them at once, and reads
 * its first page again); that page lists them, and `alsoListed`.
 */
async function comeToReview(watched: number[], alsoListed: ReturnType<typeof summary>[] = []) {
  // A moment after the queue's read: the watcher's news is newer than it.
  await vi.advanceTimersByTimeAsync(100);
  listed = [...listed, ...watched.map((n) => summary(n)), ...alsoListed];
  await fakeBrowser.storage.local.set({
    watchlist: watched.map((n) => ({
      id: id(n),
      status: 'needs_review',
      referenceId: `queue-${n}`,
      addedAt: 1,
      changedAt: Date.now(),
      seen: true,
    })),
  });
}

const said = () => screen.getByTestId('announcer').textContent;

it('says what came to review while the queue is open, by reference', async () => {
  const list = await openQueue([1, 2]);
  // The first page is what the queue shows, not news.
  await passNewsDelay();
  expect(said()).toBe('');
  await comeToReview([3]);
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
  await passNewsDelay();
  await waitFor(() => expect(said()).toBe('Came to review: queue-3'));
});

it('says the watched row that came and those its read found come too, together', async () => {
  const list = await openQueue([1]);
  // The watched row is shown at once, and said a second later; the read it starts answers
  // within that second, with another come too.
  rereadMs = 400;
  await comeToReview([2], [summary(4)]);
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(2));
  await vi.advanceTimersByTimeAsync(500);
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
  await passNewsDelay();
  await waitFor(() => expect(said()).toBe('Came to review: queue-2 and queue-4'));
});

it('says nothing of a row waiting all along that the page read again brings', async () => {
  const list = await openQueue([1]);
  await comeToReview([2], [summary(9, HOURS_AGO)]);
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
  await passNewsDelay();
  await waitFor(() => expect(said()).toBe('Came to review: queue-2'));
});

it('names three of many and counts the rest', async () => {
  await openQueue([1]);
  await comeToReview([2, 3, 4, 5, 6]);
  await passNewsDelay();
  await waitFor(() => expect(said()).toBe('Came to review: queue-2, queue-3, queue-4, and 2 more'));
});

it('names four rather than say "and 1 more"', async () => {
  await openQueue([1]);
  await comeToReview([2, 3, 4, 5]);
  await passNewsDelay();
  await waitFor(() =>
    expect(said()).toBe('Came to review: queue-2, queue-3, queue-4, and queue-5'),
  );
});

it('says nothing of the page Load more brought: the reviewer asked for it', async () => {
  const list = await openQueue([1, 2], [3, 4]);
  fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(4));
  await passNewsDelay();
  expect(said()).toBe('');
});
