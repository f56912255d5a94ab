// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
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
    // The error was said; its end is said too.
    await screen.findByText("Persona answered: Needs review shows Persona's list again.");
  });

  it('Try again pressed from the keyboard, answered, hands its focus to the tab above the rows', async () => {
    let online = false;
    await queueFailing(offline, () => online);
    online = true;
    const tryAgain = screen.getByRole('button', { name: 'Try again' });
    // The search box's own focus, as the desk opens, is over first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    tryAgain.focus();
    fireEvent.click(tryAgain);
    await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Needs review' })),
    );
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
    // Said too: the head's words change where no screen reader looks.
    await screen.findByText("Persona answered: Needs review shows Persona's list again.");
  });
});

const MASKED = 'persona_sandbox_…1a2b';
const [listed, gone, came] = [
  'inq_CopyListed00001',
  'inq_CopyGoneSince001',
  'inq_CopyCameSince001',
];

/** Needs review's copy as a read sent at `readAt` left it. */
function storeCopy(ids: string[], readAt: number, masked = MASKED) {
  return fakeBrowser.storage.session.set({
    reviewQueueCopy: {
      items: ids.map((id) => ({ id, status: 'needs_review', referenceId: `ref-${id}` })),
      readAt,
      masked,
    },
  });
}

function watched(id: string, status: string, changedAt: number) {
  return { id, status, addedAt: 1, changedAt, seen: true };
}

/** Needs review opened while nothing answers; resolves once its error shows. */
async function openOffline(answer: () => unknown = () => offline) {
  stubBackground({ listInquiries: answer as () => ErrorInfo });
  render(<DeskShell first={{ name: 'home', tab: 'review' }} />);
  await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
}

const rowIds = () =>
  [...document.querySelectorAll('.inquiry-id')].map((element) => element.textContent);

describe('Needs review’s copy of Persona’s last list', () => {
  it('leaves out a row the watcher saw leave review since, and adds one it saw come', async () => {
    const readAt = Date.now() - 60_000;
    await storeCopy([listed, gone], readAt);
    await fakeBrowser.storage.local.set({
      watchlist: [
        watched(gone, 'approved', readAt + 1_000),
        watched(came, 'needs_review', readAt + 2_000),
        // Needing review before the copy was read, and not in it: Persona had left it out.
        watched('inq_CopyLeftOut00001', 'needs_review', readAt - 1_000),
      ],
    });
    await openOffline();
    await screen.findByRole('button', { name: new RegExp(listed) });
    expect(rowIds().sort()).toEqual([came, listed].sort());
    expect(document.body.textContent).toContain('Showing the list Persona gave 1 minute ago');
  });

  it('says a row the watcher finds come to review while the copy shows', async () => {
    const readAt = Date.now() - 60_000;
    await storeCopy([listed], readAt);
    await openOffline();
    await screen.findByRole('button', { name: new RegExp(listed) });
    const entry = { ...watched(came, 'needs_review', Date.now()), referenceId: 'chat-came' };
    await fakeBrowser.storage.local.set({ watchlist: [entry] });
    await screen.findByRole('button', { name: new RegExp(came) });
    await screen.findByText('Came to review: chat-came');
  });

  it('is not shown for another key’s queue, nor after a refusal', async () => {
    await storeCopy([listed], Date.now(), 'persona_sandbox_…9z9z');
    await openOffline();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rowIds()).toEqual([]);
    cleanup();
    await storeCopy([listed], Date.now());
    await openOffline(() => ({ kind: 'unauthorized', status: 401, message: 'Not accepted.' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rowIds()).toEqual([]);
  });

  it('is not kept from a read answered after another key was saved, or the desk locked', async () => {
    let answer: (value: unknown) => void = () => {};
    stubBackground({
      listInquiries: () => new Promise((resolve) => (answer = resolve)) as unknown as ErrorInfo,
    });
    render(<DeskShell first={{ name: 'home', tab: 'review' }} />);
    await waitFor(() => expect(sent('listInquiries')).toHaveLength(1));
    // The wipe of another key's save, while the read is out.
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.storage.local.set({
      keyInfo: { masked: 'persona_sandbox_…9z9z', environment: 'sandbox', savedAt: 2 },
    });
    answer({ items: rows, next: null });
    await screen.findByRole('button', { name: /inq_QueueFirst00001/ });
    await waitFor(async () =>
      expect(
        (await fakeBrowser.storage.session.get('reviewQueueCopy')).reviewQueueCopy ?? null,
      ).toBeNull(),
    );
  });

  /**
   * The copy of [gone, listed] shown offline, the focus on `gone`'s row; `answer` brings Persona's
   * list, which has `listed` only. The focus goes to the neighbour once the row goes.
   */
  async function focusOnRowThatGoes(answer: () => Promise<unknown>) {
    await storeCopy([gone, listed], Date.now() - 1_000);
    let online = false;
    await openOffline(() =>
      online ? { items: [{ id: listed, status: 'needs_review' }], next: null } : offline,
    );
    const row = await screen.findByRole('button', { name: new RegExp(gone) });
    row.focus();
    online = true;
    await answer();
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: new RegExp(gone) })).toBeNull(),
    );
    expect(document.activeElement).toBe(screen.getByRole('button', { name: new RegExp(listed) }));
  }

  it('hands a focus on a row Persona no longer lists to its neighbour when Persona answers again', async () => {
    await focusOnRowThatGoes(async () => screen.getByRole('button', { name: 'Try again' }).click());
  });

  it("does so too when the 30 s quiet read brings Persona's answer, the copy read after the error", async () => {
    runningFakeClock();
    // The quiet read set up as the error came, before the copy was shown beside it.
    await focusOnRowThatGoes(() => vi.advanceTimersByTimeAsync(30_000));
  });
});
