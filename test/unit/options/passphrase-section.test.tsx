// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PassphraseSection } from '../../../src/options/passphrase-section.tsx';
import { DeskError } from '../../../src/shared/errors.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { shownText } from '../shown-text.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const sealed = { iterations: 600_000, salt: 'c2FsdA==', iv: 'aXY=', data: 'ZGF0YQ==' };
const unlocked = { unlockedAt: 1, lastUsedAt: 1 };

beforeEach(async () => {
  await fakeBrowser.storage.local.set({ sealedKey: sealed });
  await fakeBrowser.storage.session.set({ unlockState: unlocked });
});
afterEach(() => {
  cleanup();
  vi.mocked(sendRequest).mockReset();
});

describe('the Lock section’s notes', () => {
  it('"Locked." goes once the desk is unlocked elsewhere (the popup)', async () => {
    vi.mocked(sendRequest).mockImplementation(async () => {
      await fakeBrowser.storage.session.set({ unlockState: null });
      return { locked: true as const };
    });
    render(<PassphraseSection required={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lock now' }));
    expect((await screen.findByRole('status')).textContent).toBe('Locked.');
    await fakeBrowser.storage.session.set({ unlockState: unlocked });
    await screen.findByRole('button', { name: 'Lock now' });
    expect(screen.queryByText('Locked.')).toBeNull();
  });

  it('a change says "Passphrase changed.", which goes once the key and its passphrase are removed', async () => {
    vi.mocked(sendRequest).mockResolvedValue({ locked: false });
    render(<PassphraseSection required={false} />);
    fireEvent.input(await screen.findByLabelText('Current passphrase'), {
      target: { value: 'correct horse battery' },
    });
    fireEvent.input(screen.getByLabelText('New passphrase'), {
      target: { value: 'correct horse battery 2' },
    });
    fireEvent.input(screen.getByLabelText('Repeat the new passphrase'), {
      target: { value: 'correct horse battery 2' },
    });
    const set = screen.getByRole('button', { name: 'Change passphrase' });
    set.focus();
    fireEvent.click(set);
    const note = await screen.findByText(
      'Passphrase changed. The old one no longer unlocks the desk.',
    );
    // Set passphrase is disabled again (its fields emptied): the note has the focus.
    await waitFor(() => expect(document.activeElement).toBe(note));
    await fakeBrowser.storage.local.remove('sealedKey');
    await waitFor(() => expect(screen.queryByText(/^Passphrase changed\./)).toBeNull());
    expect(screen.getByTestId('lock-status').textContent).toMatch(/No passphrase/);
  });

  it('a change sends the current passphrase; a wrong one puts the focus back on it', async () => {
    vi.mocked(sendRequest).mockRejectedValue(
      new DeskError({
        kind: 'invalid',
        pointer: 'currentPassphrase',
        retryAfterSeconds: 1,
        message: 'Wrong passphrase. Try again in 1 second.',
      }),
    );
    render(<PassphraseSection required={false} />);
    const change = await screen.findByRole('button', { name: 'Change passphrase' });
    for (const [label, value] of [
      ['New passphrase', 'a brand new one'],
      ['Repeat the new passphrase', 'a brand new one'],
    ]) {
      fireEvent.input(screen.getByLabelText(label as string), { target: { value } });
    }
    // Not without the current one.
    expect((change as HTMLButtonElement).disabled).toBe(true);
    const current = screen.getByLabelText('Current passphrase');
    fireEvent.input(current, { target: { value: 'not it at all' } });
    fireEvent.click(change);
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong passphrase');
    expect(sendRequest).toHaveBeenCalledWith({
      type: 'setPassphrase',
      passphrase: 'a brand new one',
      current: 'not it at all',
    });
    await waitFor(() => expect(document.activeElement).toBe(current));
    expect(current.getAttribute('aria-invalid')).toBe('true');
    // The background's wait after a miss, counted down on the button, as Unlock does.
    const waiting = screen.getByRole('button', { name: 'Change passphrase, after the wait' });
    expect(shownText(waiting)).toMatch(/^Change passphrase in \d+ s$/);
    expect((waiting as HTMLButtonElement).disabled).toBe(true);
  });

  it('asks for the passphrase twice, and sends nothing while the two differ', async () => {
    vi.mocked(sendRequest).mockResolvedValue({ locked: false });
    await fakeBrowser.storage.local.remove('sealedKey');
    render(<PassphraseSection required={false} />);
    fireEvent.input(await screen.findByLabelText('Passphrase'), {
      target: { value: 'correct horse battery' },
    });
    const repeat = screen.getByLabelText('Repeat the passphrase');
    fireEvent.input(repeat, { target: { value: 'correct horse batery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    expect(await screen.findByText(/The two passphrases differ/)).toBeTruthy();
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(repeat);
    expect(sendRequest).not.toHaveBeenCalled();
  });

  it('says the rule at the field before typing, and sends (and logs) nothing shorter', async () => {
    vi.mocked(sendRequest).mockResolvedValue({ locked: false });
    await fakeBrowser.storage.local.remove('sealedKey');
    render(<PassphraseSection required={false} />);
    const field = await screen.findByLabelText('Passphrase');
    const described = () =>
      document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;
    expect(described()).toBe('At least 8 characters.');
    fireEvent.input(field, { target: { value: 'short' } });
    fireEvent.input(screen.getByLabelText('Repeat the passphrase'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(described()).toBe('Use a passphrase of at least 8 characters.');
    expect(document.activeElement).toBe(field);
    expect(sendRequest).not.toHaveBeenCalled();
    // Typing on clears it; eight characters go.
    fireEvent.input(field, { target: { value: 'longer12' } });
    expect(field.getAttribute('aria-invalid')).toBe('false');
    fireEvent.input(screen.getByLabelText('Repeat the passphrase'), {
      target: { value: 'longer12' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    await waitFor(() => expect(sendRequest).toHaveBeenCalledTimes(1));
  });

  it('after Lock now, the unlock field has the focus', async () => {
    vi.mocked(sendRequest).mockImplementation(async () => {
      await fakeBrowser.storage.session.set({ unlockState: null });
      return { locked: true as const };
    });
    render(<PassphraseSection required={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lock now' }));
    await screen.findByTestId('unlock-form');
    const field = screen.getByLabelText('Passphrase');
    expect(field.id).toBe('unlock-passphrase');
    await waitFor(() => expect(document.activeElement).toBe(field));
  });
});
