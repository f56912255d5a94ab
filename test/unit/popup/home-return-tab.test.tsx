// @vitest-environment happy-dom
// Back from the chat: the popup closes at each click into the chat, and opens again on the tab last
// chosen, its rows saying which decision waits there unsent.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { readItem } from '../../../src/shared/storage.ts';
import { draftItem } from '../../../src/shared/storage-items.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { inquiryReply, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

/** The draft as nothing typed leaves it. */
const draft = draftItem.fallback();
const row = (id: string) => ({ id, status: 'needs_review', referenceId: `ref-${id}` });
const watched = (id: string) => ({
  id,
  status: 'needs_review',
  addedAt: 1,
  changedAt: 1,
  seen: true,
});

describe('the home tab, across a closed popup', () => {
  it('opens on the tab chosen last, which choosing stores', async () => {
    stubBackground({ listInquiries: () => ({ items: [row('inq_QueueRow00001')], next: null }) });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    await waitFor(async () => expect((await readItem(draftItem)).homeTab).toBe('review'));
    // The popup closes, and opens again.
    render(<DeskShell first={{ name: 'home' }} />, { container: document.createElement('div') });
    const tabs = await screen.findAllByRole('tab', { name: 'Needs review' });
    expect(tabs.at(-1)?.getAttribute('aria-selected')).toBe('true');
  });

  it('Back from a row of Needs review shows that tab at once, though the draft is not read again yet', async () => {
    stubBackground({
      listInquiries: () => ({ items: [row('inq_QueueRow00001')], next: null }),
      getInquiry: () => inquiryReply('needs_review'),
    });
    await fakeBrowser.storage.session.set({ draft: { ...draft, homeTab: 'review' } });
    render(<DeskShell first={{ name: 'home' }} remember />);
    const review = await screen.findByRole('tab', { name: 'Needs review' });
    await waitFor(() => expect(review.getAttribute('aria-selected')).toBe('true'));
    fireEvent.click(await screen.findByRole('button', { name: /inq_QueueRow00001/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Back' }));
    // The first render back, before any read of the draft could land.
    expect(screen.getByRole('tab', { name: 'Needs review' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it("is not switched under an open desk by another page's choice (popup and side panel share it)", async () => {
    stubBackground({ listInquiries: () => ({ items: [row('inq_QueueRow00001')], next: null }) });
    render(<DeskShell first={{ name: 'home' }} />);
    const watchlist = await screen.findByRole('tab', { name: 'Watchlist' });
    await waitFor(() => expect(watchlist.getAttribute('aria-selected')).toBe('true'));
    await fakeBrowser.storage.session.set({
      draft: { ...draft, search: 'typed in the panel', homeTab: 'review' },
    });
    // The draft's change is in this page (its search box shows it), the tab stays.
    const box = screen.getByRole('searchbox', { name: 'Find inquiry' }) as HTMLInputElement;
    await waitFor(() => expect(box.value).toBe('typed in the panel'));
    const selected = screen.getByRole('tab', { selected: true });
    expect(selected.textContent).toBe('Watchlist');
  });

  it('says on a row, in either list, that its decision waits unsent; not once it is sent', async () => {
    stubBackground({
      listInquiries: () => ({
        items: [row('inq_Declining00001'), row('inq_SentAlready001')],
        next: null,
      }),
    });
    await fakeBrowser.storage.local.set({
      watchlist: [watched('inq_Declining00001'), watched('inq_SentAlready001')],
    });
    await fakeBrowser.storage.session.set({
      draft: {
        ...draft,
        homeTab: 'review',
        decisions: [
          { inquiryId: 'inq_Declining00001', action: 'decline', comment: 'Not them' },
          {
            inquiryId: 'inq_SentAlready001',
            action: 'approve',
            comment: '',
            sent: true,
            sentAt: 1,
          },
        ],
      },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    const review = await screen.findByRole('tab', { name: 'Needs review' });
    await waitFor(() => expect(review.getAttribute('aria-selected')).toBe('true'));
    const waiting = await screen.findByRole('button', { name: /inq_Declining00001/ });
    await waitFor(() => expect(waiting.textContent).toContain('decline not sent yet'));
    const sent = screen.getByRole('button', { name: /inq_SentAlready001/ });
    expect(sent.textContent).not.toContain('not sent');
    fireEvent.click(screen.getByRole('tab', { name: 'Watchlist' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /inq_Declining00001/ }).textContent).toContain(
        'decline not sent yet',
      ),
    );
  });

  it('says no decision waits on an inquiry decided meanwhile; keeps "not found" beside one that does', async () => {
    stubBackground({ listInquiries: () => ({ items: [], next: null }) });
    await fakeBrowser.storage.local.set({
      watchlist: [
        { ...watched('inq_DecidedByThem01'), status: 'approved', changedAt: 2 },
        { ...watched('inq_NotListedNow001'), unlisted: true },
      ],
    });
    await fakeBrowser.storage.session.set({
      draft: {
        ...draft,
        decisions: [
          { inquiryId: 'inq_DecidedByThem01', action: 'decline', comment: 'Not them' },
          { inquiryId: 'inq_NotListedNow001', action: 'approve', comment: '' },
        ],
      },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    const unlisted = await screen.findByRole('button', { name: /inq_NotListedNow001/ });
    await waitFor(() => expect(unlisted.textContent).toContain('approval not sent yet'));
    expect(unlisted.textContent).toContain('not found at the last check');
    const decided = screen.getByRole('button', { name: /inq_DecidedByThem01/ });
    expect(decided.textContent).toContain('Approved');
    expect(decided.textContent).not.toContain('not sent');
  });
});
