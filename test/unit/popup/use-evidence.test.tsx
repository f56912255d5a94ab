// @vitest-environment happy-dom
// The evidence views load on demand (use-evidence.ts); when their chunk fails to load, the detail
// says so and a retry loads them, instead of showing an inquiry silently without photos, reports and activity.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { inquiryReply, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const chunk = vi.hoisted(() => ({ failuresLeft: 1, loads: 0 }));

vi.mock('../../../src/ui/evidence/evidence-sections.tsx', () => {
  chunk.loads += 1;
  if (chunk.failuresLeft > 0) {
    chunk.failuresLeft -= 1;
    throw new Error('Failed to fetch dynamically imported module');
  }
  const none = () => null;
  return {
    PhotoSection: () => <p>photos</p>,
    ReportsSection: none,
    DeviceNetwork: none,
    BehaviourSection: none,
    EarlierInquiries: none,
    ActivitySection: none,
    SavePdfButton: none,
  };
});

describe('the detail view without its evidence', () => {
  it('says the evidence could not be loaded, offers to try again, and still shows the inquiry', async () => {
    const reply = inquiryReply('completed');
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id, initial: reply }} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The photos, reports and activity of this inquiry could not be loaded.',
    );
    expect(screen.getAllByText(reply.inquiry.id).length).toBeGreaterThan(0);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('photos')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(chunk.loads).toBe(2);
  });
});
