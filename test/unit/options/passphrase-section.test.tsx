// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PassphraseSection } from '../../../src/options/passphrase-section.tsx';
import { sendRequest } from '../../../src/shared/send-request.ts';

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

  it('"Passphrase set." goes once the key and its passphrase are removed', async () => {
    vi.mocked(sendRequest).mockResolvedValue({ locked: false });
    render(<PassphraseSection required={false} />);
    fireEvent.input(await screen.findByLabelText('Passphrase'), {
      target: { value: 'correct horse battery' },
    });
    fireEvent.input(screen.getByLabelText('Repeat the passphrase'), {
      target: { value: 'correct horse battery' },
    });
    const set = screen.getByRole('button', { name: 'Set passphrase' });
    set.focus();
    fireEvent.click(set);
    const note = await screen.findByText(/^Passphrase set\./);
    // Set passphrase is disabled again (its fields emptied): the note has the focus.
    await waitFor(() => expect(document.activeElement).toBe(note));
    await fakeBrowser.storage.local.remove('sealedKey');
    await waitFor(() => expect(screen.queryByText(/^Passphrase set\./)).toBeNull());
    expect(screen.getByTestId('lock-status').textContent).toMatch(/No passphrase/);
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
