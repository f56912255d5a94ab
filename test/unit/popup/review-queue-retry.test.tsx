// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import type { ErrorInfo } from '../../../src/shared/errors.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { decisionsAnswered, runningFakeClock, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const rows = ['inq_QueueFirst00001', 'inq_QueueSecond0002'].map((id) => ({
  id,
  status: 'needs_review',
  referenceId: `ref-${id}`,
}));
const offline: ErrorInfo = {
  kind: 'network',
  message: 'Inquiry Desk could not reach Persona. Check the internet connection and try again.',
};

/** Needs review opened while Persona gives `failure`, until `answering()`. */
async function queueFailing(failure: ErrorInfo, answering: () => boolean) {
  stubBackground({
    listInquiries: () => (answering() ? { items: rows, next: null } : failure),
  });
  render(<DeskShell first={{ name: 'home', tab: 'review' }} />);
  await waitFor(() => expect(sent('listInquiries')).toHaveLength(1));
  await waitFor(() => expect(document.body.textContent).toContain(failure.message));
}

describe('Needs review not answered', () => {
  it('reads its queue again by itself once the watcher’s check goes through, the error kept till then', async () => {
    let online = false;
    await queueFailing(offline, () => online);
    // Focused on Try again, the reviewer keeps it while nothing answers.
    const tryAgain = screen.getByRole('button', { name: 'Try again' });
    tryAgain.focus();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.activeElement).toBe(tryAgain);
    expect(sent('listInquiries')).toHaveLength(1);
    online = true;
    await fakeBrowser.storage.local.set({
      pollState: { failures: 0, lastAttemptAt: Date.now() + 1, lastSuccessAt: Date.now() + 1 },
    });
    await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent('listInquiries')).toHaveLength(2);
    // Try again went with the error: its focus is on the tab above the rows, not the page.
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Needs review' }));
  });

  it('and every 30 s, quietly: a read that fails again says nothing new', async () => {
    runningFakeClock();
    let online = false;
    await queueFailing(offline, () => online);
    const alert = screen.getByRole('alert');
    await vi.advanceTimersByTimeAsync(30_000);
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(2));
    // The same alert, not another one said again.
    expect(screen.getByRole('alert')).toBe(alert);
    online = true;
    await vi.advanceTimersByTimeAsync(30_000);
    await screen.findByRole('button', { name: /inq_QueueFirst00001/ });
    expect(sent('listInquiries')).toHaveLength(3);
  });

  it('counts failures in a row afresh once a quiet read is answered', async () => {
    runningFakeClock();
    let online = false;
    stubBackground({
      listInquiries: (request) =>
        !online
          ? offline
          : request.next
            ? { kind: 'server', status: 503, message: 'Persona is having trouble.' }
            : { items: rows, next: 'page-2' },
    });
    render(<DeskShell first={{ name: 'home', tab: 'review' }} />);
    await waitFor(() => expect(document.body.textContent).toContain(offline.message));
    online = true;
    await vi.advanceTimersByTimeAsync(30_000);
    await screen.findByRole('button', { name: /inq_QueueFirst00001/ });
    screen.getByRole('button', { name: 'Load more' }).click();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('Persona is having trouble.'));
    // Its first failure since the read that worked, not the second in a row.
    expect(alert.textContent).not.toContain('in a row');
  });

  it('shows another answer than none as it is: a key refused since', async () => {
    runningFakeClock();
    let answer: ErrorInfo = offline;
    await queueFailing(offline, () => false);
    stubBackground({ listInquiries: () => answer });
    answer = { kind: 'unauthorized', status: 401, message: 'Not accepted.' };
    await vi.advanceTimersByTimeAsync(30_000);
    await screen.findByRole('button', { name: 'Open settings' });
    expect(document.body.textContent).toContain('Not accepted.');
    // And asks no more by itself.
    const asked = sent('listInquiries').length;
    await vi.advanceTimersByTimeAsync(61_000);
    expect(sent('listInquiries')).toHaveLength(asked);
  });

  it('leaves a refusal (a 401) to the reviewer', async () => {
    runningFakeClock();
    await queueFailing(
      { kind: 'unauthorized', status: 401, message: 'Not accepted.' },
      () => false,
    );
    await fakeBrowser.storage.local.set({
      pollState: { failures: 0, lastSuccessAt: Date.now() + 1 },
    });
    await vi.advanceTimersByTimeAsync(61_000);
    expect(sent('listInquiries')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });

  it('shows the queue as Persona last listed it meanwhile, less the rows known to have left', async () => {
    let online = true;
    const first = rows[0];
    if (!first) throw new Error('no rows');
    stubBackground({
      listInquiries: () => (online ? { items: rows, next: null } : offline),
    });
    render(<DeskShell first={{ name: 'home', tab: 'review' }} />);
    await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    cleanup();
    // The reviewer approved the first one from its detail meanwhile: the activity log has it.
    await decisionsAnswered(
      [{ action: 'approve', inquiryId: first.id, outcome: { outcome: 'ok' } }],
      Date.now() + 1_000,
    );
    online = false;
    render(<DeskShell first={{ name: 'home', tab: 'review' }} />);
    await waitFor(() => expect(document.body.textContent).toContain(offline.message));
    await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    expect(screen.queryByRole('button', { name: /inq_QueueFirst00001/ })).toBeNull();
    expect(document.body.textContent).toContain('Showing the list Persona gave just now');
    // Persona answering again, its answer replaces the copy.
    online = true;
    screen.getByRole('button', { name: 'Try again' }).click();
    await screen.findByRole('button', { name: /inq_QueueFirst00001/ });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toContain('Showing the list Persona gave');
    expect(document.body.textContent).toContain('2 to review');
  });
});
