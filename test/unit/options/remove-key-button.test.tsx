// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemoveKeyButton } from '../../../src/options/remove-key-button.tsx';
import { DeskError } from '../../../src/shared/errors.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.mocked(sendRequest).mockReset();
});

const confirmButton = () => screen.getByRole('button', { name: 'Yes, remove' });

describe('Remove key', () => {
  it('closes the confirmation once the key is removed', async () => {
    vi.mocked(sendRequest).mockResolvedValue({ keyInfo: null });
    render(<RemoveKeyButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }));
    fireEvent.click(confirmButton());
    await screen.findByRole('button', { name: 'Remove key' });
    expect(vi.mocked(sendRequest)).toHaveBeenCalledWith({ type: 'clearKey' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on a failure closes nothing, shows why, and can be confirmed again', async () => {
    vi.mocked(sendRequest)
      .mockRejectedValueOnce(
        new DeskError({ kind: 'internal', message: 'The key could not be removed. Try again.' }),
      )
      .mockResolvedValueOnce({ keyInfo: null });
    render(<RemoveKeyButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }));
    fireEvent.click(confirmButton());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The key could not be removed. Try again.');
    expect(screen.getByRole('group', { name: 'Confirm removing the key' })).toBeTruthy();
    await waitFor(() => expect(confirmButton().hasAttribute('disabled')).toBe(false));

    fireEvent.click(confirmButton());
    await screen.findByRole('button', { name: 'Remove key' });
    expect(vi.mocked(sendRequest)).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('moves the focus to Cancel when it asks, and back to Remove key on Cancel', async () => {
    render(<RemoveKeyButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove key' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    const remove = await screen.findByRole('button', { name: 'Remove key' });
    await waitFor(() => expect(document.activeElement).toBe(remove));
  });
});
