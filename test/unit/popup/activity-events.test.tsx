// @vitest-environment happy-dom
// The events under Activity follow the inquiry: after a decision or a Refresh that found news, an
// open list is read again (it used to keep the events of before the decision).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { ActivitySection } from '../../../src/ui/evidence/activity-section.tsx';
import { inquiryView, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));
afterEach(cleanup);

const event = (name: string) => ({ id: `evt_${name}`, name, createdAt: '2026-01-05T09:00:00Z' });

function openEvents() {
  const summary = screen.getByText('Events');
  const details = summary.parentElement as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
  return details;
}

describe('the events under Activity', () => {
  it('are read again when the inquiry changes while they are open', async () => {
    let events = [event('inquiry.created')];
    stubBackground({ listEvents: () => ({ events }) });
    const pending = inquiryView('completed', { timestamps: { updatedAt: '2026-01-05T09:00:00Z' } });
    const { rerender } = render(<ActivitySection inquiry={pending} />);
    openEvents();
    expect(await screen.findByText('inquiry.created')).toBeTruthy();

    // The same inquiry, read again with nothing new: no second read.
    rerender(<ActivitySection inquiry={{ ...pending }} />);
    expect(sent('listEvents')).toHaveLength(1);

    events = [event('inquiry.created'), event('inquiry.approved')];
    const approved = inquiryView('approved', {
      timestamps: { updatedAt: '2026-01-05T09:10:00Z', decisionedAt: '2026-01-05T09:10:00Z' },
    });
    rerender(<ActivitySection inquiry={approved} />);
    expect(await screen.findByText('inquiry.approved')).toBeTruthy();
    expect(sent('listEvents')).toHaveLength(2);
  });

  it('names each event in words beside Persona’s name, and one it does not know by that alone', async () => {
    stubBackground({
      listEvents: () => ({
        events: [event('inquiry.marked-for-review'), event('inquiry.rerouted')],
      }),
    });
    render(<ActivitySection inquiry={inquiryView('needs_review')} />);
    openEvents();
    const known = (await screen.findByText('inquiry.marked-for-review')).closest('li');
    expect(known?.textContent).toMatch(/^Marked for review inquiry\.marked-for-review/);
    const unknown = screen.getByText('inquiry.rerouted').closest('li');
    expect(unknown?.textContent).toMatch(/^inquiry\.rerouted/);
  });

  it('show the latest read’s answer when an older one comes back after it', async () => {
    let first: ((reply: { events: ReturnType<typeof event>[] }) => void) | undefined;
    const newer = { events: [event('inquiry.created'), event('inquiry.approved')] };
    stubBackground({});
    vi.mocked(sendRequest).mockImplementation((() =>
      first === undefined
        ? new Promise((resolve) => {
            first = resolve;
          })
        : Promise.resolve(newer)) as unknown as typeof sendRequest);
    const before = inquiryView('completed', { timestamps: { updatedAt: '2026-01-05T09:00:00Z' } });
    const { rerender } = render(<ActivitySection inquiry={before} />);
    openEvents();
    await waitFor(() => expect(first).toBeDefined());
    rerender(<ActivitySection inquiry={inquiryView('approved')} />);
    expect(await screen.findByText('inquiry.approved')).toBeTruthy();
    first?.({ events: [event('inquiry.created')] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByText('inquiry.approved')).toBeTruthy();
  });

  it('closed when the inquiry changed, are read again on the next opening', async () => {
    stubBackground({ listEvents: () => ({ events: [event('inquiry.created')] }) });
    const pending = inquiryView('completed', { timestamps: { updatedAt: '2026-01-05T09:00:00Z' } });
    const { rerender } = render(<ActivitySection inquiry={pending} />);
    const details = openEvents();
    await screen.findByText('inquiry.created');
    details.open = false;
    fireEvent(details, new Event('toggle'));
    rerender(<ActivitySection inquiry={inquiryView('declined')} />);
    expect(sent('listEvents')).toHaveLength(1);
    openEvents();
    await waitFor(() => expect(sent('listEvents')).toHaveLength(2));
  });
});
