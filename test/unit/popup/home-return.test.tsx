// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { inquiryReply, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const queue = ['inq_QueueFirst00001', 'inq_QueueSecond0002'];

/** The background's answers for a review queue of `ids()` and each one's detail. */
const reviewQueue = (ids: () => string[] = () => queue) => ({
  listInquiries: () => ({
    items: ids().map((id) => ({ id, status: 'needs_review', referenceId: `ref-${id}` })),
    next: null,
  }),
  getInquiry: ({ id }: { id: string }) => ({ ...inquiryReply('needs_review', { id }) }),
});

/** Opens the queue's row at `index` from the Needs review tab; the detail is showing. */
async function openRow(index: number) {
  render(<DeskShell first={{ name: 'home' }} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
  const rows = await screen.findAllByRole('button', { name: /inq_Queue/ });
  fireEvent.click(rows[index] as HTMLElement);
  await screen.findByTestId('status');
}

describe('Back from an inquiry', () => {
  it('returns to the tab it was opened from, with the focus on its row', async () => {
    stubBackground(reviewQueue());
    await openRow(1);

    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const tab = await screen.findByRole('tab', { name: 'Needs review' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    // The row itself (the page's text holds the id too, so its text would not tell).
    const row = await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    await waitFor(() => expect(document.activeElement).toBe(row));
    // The search box, which takes the focus when the desk opens, leaves it there.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(row);
  });

  it('from search results opened after a row, returns to the search box, not that row', async () => {
    stubBackground({
      ...reviewQueue(),
      findInquiries: () => ({ kind: 'matches', next: null, items: [] }),
    });
    await openRow(1);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await screen.findByRole('button', { name: /inq_QueueSecond0002/ });

    const box = screen.getByRole('searchbox', { name: 'Find inquiry' });
    // Disabled until Home has read the draft (search-box.tsx), which a write of the tab chosen
    // (home-view.tsx) may hold up a moment: typed into before, the text would not be taken.
    await waitFor(() => expect(box.hasAttribute('disabled')).toBe(false));
    fireEvent.input(box, { target: { value: 'demo-1' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await screen.findByRole('button', { name: 'Back' });
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const again = await screen.findByRole('searchbox', { name: 'Find inquiry' });
    await waitFor(() => expect(document.activeElement).toBe(again));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(again);
    // Still on the tab it was on.
    expect(screen.getByRole('tab', { name: 'Needs review' }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('puts the focus on the row in its place when the row it was opened from is gone (decided)', async () => {
    let queued = queue;
    stubBackground(reviewQueue(() => queued));
    await openRow(0);
    queued = queue.slice(1); // approved meanwhile: off the queue
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const next = await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    await waitFor(() => expect(document.activeElement).toBe(next));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(next);
  });

  it('the rows after it gone as well (decided with Next), the first still listed takes the focus', async () => {
    const three = [...queue, 'inq_QueueThird00003'];
    let queued = three;
    stubBackground(reviewQueue(() => queued));
    await openRow(0);
    queued = three.slice(2);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const third = await screen.findByRole('button', { name: /inq_QueueThird00003/ });
    await waitFor(() => expect(document.activeElement).toBe(third));
  });

  it('rows that come back late leave the focus where the reviewer has since put it', async () => {
    // The queue read again after Back is answered only once the reviewer has gone to the search
    // box: the row opened, or the one in its place, must not take the focus from it.
    for (const gone of [false, true]) {
      let queued = queue;
      // Set, the next read of the queue waits for its call.
      let held: ((release: () => void) => void) | undefined;
      let release = () => {};
      stubBackground({
        ...reviewQueue(() => queued),
        listInquiries: () =>
          new Promise((resolve) => {
            const reply = {
              items: queued.map((id) => ({ id, status: 'needs_review', referenceId: `ref-${id}` })),
              next: null,
            };
            if (held) held(() => resolve(reply));
            else resolve(reply);
          }),
      });
      await openRow(0);
      if (gone) queued = queue.slice(1);
      held = (answer) => {
        release = answer;
      };
      fireEvent.click(screen.getByRole('button', { name: 'Back' }));
      const tab = await screen.findByRole('tab', { name: 'Needs review' });
      await waitFor(() => expect(document.activeElement).toBe(tab));
      const box = screen.getByRole('searchbox', { name: 'Find inquiry' });
      await waitFor(() => expect(box.hasAttribute('disabled')).toBe(false));
      box.focus();
      release();
      await screen.findByRole('button', { name: gone ? /inq_QueueSecond0002/ : /inq_QueueFirst/ });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(document.activeElement).toBe(box);
      cleanup();
    }
  });

  it('the last row gone, the one before it takes the focus; none left, the tab', async () => {
    let queued = queue;
    stubBackground(reviewQueue(() => queued));
    await openRow(1);
    queued = queue.slice(0, 1);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const before = await screen.findByRole('button', { name: /inq_QueueFirst00001/ });
    await waitFor(() => expect(document.activeElement).toBe(before));
    fireEvent.click(before);
    await screen.findByTestId('status');
    queued = [];
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    const tab = await screen.findByRole('tab', { name: 'Needs review' });
    await waitFor(() => expect(document.activeElement).toBe(tab));
  });

  it('Escape goes back as Back does, unless a field, a dialog or a confirmation has it', async () => {
    stubBackground(reviewQueue());
    await openRow(1);
    // In a field (a tag being typed), Escape stays there.
    const tag = screen.getByRole('textbox', { name: 'New tag' });
    tag.focus();
    fireEvent.keyDown(tag, { key: 'Escape' });
    expect(screen.queryByTestId('status')).not.toBeNull();
    // A confirmation cancels on Escape, and only that.
    fireEvent.click(screen.getByRole('button', { name: 'Approve', exact: true }));
    const comment = await screen.findByRole('textbox', { name: 'Comment' });
    fireEvent.keyDown(comment, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Comment' })).toBeNull());
    expect(screen.queryByTestId('status')).not.toBeNull();
    // An open dialog (the enlarged photo) owns Escape even with the focus outside it.
    const dialog = document.createElement('dialog');
    dialog.setAttribute('open', '');
    document.body.append(dialog);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(fireEvent.keyDown(heading, { key: 'Escape' })).toBe(true);
    expect(screen.queryByTestId('status')).not.toBeNull();
    dialog.remove();
    // Anywhere else in the detail: back to the row it was opened from.
    const unhandled = fireEvent.keyDown(heading, { key: 'Escape' });
    // Handled: a toolbar popup would otherwise close on it.
    expect(unhandled).toBe(false);
    const row = await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    await waitFor(() => expect(document.activeElement).toBe(row));
    // At home there is nowhere to go back to: the key is left to the browser.
    expect(fireEvent.keyDown(row, { key: 'Escape' })).toBe(true);
  });

  it('Alt+← goes back too, where Escape would, since Firefox’s popup closes on Escape first', async () => {
    stubBackground(reviewQueue());
    await openRow(1);
    const altLeft = { key: 'ArrowLeft', altKey: true };
    // A field keeps it, and does not go back. Off a Mac (this test's platform is Linux) it is
    // still kept from the browser, whose Back would take the window's tab back.
    const tag = screen.getByRole('textbox', { name: 'New tag' });
    tag.focus();
    expect(fireEvent.keyDown(tag, altLeft)).toBe(false);
    expect(screen.queryByTestId('status')).not.toBeNull();
    // ← alone, or with another modifier too, is not Back.
    const heading = screen.getByRole('heading', { level: 2 });
    expect(fireEvent.keyDown(heading, { key: 'ArrowLeft' })).toBe(true);
    expect(fireEvent.keyDown(heading, { ...altLeft, shiftKey: true })).toBe(true);
    expect(screen.queryByTestId('status')).not.toBeNull();
    // A confirmation cancels on it, as on Escape, and only that; its comment keeps it, as a field
    // does.
    fireEvent.click(screen.getByRole('button', { name: 'Approve', exact: true }));
    const comment = await screen.findByRole('textbox', { name: 'Comment' });
    fireEvent.keyDown(comment, altLeft);
    expect(screen.queryByRole('textbox', { name: 'Comment' })).not.toBeNull();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(fireEvent.keyDown(cancel, altLeft)).toBe(false);
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Comment' })).toBeNull());
    expect(screen.queryByTestId('status')).not.toBeNull();
    // Held, it is handled but goes back no further than a press does, Escape's repeats too, which
    // at Home would close the popup.
    expect(fireEvent.keyDown(heading, { ...altLeft, repeat: true })).toBe(false);
    expect(screen.queryByTestId('status')).not.toBeNull();
    // Anywhere else in the detail: back to the row it was opened from, the key handled.
    expect(fireEvent.keyDown(heading, altLeft)).toBe(false);
    const row = await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    await waitFor(() => expect(document.activeElement).toBe(row));
    // At Home it goes nowhere, and is still kept from the browser, whose Back would take the
    // window's tab (the chat) back; Escape there is left to the browser, to close the popup.
    expect(fireEvent.keyDown(row, altLeft)).toBe(false);
    expect(fireEvent.keyDown(row, { key: 'Escape', repeat: true })).toBe(false);
    expect(fireEvent.keyDown(row, { key: 'Escape' })).toBe(true);
    expect(screen.getByRole('button', { name: /inq_QueueSecond0002/ })).toBe(row);
  });
});

describe('Back from the create form', () => {
  /** Home → New inquiry; the form's Reference ID box once it shows. */
  async function openCreateForm(): Promise<HTMLElement> {
    stubBackground(reviewQueue());
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('button', { name: /^New inquiry/ }));
    return screen.findByRole('textbox', { name: 'Reference ID' });
  }

  /** New inquiry has the focus, and keeps it: the search box, focused on opening, leaves it. */
  async function focusBackOnNewInquiry(): Promise<HTMLElement> {
    const opener = await screen.findByRole('button', { name: /^New inquiry/ });
    await waitFor(() => expect(document.activeElement).toBe(opener));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(opener);
    return opener;
  }

  it('Escape in one of its fields goes back, with the focus on New inquiry and the draft kept', async () => {
    const reference = await openCreateForm();
    reference.focus();
    fireEvent.input(reference, { target: { value: 'ticket-42' } });
    // Handled: a toolbar popup would otherwise close on it.
    expect(fireEvent.keyDown(reference, { key: 'Escape' })).toBe(false);
    const opener = await focusBackOnNewInquiry();
    await waitFor(() => expect(opener.textContent).toContain('draft'));
  });

  it('Back gives the focus to New inquiry, not to the search box', async () => {
    await openCreateForm();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await focusBackOnNewInquiry();
  });

  it('while a create is out, Escape (in a field or not) and Back wait, and say so: going back would drop its answer', async () => {
    // The background never answers the create: it is still out.
    const reference = await openCreateForm();
    fireEvent.input(screen.getByRole('textbox', { name: 'Inquiry template ID' }), {
      target: { value: 'itmpl_Typed01' },
    });
    fireEvent.input(reference, { target: { value: 'chat-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(sent('createInquiry')).toHaveLength(1));
    reference.focus();
    fireEvent.keyDown(reference, { key: 'Escape' });
    fireEvent.keyDown(document.body, { key: 'Escape' });
    fireEvent.keyDown(document.body, { key: 'ArrowLeft', altKey: true });
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.queryByRole('textbox', { name: 'Reference ID' })).not.toBeNull();
    await screen.findByText(/Back waits until the inquiry is made/);
    expect(sent('createInquiry')).toHaveLength(1);
  });

  it('leaves Alt+← to a field on a Mac, where ⌥← moves the caret a word', async () => {
    const platform = vi.spyOn(navigator, 'platform', 'get').mockReturnValue('MacIntel');
    try {
      stubBackground(reviewQueue());
      render(<DeskShell first={{ name: 'home' }} />);
      const search = await screen.findByRole('searchbox', { name: 'Find inquiry' });
      expect(fireEvent.keyDown(search, { key: 'ArrowLeft', altKey: true })).toBe(true);
    } finally {
      platform.mockRestore();
    }
  });

  it('keeps Alt+← from the browser at Home in the search box, off a Mac', async () => {
    stubBackground(reviewQueue());
    render(<DeskShell first={{ name: 'home' }} />);
    const search = await screen.findByRole('searchbox', { name: 'Find inquiry' });
    expect(fireEvent.keyDown(search, { key: 'ArrowLeft', altKey: true })).toBe(false);
    // ← alone still moves the caret.
    expect(fireEvent.keyDown(search, { key: 'ArrowLeft' })).toBe(true);
  });
});
