// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { classifyQuery } from '../../../src/shared/persona/classify-query.ts';
import { draftItem } from '../../../src/shared/storage-items.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { meantInquiryId } from '../../../src/ui/views/matches-view.tsx';
import { inquiryReply, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

describe('classifyQuery', () => {
  it('tells an inquiry id, a reference id, a malformed id and nothing apart', () => {
    expect(classifyQuery('  inq_AbC123def456  ')).toEqual({ kind: 'id', id: 'inq_AbC123def456' });
    expect(classifyQuery('customer-42')).toEqual({ kind: 'reference', text: 'customer-42' });
    expect(classifyQuery('inq_12')).toEqual({ kind: 'malformed', text: 'inq_12' });
    expect(classifyQuery('inq_abc-def-ghi')).toEqual({
      kind: 'malformed',
      text: 'inq_abc-def-ghi',
    });
    expect(classifyQuery('   ')).toEqual({ kind: 'empty' });
  });

  it('takes the id out of a pasted dashboard URL', () => {
    expect(
      classifyQuery('https://app.withpersona.com/dashboard/inquiries/inq_AbC123def456'),
    ).toEqual({
      kind: 'id',
      id: 'inq_AbC123def456',
    });
  });
});

/** A watched inquiry needing review, under `referenceId`. */
function watched(id: string, referenceId: string) {
  return { id, referenceId, status: 'needs_review', addedAt: 1, changedAt: 1, seen: true };
}

async function search(text: string) {
  render(<DeskShell first={{ name: 'home' }} />);
  const box = await screen.findByRole('searchbox', { name: 'Find inquiry' });
  await waitFor(() => expect(box.hasAttribute('disabled')).toBe(false));
  fireEvent.input(box, { target: { value: text } });
  fireEvent.submit(box.closest('form') as HTMLFormElement);
  return box;
}

describe('the Find inquiry box', () => {
  it('has the focus once the desk opens, so a pasted id lands in it', async () => {
    stubBackground({});
    render(<DeskShell first={{ name: 'home' }} />);
    const box = await screen.findByRole('searchbox', { name: 'Find inquiry' });
    await waitFor(() => expect(document.activeElement).toBe(box));
  });

  it('selects a search left from before, so a pasted id replaces it', async () => {
    stubBackground({});
    await fakeBrowser.storage.session.set({ draft: { ...draftItem.fallback(), search: 'demo-3' } });
    render(<DeskShell first={{ name: 'home' }} />);
    const box = (await screen.findByRole('searchbox', {
      name: 'Find inquiry',
    })) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(box.value).toBe('demo-3');
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 6]);
  });

  it('explains a malformed id without sending a request', async () => {
    stubBackground({});
    const box = await search('inq_12');
    expect((await screen.findByRole('alert')).textContent).toContain('not a valid inquiry ID');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(sent('findInquiries')).toHaveLength(0);
  });

  it('opens an inquiry id straight into its detail', async () => {
    stubBackground({ findInquiries: () => ({ kind: 'inquiry', ...inquiryReply('completed') }) });
    await search('inq_TestInquiry0001');
    expect(await screen.findByText('Completed, awaiting decision')).toBeTruthy();
    expect(screen.getByTestId('status').textContent).toBe('completed');
    expect(sent('findInquiries')).toEqual([
      { type: 'findInquiries', query: 'inq_TestInquiry0001' },
    ]);
    // The reply already held the whole inquiry: no second request for it.
    expect(sent('getInquiry')).toHaveLength(0);
  });

  it('finds an id pasted with invisible characters (a zero-width space from a chat)', async () => {
    stubBackground({ findInquiries: () => ({ kind: 'inquiry', ...inquiryReply('completed') }) });
    await search('\u200binq_TestInquiry0001\ufeff');
    expect(await screen.findByText('Completed, awaiting decision')).toBeTruthy();
    expect(sent('findInquiries')).toEqual([
      { type: 'findInquiries', query: 'inq_TestInquiry0001' },
    ]);
  });

  it('lists the inquiries of a reference id, newest first', async () => {
    stubBackground({
      findInquiries: ({ query }) => ({
        kind: 'matches',
        next: null,
        items: [
          {
            id: 'inq_Older0000001',
            status: 'approved',
            referenceId: query,
            createdAt: '2025-01-01T00:00:00Z',
          },
          {
            id: 'inq_Newer0000001',
            status: 'pending',
            referenceId: query,
            createdAt: '2025-03-01T00:00:00Z',
          },
          {
            id: 'inq_Middle000001',
            status: 'expired',
            referenceId: query,
            createdAt: '2025-02-01T00:00:00Z',
          },
        ],
      }),
    });
    await search('customer-42');
    const list = await screen.findByRole('list', { name: 'Matching inquiries' });
    const ids = [...list.querySelectorAll('.inquiry-id')].map((el) => el.textContent);
    expect(ids).toEqual(['inq_Newer0000001', 'inq_Middle000001', 'inq_Older0000001']);
    expect(screen.getByText(/3 inquiries/)).toBeTruthy();
    // The search box went with the home view: the results' title has the focus, not the page.
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: /Results for/ }));
  });

  it('Back from a result returns to the results with the focus on the row it was opened from', async () => {
    stubBackground({
      findInquiries: ({ query }) => ({
        kind: 'matches',
        next: null,
        items: ['inq_ResultOne00001', 'inq_ResultTwo00002'].map((id) => ({
          id,
          status: 'completed',
          referenceId: query,
        })),
      }),
      getInquiry: ({ id }) => inquiryReply('completed', { id }),
    });
    await search('customer-7');
    fireEvent.click(await screen.findByRole('button', { name: /inq_ResultTwo00002/ }));
    await screen.findByTestId('status');
    // A click focuses Back, as a browser does; it stays in the top bar over the results.
    const back = screen.getByRole('button', { name: 'Back' });
    back.focus();
    fireEvent.click(back);
    const row = await screen.findByRole('button', { name: /inq_ResultTwo00002/ });
    await waitFor(() => expect(document.activeElement).toBe(row));
  });

  it('says, in a status a screen reader reads, when no inquiry has the reference id', async () => {
    stubBackground({
      findInquiries: () => ({ kind: 'matches', next: null, items: [] }),
    });
    await search('customer-404');
    await waitFor(() =>
      expect(
        screen.getAllByRole('status').some((e) => /No inquiry has/.test(e.textContent ?? '')),
      ).toBe(true),
    );
  });

  it('says plainly when an id is unknown', async () => {
    stubBackground({
      findInquiries: () => ({ kind: 'not_found', message: 'Not found', status: 404 }),
    });
    await search('inq_Unknown000001');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No inquiry inq_Unknown000001');
    // 17 characters: shorter than any id Persona makes (28, 32 since 2024), most likely cut short.
    expect(alert.textContent).toContain(
      "The ID has 17 characters, and Persona's inquiry IDs have 28 or more: it may have been cut short when copied.",
    );
  });

  it('does not call a whole-length unknown id cut short', async () => {
    stubBackground({
      findInquiries: () => ({ kind: 'not_found', message: 'Not found', status: 404 }),
    });
    await search('inq_Abcdefghijklmnopqrstuvwx');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('No inquiry inq_Abcdefghijklmnopqrstuvwx');
    expect(alert.textContent).not.toContain('cut short');
  });

  it("asks to check the reference id's capitals too, when none has it", async () => {
    stubBackground({
      findInquiries: () => ({ kind: 'matches', next: null, items: [] }),
    });
    await search('tck-50123');
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((e) => /Check its spelling, capitals included/.test(e.textContent ?? '')),
      ).toBe(true),
    );
  });

  it('offers the watched inquiries whose reference ID is it in other capitals, or holds it', async () => {
    stubBackground({
      findInquiries: () => ({ kind: 'matches', next: null, items: [] }),
      getInquiry: () => inquiryReply('needs_review', { id: 'inq_WatchedLike0001' }),
    });
    await fakeBrowser.storage.local.set({
      watchlist: [
        watched('inq_WatchedLike0001', 'demo-17'),
        watched('inq_WatchedLike0002', 'ticket-DEMO-170'),
        watched('inq_WatchedOther001', 'demo-18'),
      ],
    });
    await search('DEMO-17');
    const list = await screen.findByRole('list', {
      name: 'Watched here, with a reference ID in other capitals or holding this text:',
    });
    expect(
      [...list.querySelectorAll('.inquiry-id')].map((element) => element.textContent).sort(),
    ).toEqual(['inq_WatchedLike0001', 'inq_WatchedLike0002']);
    fireEvent.click(within(list).getByRole('button', { name: /inq_WatchedLike0001/ }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('demo-17'),
    );
  });

  it('offers no watched inquiry for a text too short to look inside references for', async () => {
    stubBackground({ findInquiries: () => ({ kind: 'matches', next: null, items: [] }) });
    await fakeBrowser.storage.local.set({ watchlist: [watched('inq_WatchedLike0001', 'ab-1')] });
    await search('ab');
    await screen.findByText(/No inquiry has the reference ID/);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('offers the inquiry ID a reference search with a mistyped underscore was meant to be', async () => {
    // As long as Persona's inquiry IDs: a shorter one is taken for the customer's own reference.
    const id = 'inq_MistypedUnderscore0000001';
    const reply = inquiryReply('needs_review');
    reply.inquiry = { ...reply.inquiry, id };
    stubBackground({
      findInquiries: () => ({ kind: 'matches', next: null, items: [] }),
      getInquiry: () => reply,
    });
    await search(id.replace('inq_', 'INQ-'));
    // Said with the search's answer, in its status line.
    await waitFor(() =>
      expect(screen.getAllByRole('status').map((status) => status.textContent)).toContainEqual(
        expect.stringContaining(`Inquiry IDs have an underscore after inq: did you mean ${id}?`),
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: `Open ${id}` }));
    await waitFor(() => expect(sent('getInquiry').at(-1)).toMatchObject({ id }));
    expect(await screen.findByTestId('status')).toBeTruthy();
  });

  it('offers no inquiry ID for a reference that only starts with inq', () => {
    expect(meantInquiryId('inq-Zq7XkL2mN4pQ8rT1vW3yA5bC')).toBe('inq_Zq7XkL2mN4pQ8rT1vW3yA5bC');
    expect(meantInquiryId('INQ Zq7XkL2mN4pQ8rT1vW3yA5bC')).toBe('inq_Zq7XkL2mN4pQ8rT1vW3yA5bC');
    expect(meantInquiryId('inquiry-2024')).toBeUndefined();
    expect(meantInquiryId('inq-42')).toBeUndefined();
    // Shorter than any inquiry ID Persona makes: the customer's own reference.
    expect(meantInquiryId('inq-000123')).toBeUndefined();
    expect(meantInquiryId('INQ 2024Q4X')).toBeUndefined();
    expect(meantInquiryId('inq-abc-def')).toBeUndefined();
  });

  it('keeps the search text as a draft and offers recent lookups', async () => {
    stubBackground({});
    await fakeBrowser.storage.session.set({ recentLookups: ['customer-7', 'inq_Recent0000001'] });
    render(<DeskShell first={{ name: 'home' }} />);
    expect(await screen.findByRole('button', { name: 'customer-7' })).toBeTruthy();
    fireEvent.input(await screen.findByRole('searchbox', { name: 'Find inquiry' }), {
      target: { value: 'half-typed' },
    });
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('draft')).draft).toMatchObject({
        search: 'half-typed',
      }),
    );
  });
});
