// @vitest-environment happy-dom
// The watchlist's order: what needs the reviewer (what the toolbar badge counts) on top, then the
// rest, each by its last change. By change alone, the reviewer's own decisions put rows that needed
// nothing more on top.
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WatchEntry } from '../../../src/shared/storage-items.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(cleanup);

const watched = (id: string, status: string, changedAt: number, extra: Partial<WatchEntry> = {}) =>
  ({ id: `inq_${id}`, status, addedAt: 1, changedAt, seen: true, ...extra }) satisfies WatchEntry;

async function order(watchlist: WatchEntry[]): Promise<string[]> {
  stubBackground({});
  await fakeBrowser.storage.local.set({ watchlist });
  render(<DeskShell first={{ name: 'home' }} />);
  const list = await screen.findByRole('list', { name: 'Watched inquiries' });
  await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(watchlist.length));
  return within(list)
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.inquiry-id')?.textContent ?? '');
}

describe('the watchlist order', () => {
  it('puts what needs the reviewer first, then what awaits a decision, then the rest, each newest change first', async () => {
    expect(
      await order([
        watched('ApprovedJustNow0', 'approved', 900),
        watched('ReviewOlder00000', 'needs_review', 100),
        watched('CompletedUnseen0', 'completed', 200, { seen: false }),
        watched('CompletedSeen000', 'completed', 800),
        watched('ReviewNewer00000', 'needs_review', 300),
        watched('PendingMidway000', 'pending', 500),
        // Persona no longer has it: nothing to do with it under this key.
        watched('ReviewUnlisted00', 'needs_review', 700, { unlisted: true }),
      ]),
    ).toEqual([
      'inq_ReviewNewer00000',
      'inq_CompletedUnseen0',
      'inq_ReviewOlder00000',
      // Looked at, still awaiting a decision: above the rest.
      'inq_CompletedSeen000',
      'inq_ApprovedJustNow0',
      'inq_ReviewUnlisted00',
      'inq_PendingMidway000',
    ]);
  });

  it('draws an edge under the last row that needs the reviewer, where the rest begin', async () => {
    const edged = async (watchlist: WatchEntry[]) => {
      cleanup();
      await order(watchlist);
      const rows = within(screen.getByRole('list', { name: 'Watched inquiries' })).getAllByRole(
        'listitem',
      );
      return rows
        .filter((row) => row.classList.contains('ends-group'))
        .map((row) => row.querySelector('.inquiry-id')?.textContent);
    };
    const review = watched('ReviewNewer00000', 'needs_review', 300);
    const unseen = watched('CompletedUnseen0', 'completed', 200, { seen: false });
    const rest = watched('PendingMidway000', 'pending', 500);
    expect(await edged([rest, review, unseen])).toEqual(['inq_CompletedUnseen0']);
    // Named where a sighted reviewer reads the list's counts: the badge's number.
    expect(screen.getByTestId('watchlist-head').textContent).toBe(
      '3 watched · 2 for you · 1 changed · Check now',
    );
    // Said too, after the row's name.
    const last = screen.getByRole('button', { name: /inq_CompletedUnseen0/ });
    expect(document.getElementById(last.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'changed since you last looked, last of those that need you',
    );
    // None where nothing, or everything, needs the reviewer: no group to set apart.
    expect(await edged([rest])).toEqual([]);
    expect(screen.getByTestId('watchlist-head').textContent).toBe('1 watched · Check now');
    expect(await edged([review, unseen])).toEqual([]);
  });

  it('keeps rows changed at the same moment in one order, not the order they are stored in', async () => {
    expect(
      await order([
        watched('Bbbbbbbbbbbbbbbb', 'pending', 5),
        watched('Aaaaaaaaaaaaaaaa', 'pending', 5),
        watched('Cccccccccccccccc', 'pending', 5),
      ]),
    ).toEqual(['inq_Aaaaaaaaaaaaaaaa', 'inq_Bbbbbbbbbbbbbbbb', 'inq_Cccccccccccccccc']);
  });
});
