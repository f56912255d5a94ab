// @vitest-environment happy-dom
// The footer's background line: the version, once the worker answered, is not a live region (it
// was said at each opening of the popup); a worker that does not answer is said.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deskError } from '../../../src/shared/errors.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { BackgroundStatus } from '../../../src/ui/background-status.tsx';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(cleanup);

describe('BackgroundStatus', () => {
  it('shows the version without announcing it', async () => {
    vi.mocked(sendRequest).mockResolvedValue({ version: '9.8.7' } as never);
    render(<BackgroundStatus />);
    const line = screen.getByTestId('background-status');
    await waitFor(() => expect(line.textContent).toBe('Version 9.8.7'));
    // The live region is there from the start and stays empty.
    expect(screen.getByRole('status').textContent).toBe('');
    expect(line.closest('[role],[aria-live]')).toBeNull();
  });

  it('announces a background that gave no answer', async () => {
    vi.mocked(sendRequest).mockRejectedValue(deskError('internal', 'bgGaveNoAnswer'));
    render(<BackgroundStatus />);
    const live = screen.getByRole('status');
    expect(live.textContent).toBe('');
    await waitFor(() => expect(live.textContent).toMatch(/background gave no answer/));
    expect(screen.getByTestId('background-status').textContent).toBe(live.textContent);
  });
});
