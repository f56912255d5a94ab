// @vitest-environment happy-dom
// What comes to review while Needs review is open is said to a screen reader, as the watchlist
// says a change (review s54, 10; src/ui/views/review-queue.tsx); what the queue first shows and
// a page Load more brought are not news. The real popup's is test/e2e/watch.e2e.ts's.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const id = (n: number) => `inq_QueueNews${String(n).padStart(5, '0')}`;
const summary = (n: number) => ({
  id: id(n),
  status: 'needs_review',
  referenceId: `queue-${n}`,
  updatedAt: `2026-12-01T10:${String(n).padStart(2, '0')}:00Z`,
});
const watched = (n: number, status: string) => ({
  id: id(n),
  status,
  referenceId: `queue-${n}`,
  addedAt: 1,
  changedAt: 1,
  seen: true,
});

/** Persona's queue as listed now: its first page, and the page after it for Load more. */
let listed: number[] = [];
let second: number[] = [];

async function openQueue(first: number[], next: number[] = []) {
  listed = first;
  second = next;
  stubBackground({
    listInquiries: (request) =>
      request.next === 'page-2'
        ? { items: second.map(summary), next: null }
        : { items: listed.map(summary), next: second.length > 0 ? 'page-2' : null },
  });
  await fakeBrowser.storage.local.set({ watchlist: [] });
  render(<DeskShell first={{ name: 'home' }} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
  const list = await screen.findByRole('list', { name: 'Inquiries needing review' });
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(first.length));
  return list;
}

/** The watcher finds `numbers` come to review: the queue reads its first page again. */
async function comeToReview(numbers: number[]) {
  listed = [...listed, ...numbers];
  await fakeBrowser.storage.local.set({
    watchlist: numbers.map((n) => watched(n, 'needs_review')),
  });
}

const said = () => screen.getByTestId('announcer').textContent;

it('says what came to review while the queue is open, by reference', async () => {
  const list = await openQueue([1, 2]);
  // The first page is what the queue shows, not news; news waits a second (announce.tsx).
  await new Promise((resolve) => setTimeout(resolve, 1100));
  expect(said()).toBe('');
  await comeToReview([3]);
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(3));
  await waitFor(() => expect(said()).toBe('Came to review: queue-3'), { timeout: 3000 });
});

it('names three of many and counts the rest', async () => {
  await openQueue([1]);
  await comeToReview([2, 3, 4, 5, 6]);
  await waitFor(
    () => expect(said()).toBe('Came to review: queue-2, queue-3, queue-4, and 2 more'),
    { timeout: 3000 },
  );
});

it('names four rather than say "and 1 more"', async () => {
  await openQueue([1]);
  await comeToReview([2, 3, 4, 5]);
  await waitFor(() => expect(said()).toBe('Came to review: queue-2, queue-3, queue-4, queue-5'), {
    timeout: 3000,
  });
});

it('says nothing of the page Load more brought: the reviewer asked for it', async () => {
  const list = await openQueue([1, 2], [3, 4]);
  fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
  await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(4));
  await new Promise((resolve) => setTimeout(resolve, 1100));
  expect(said()).toBe('');
});
