// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTypeAhead, takeTypedAhead } from '../../../src/ui/type-ahead.ts';
import { UnlockForm } from '../../../src/ui/unlock-form.tsx';
import { shownText } from '../shown-text.ts';
import { sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('takes a passphrase typed as the locked desk opened, before the field had the focus', async () => {
  stubBackground({ unlock: () => ({ locked: false }) });
  startTypeAhead();
  // An id pasted out of habit first: not part of the passphrase.
  const pasted = new Event('paste', { bubbles: true });
  Object.defineProperty(pasted, 'clipboardData', { value: { getData: () => 'inq_Pasted' } });
  document.body.dispatchEvent(pasted);
  for (const key of 'correct horse')
    document.body.dispatchEvent(new KeyboardEvent('keypress', { key, bubbles: true }));
  try {
    render(<UnlockForm />);
    const field = (await screen.findByLabelText('Passphrase')) as HTMLInputElement;
    await vi.waitFor(() => expect(field.value).toBe('correct horse'));
    expect(document.activeElement).toBe(field);
  } finally {
    takeTypedAhead();
  }
});

describe('the locked desk', () => {
  it("is the page's heading, and offers the settings, where a forgotten passphrase goes with the key", async () => {
    render(<UnlockForm lookups />);
    expect(screen.getByRole('heading', { name: 'Inquiry Desk is locked.' })).toBeTruthy();
    expect(screen.getByText(/^Forgot the passphrase\? In the settings/)).toBeTruthy();
    const opened = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it("in the options page's Lock section, which has its heading and the way out, neither", () => {
    render(<UnlockForm focusOnShow={false} />);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open settings' })).toBeNull();
  });
});

describe('the unlock form after a wrong passphrase', () => {
  it('counts down the wait the background imposes, and only then takes another try', async () => {
    vi.useFakeTimers();
    stubBackground({
      unlock: () => ({
        kind: 'invalid',
        pointer: 'passphrase',
        retryAfterSeconds: 2,
        message: 'Wrong passphrase. Try again in 2 seconds.',
      }),
    });
    render(<UnlockForm />);
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    const button = screen.getByRole('button', {
      name: 'Unlock, after the wait',
    }) as HTMLButtonElement;
    expect(shownText(button)).toBe('Unlock in 2 s');
    // The count is the button's description, read with it: no message says the seconds.
    const describedBy = button.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Unlock in 2 s');
    // Held, not disabled: Tab reaches the countdown the message points to.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.disabled).toBe(false);
    // Enter in the field meanwhile sends nothing, and takes the focus to the button that says
    // why.
    const field = screen.getByLabelText('Passphrase');
    field.focus();
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    // The miss is said at the field.
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('unlock-error');
    expect(document.getElementById('unlock-error')?.getAttribute('role')).toBe('alert');
    // The number is the button's, which counts down: none frozen beside it in the message.
    expect(screen.getByRole('alert').textContent).toBe(
      'Wrong passphrase. The next try waits: its button counts down to it.',
    );
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2000);
    });
    expect(button.textContent).toBe('Unlock');
    // The wait is over: the message no longer says to wait.
    expect(screen.getByRole('alert').textContent).toBe(
      'The wait after a wrong passphrase is over: try again.',
    );
    expect(button.getAttribute('aria-disabled')).toBe('false');
    // The click during the wait sent nothing.
    expect(sent('unlock')).toHaveLength(1);
  });

  it('has the focus in the passphrase field when it shows, and again after a miss', async () => {
    stubBackground({
      unlock: () => ({ kind: 'invalid', pointer: 'passphrase', message: 'Wrong passphrase.' }),
    });
    render(<UnlockForm />);
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'not it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await screen.findByRole('alert');
    expect(document.activeElement).toBe(field);
    // Selected, so the next try replaces it.
    await vi.waitFor(() =>
      expect([field.selectionStart, field.selectionEnd]).toEqual([0, 'not it'.length]),
    );
  });
});
