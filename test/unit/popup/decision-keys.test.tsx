// @vitest-environment happy-dom
// A, D and N in an opened inquiry: a decision's confirmation one key from the inquiry's heading,
// never the decision itself, never from a field, and off when the reviewer turns them off.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyShortcutsItem } from '../../../src/shared/page-items.ts';
import { writeItem } from '../../../src/shared/storage.ts';
import { decisionKey, TYPING_PAUSE_MS } from '../../../src/ui/views/decision-keys.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { inquiryReply, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(cleanup);

// The page's clock as the keys read it (event.timeStamp): each key comes after a reviewer's pause,
// past TYPING_PAUSE_MS, unless a test says how soon after the one before it comes.
let clock = 0;

/** A keydown as the browser sends it, on `target` (the page, unless given). */
function keydown(
  key: string,
  init: KeyboardEventInit = {},
  target: EventTarget = document.body,
  msAfter = TYPING_PAUSE_MS + 1_000,
) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  clock += msAfter;
  Object.defineProperty(event, 'timeStamp', { value: clock });
  target.dispatchEvent(event);
  return event;
}

describe('decisionKey', () => {
  it('reads A, D and N, in either case', () => {
    const seen = ['a', 'D', 'n', 'x', 'Enter'].map((key) => {
      const event = new KeyboardEvent('keydown', { key });
      return decisionKey(event);
    });
    expect(seen).toEqual(['approve', 'decline', 'next', undefined, undefined]);
  });

  it('leaves a key with Ctrl, Alt or ⌘, a held key and one mid-composition to others', () => {
    const kept = [{ ctrlKey: true }, { altKey: true }, { metaKey: true }, { repeat: true }];
    for (const init of kept) {
      expect(decisionKey(new KeyboardEvent('keydown', { key: 'd', ...init }))).toBeUndefined();
    }
    expect(decisionKey(new KeyboardEvent('keydown', { key: 'd', isComposing: true }))).toBe(
      undefined,
    );
    // Shift alone is a capital, still the key.
    expect(decisionKey(new KeyboardEvent('keydown', { key: 'D', shiftKey: true }))).toBe('decline');
  });

  it('is text in a field, an editable area or a dialog', () => {
    document.body.innerHTML = `<textarea></textarea><input><select></select>
      <div contenteditable="true"><span id="in-editable"></span></div>
      <div contenteditable="false"><span id="not-editable"></span></div>
      <dialog open><button id="in-dialog"></button></dialog><button id="plain"></button>`;
    const on = (selector: string) => {
      let read: string | undefined;
      const target = document.querySelector(selector) as HTMLElement;
      target.addEventListener('keydown', (event) => {
        read = decisionKey(event);
      });
      keydown('a', {}, target);
      return read;
    };
    expect(['textarea', 'input', 'select', '#in-editable', '#in-dialog'].map(on)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(['#not-editable', '#plain'].map(on)).toEqual(['approve', 'approve']);
    document.body.innerHTML = '';
  });

  it('leaves every key to a confirmation open on the page, whichever it is', () => {
    document.body.innerHTML = '<fieldset class="confirm"><button id="anyway"></button></fieldset>';
    expect(decisionKey(new KeyboardEvent('keydown', { key: 'a' }))).toBeUndefined();
    document.body.innerHTML = '';
    expect(decisionKey(new KeyboardEvent('keydown', { key: 'a' }))).toBe('approve');
  });

  it('is no key among letters typed to the page: a burst is typing gone astray', () => {
    document.body.innerHTML = '<button id="plain"></button><textarea></textarea>';
    const read: (string | undefined)[] = [];
    const listen = (event: Event) => read.push(decisionKey(event as KeyboardEvent));
    document.addEventListener('keydown', listen);
    const page = document.getElementById('plain') as HTMLElement;
    // "Name" typed to the page: N is a key, the letters after it within the pause are not, each
    // one starting the pause again; a key after the pause is one once more.
    keydown('N', { shiftKey: true }, page);
    for (const key of ['a', 'm', 'e', ' ', 'd']) keydown(key, {}, page, 150);
    keydown('a', {}, page, TYPING_PAUSE_MS - 1);
    expect(read).toEqual([
      'next',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    read.length = 0;
    keydown('a', {}, page, TYPING_PAUSE_MS);
    expect(read).toEqual(['approve']);
    // Letters typed in a field are text where they belong: the key after them is one.
    read.length = 0;
    const field = document.querySelector('textarea') as HTMLElement;
    keydown('x', {}, field);
    keydown('y', {}, field, 50);
    keydown('d', {}, page, 50);
    expect(read).toEqual([undefined, undefined, 'decline']);
    // Nor do Enter, arrows or keys with Ctrl start a burst.
    read.length = 0;
    keydown('Enter', {}, page);
    keydown('ArrowDown', {}, page, 50);
    keydown('c', { ctrlKey: true }, page, 50);
    keydown('a', {}, page, 50);
    expect(read).toEqual([undefined, undefined, undefined, 'approve']);
    document.removeEventListener('keydown', listen);
    document.body.innerHTML = '';
  });

  it('leaves a key some other handler already took', () => {
    const event = new KeyboardEvent('keydown', { key: 'a', cancelable: true });
    event.preventDefault();
    expect(decisionKey(event)).toBeUndefined();
  });
});

async function openAt(status: string) {
  const reply = inquiryReply(status);
  stubBackground({
    getInquiry: () => reply,
    inquiryAction: () => inquiryReply('declined'),
  });
  render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
  await screen.findByTestId('status', {}, { timeout: 5_000 });
}

describe('the decision keys in an opened inquiry', () => {
  it("D opens Decline's confirmation with the focus in its comment; nothing is sent", async () => {
    await openAt('needs_review');
    // Said once the stored switch is read, when the keys begin to act.
    await screen.findByText('Keys: A for Approve, D for Decline.');
    expect(screen.getByRole('button', { name: 'Decline' }).getAttribute('aria-keyshortcuts')).toBe(
      'D',
    );
    const event = keydown('d');
    const comment = await screen.findByRole('textbox', { name: 'Comment' });
    expect(event.defaultPrevented).toBe(true);
    expect(screen.getByRole('button', { name: 'Confirm decline' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(comment));
    expect(sent('inquiryAction')).toHaveLength(0);
    // The form has the keys now: the hint goes, and A typed outside the field switches nothing.
    expect(screen.queryByText('Keys: A for Approve, D for Decline.')).toBeNull();
    keydown('a', {}, screen.getByRole('button', { name: 'Confirm decline' }));
    expect(screen.queryByRole('button', { name: 'Confirm approve' })).toBeNull();
  });

  it("A opens Approve's; a letter typed in the comment is text", async () => {
    await openAt('needs_review');
    await screen.findByText('Keys: A for Approve, D for Decline.');
    keydown('a');
    const comment = await screen.findByRole('textbox', { name: 'Comment' });
    expect(screen.getByRole('button', { name: 'Confirm approve' })).toBeTruthy();
    const typed = keydown('d', {}, comment);
    expect(typed.defaultPrevented).toBe(false);
    expect(screen.queryByRole('button', { name: 'Confirm decline' })).toBeNull();
  });

  it('off, a letter opens nothing and no key is hinted', async () => {
    await writeItem(keyShortcutsItem, false);
    await openAt('needs_review');
    const event = keydown('d');
    expect(event.defaultPrevented).toBe(false);
    expect(screen.queryByRole('button', { name: 'Confirm decline' })).toBeNull();
    expect(screen.queryByText(/Keys: A for Approve/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Decline' }).hasAttribute('aria-keyshortcuts')).toBe(
      false,
    );
  });

  it('turned off while the inquiry is open, the keys stop at once', async () => {
    await openAt('needs_review');
    await screen.findByText('Keys: A for Approve, D for Decline.');
    await writeItem(keyShortcutsItem, false);
    await waitFor(() => expect(screen.queryByText(/Keys: A for Approve/)).toBeNull());
    keydown('d');
    expect(screen.queryByRole('button', { name: 'Confirm decline' })).toBeNull();
  });

  it('a decided inquiry hints no key, and leaves A and D to the page', async () => {
    await openAt('approved');
    expect(screen.queryByText(/Key(s)?: /)).toBeNull();
    expect(keydown('a').defaultPrevented).toBe(false);
    expect(keydown('n').defaultPrevented).toBe(false);
  });

  it('N opens the next row of Needs review once this one is decided', async () => {
    const queue = ['inq_QueueFirst00001', 'inq_QueueSecond0002'];
    const named = (id: string, status: string) => {
      const reply = inquiryReply(status);
      return { ...reply, inquiry: { ...reply.inquiry, id, referenceId: `ref-${id.slice(-1)}` } };
    };
    stubBackground({
      listInquiries: () => ({
        items: queue.map((id) => ({
          id,
          status: 'needs_review',
          referenceId: `ref-${id.slice(-1)}`,
        })),
        next: null,
      }),
      getInquiry: ({ id }) => named(id, 'needs_review'),
      inquiryAction: ({ id }) => named(id, 'declined'),
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    fireEvent.click(await screen.findByRole('button', { name: /inq_QueueFirst00001/ }));
    await screen.findByText('Keys: A for Approve, D for Decline.');
    // Undecided, N is the page's.
    expect(keydown('n').defaultPrevented).toBe(false);
    keydown('d');
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm decline' }));
    const next = await screen.findByRole('button', { name: 'Next to review: ref-2' });
    expect(next.getAttribute('aria-keyshortcuts')).toBe('N');
    // Said where A and D were: the key that goes on.
    expect(screen.getByText('Key: N for Next to review.')).toBeTruthy();
    // From anywhere on the page, not only from the button that has the focus.
    (document.activeElement as HTMLElement | null)?.blur();
    expect(keydown('n').defaultPrevented).toBe(true);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('ref-2'),
    );
    // The last row: its decision's answer says the queue is done, its line stands where Next
    // would, and N says it again rather than doing nothing.
    await screen.findByText('Keys: A for Approve, D for Decline.');
    keydown('d');
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm decline' }));
    const done =
      'That was the last inquiry Needs review listed; Back shows the queue as Persona has it now.';
    const announcer = screen.getByTestId('announcer');
    await waitFor(() => expect(announcer.textContent).toContain(done));
    const actions = document.querySelector('.detail-actions') as HTMLElement;
    expect(actions.firstElementChild?.getAttribute('data-testid')).toBe('queue-done');
    // Said again: emptied, then the words (announce.tsx).
    const said: string[] = [];
    const heard = new MutationObserver(() => said.push(announcer.textContent ?? ''));
    heard.observe(announcer, { childList: true, characterData: true, subtree: true });
    expect(keydown('n').defaultPrevented).toBe(true);
    await waitFor(() => expect(said).toEqual(['', done]));
    heard.disconnect();
  });
});
