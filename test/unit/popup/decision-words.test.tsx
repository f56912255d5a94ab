// @vitest-environment happy-dom
// The decision sentence says the status in the reader's language, with Persona's word beside it:
// a German reviewer read "Entscheidung: declined am …" before.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendAudit } from '../../../src/background/audit/append.ts';
import { ActivitySection } from '../../../src/ui/evidence/activity-section.tsx';
import { inLanguage } from '../i18n/in-language.ts';
import { inquiryView } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

function decisionText(): string {
  const term = screen.getByText(/^(Decision|Entscheidung)$/);
  return term.nextElementSibling?.textContent ?? '';
}

describe('the decision sentence', () => {
  it('names the status in German, with Persona’s word kept beside it', () => {
    inLanguage('de');
    const inquiry = inquiryView('declined', {
      timestamps: {
        createdAt: '2025-06-01T10:00:00.000Z',
        decisionedAt: '2025-06-02T09:30:00.000Z',
      },
    });
    render(<ActivitySection inquiry={inquiry} />);
    const text = decisionText();
    expect(text).toMatch(/^Abgelehnt \(declined\) am /);
    expect(screen.getByText('declined').tagName).toBe('CODE');
  });

  it('reads the same way in English', () => {
    inLanguage('en');
    const inquiry = inquiryView('approved', {
      timestamps: {
        createdAt: '2025-06-01T10:00:00.000Z',
        decisionedAt: '2025-06-02T09:30:00.000Z',
      },
    });
    render(<ActivitySection inquiry={inquiry} />);
    expect(decisionText()).toMatch(/^Approved \(approved\) on /);
  });

  it('says a decision Persona sent without its time, not that nothing was decided', async () => {
    inLanguage('en');
    const inquiry = inquiryView('approved', {
      timestamps: { createdAt: '2025-06-01T10:00:00.000Z' },
    });
    render(<ActivitySection inquiry={inquiry} />);
    expect(decisionText()).toBe('Approved (approved), time not given by Persona');
    expect(screen.queryByText('Not decided yet.')).toBeNull();
    cleanup();
    // Made from this desk: its activity log still names who, with no time from Persona to match.
    await appendAudit({
      at: Date.parse('2025-06-02T09:30:00.000Z'),
      reviewer: 'ana@example.com',
      action: 'approve',
      outcome: 'ok',
      inquiryId: inquiry.id,
    });
    render(<ActivitySection inquiry={inquiry} />);
    const by = screen.getByText('Decided by').nextElementSibling;
    // Who first: that is the answer; that Persona names no one, after.
    await waitFor(() =>
      expect(by?.textContent).toMatch(
        /^ana@example\.com, on .+, from Inquiry Desk's activity log \(Persona names no one\)$/,
      ),
    );
  });

  it('says an undecided inquiry is not decided yet', () => {
    inLanguage('en');
    const inquiry = inquiryView('completed', {
      timestamps: { createdAt: '2025-06-01T10:00:00.000Z' },
    });
    render(<ActivitySection inquiry={inquiry} />);
    expect(screen.getByText('Not decided yet.')).toBeTruthy();
  });
});
