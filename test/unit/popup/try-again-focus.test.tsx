// @vitest-environment happy-dom
// A Try again that works is gone with its message: the focus goes back to what the reviewer was
// on before the failure, not to the page.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../src/shared/errors.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { SavePdfButton } from '../../../src/ui/evidence/save-pdf-button.tsx';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(() => {
  cleanup();
  vi.mocked(sendRequest).mockReset();
});

describe('Try again, then it works', () => {
  it('Save PDF: the focus goes back to Save PDF', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:pdf');
    URL.revokeObjectURL = vi.fn();
    vi.mocked(sendRequest)
      .mockRejectedValueOnce(
        new DeskError({ kind: 'server', status: 500, message: 'Persona had a problem.' }),
      )
      .mockResolvedValueOnce({ filename: 'inq_A.pdf', base64: 'JVBERg==' });
    render(<SavePdfButton id="inq_AAAAAA111111" />);
    const save = screen.getByRole('button', { name: 'Save PDF' });
    save.focus();
    fireEvent.click(save);
    const retry = await screen.findByRole('button', { name: 'Try again' });
    // A reviewer's next press comes after the failure has settled (its effects run after a frame).
    await new Promise((resolve) => setTimeout(resolve, 30));
    retry.focus();
    fireEvent.click(retry);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(save));
  });
});

describe('Try again, and it fails again', () => {
  it('says how many tries in a row failed, and counts afresh after one works', async () => {
    const failure = new DeskError({
      kind: 'server',
      status: 500,
      message: 'Persona had a problem.',
    });
    vi.mocked(sendRequest)
      .mockRejectedValueOnce(failure)
      .mockRejectedValueOnce(failure)
      .mockResolvedValueOnce({ filename: 'inq_A.pdf', base64: 'JVBERg==' })
      .mockRejectedValueOnce(failure);
    URL.createObjectURL = vi.fn(() => 'blob:pdf');
    URL.revokeObjectURL = vi.fn();
    render(<SavePdfButton id="inq_AAAAAA111111" />);
    fireEvent.click(screen.getByRole('button', { name: 'Save PDF' }));
    const first = await screen.findByRole('alert');
    expect(first.textContent).not.toContain('in a row');

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Failed 2 times in a row.'),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Save PDF' }));
    const after = await screen.findByRole('alert');
    expect(after.textContent).not.toContain('in a row');
  });
});
