// @vitest-environment happy-dom
// Next to review: an inquiry opened from Needs review, once decided, offers the row after it there,
// with the focus, so working down the queue is one press a row.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { QUEUE_KEPT } from '../../../src/ui/views/router.ts';
import {
  decisionsAnswered,
  decisionsOnTheirWay,
  inquiryReply,
  stubBackground,
} from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(() => {
  vi.useRealTimers();
});

const queue = ['inq_QueueFirst00001', 'inq_QueueSecond0002', 'inq_QueueThird00003'];
const row = (id: string) => ({ id, status: 'needs_review', referenceId: `ref-${id.slice(-1)}` });

/** `limited`: inquiries whose read Persona's rate limit refuses. */
function stubQueue(limited: readonly string[] = []) {
  stubBackground({
    listInquiries: () => ({ items: queue.map(row), next: null }),
    getInquiry: ({ id }) => {
      if (limited.includes(id)) {
        return { kind: 'rate_limited', message: 'Persona’s rate limit is reached.' };
      }
      const reply = inquiryReply('needs_review');
      return { ...reply, inquiry: { ...reply.inquiry, id, referenceId: `ref-${id.slice(-1)}` } };
    },
    inquiryAction: ({ id }) => {
      const reply = inquiryReply('declined');
      return { ...reply, inquiry: { ...reply.inquiry, id } };
    },
  });
}

/** Home's Needs review, then the row `name` names, open once its status shows. */
async function openFromQueue(name: RegExp) {
  fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
  fireEvent.click(await screen.findByRole('button', { name }));
  await screen.findByTestId('status');
}

async function declineOpen() {
  fireEvent.click(await screen.findByRole('button', { name: 'Decline', exact: true } as never));
  fireEvent.click(await screen.findByRole('button', { name: 'Confirm decline' }));
}

describe('Next to review', () => {
  it('opening the next row in a rate-limit window, says the status its row showed', async () => {
    // The next row's read, made while the decline was out, met the limit too.
    stubQueue([queue[1] ?? '']);
    render(<DeskShell first={{ name: 'home' }} />);
    await openFromQueue(/inq_QueueFirst00001/);
    await declineOpen();
    const next = await screen.findByRole('button', { name: 'Next to review: ref-2' });
    fireEvent.click(next);
    expect((await screen.findByTestId('last-known')).textContent).toBe(
      'needs_review As its row listed it: Needs review.',
    );
  });

  it('opens the next row of Needs review once this one is decided here, and takes the focus', async () => {
    stubQueue();
    render(<DeskShell first={{ name: 'home' }} />);
    await openFromQueue(/inq_QueueFirst00001/);
    // Undecided: nothing to go on to yet.
    expect(screen.queryByRole('button', { name: /Next to review/ })).toBeNull();
    await declineOpen();
    const next = await screen.findByRole('button', { name: 'Next to review: ref-2' });
    await waitFor(() => expect(document.activeElement).toBe(next));
    fireEvent.click(next);
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
        'inq_QueueSecond0002',
      ),
    );
    await declineOpen();
    fireEvent.click(await screen.findByRole('button', { name: 'Next to review: ref-3' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
        'inq_QueueThird00003',
      ),
    );
    await declineOpen();
    // The last of the queue: nothing after it, and said.
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    expect(screen.queryByRole('button', { name: /Next to review/ })).toBeNull();
    expect(screen.getByTestId('queue-done').textContent).toBe(
      'That was the last inquiry Needs review listed; Back shows the queue as Persona has it now.',
    );
  });

  it('goes on from the top of the queue past its last row, to the rows above still waiting', async () => {
    stubQueue();
    render(<DeskShell first={{ name: 'home' }} />);
    await openFromQueue(/inq_QueueThird00003/);
    await declineOpen();
    fireEvent.click(await screen.findByRole('button', { name: 'Next to review: ref-1' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
        'inq_QueueFirst00001',
      ),
    );
    await declineOpen();
    await screen.findByRole('button', { name: 'Next to review: ref-2' });
  });

  it('passes over a row the watcher has seen leave review since the queue was read', async () => {
    stubQueue();
    render(<DeskShell first={{ name: 'home' }} />);
    await openFromQueue(/inq_QueueFirst00001/);
    // A colleague approved the second meanwhile; the watcher saw it.
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    await fakeBrowser.storage.local.set({
      watchlist: [
        { id: queue[1], status: 'approved', addedAt: 1, changedAt: Date.now(), seen: false },
        { id: queue[2], status: 'needs_review', addedAt: 1, changedAt: 1, seen: true },
      ],
    });
    await declineOpen();
    fireEvent.click(await screen.findByRole('button', { name: 'Next to review: ref-3' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
        'inq_QueueThird00003',
      ),
    );
  });

  it('does not pass over a row whose watched status is older than the queue', async () => {
    stubQueue();
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    // Watched while pending; the queue, read after, has it come to review.
    await fakeBrowser.storage.local.set({
      watchlist: [{ id: queue[1], status: 'pending', addedAt: 1, changedAt: 1, seen: true }],
    });
    render(<DeskShell first={{ name: 'home' }} />);
    await openFromQueue(/inq_QueueFirst00001/);
    await declineOpen();
    await screen.findByRole('button', { name: 'Next to review: ref-2' });
  });

  it('is there still in the toolbar popup opened again on the inquiry it closed on', async () => {
    stubQueue();
    const first = render(<DeskShell first={{ name: 'home' }} remember />);
    await openFromQueue(/inq_QueueFirst00001/);
    // A click into the chat closes the popup; the next one offers the inquiry by its reference.
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    await waitFor(async () =>
      expect(await fakeBrowser.storage.session.get('draft')).toMatchObject({
        draft: { lastInquiry: { id: queue[0], referenceId: 'ref-1' } },
      }),
    );
    first.unmount();
    render(<DeskShell first={{ name: 'home' }} remember />);
    fireEvent.click(await screen.findByRole('button', { name: 'Return to ref-1' }));
    await screen.findByTestId('status');
    await declineOpen();
    fireEvent.click(await screen.findByRole('button', { name: 'Next to review: ref-2' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
        'inq_QueueSecond0002',
      ),
    );
  });

  it('keeps the next twenty rows of a long queue with the note, no more', async () => {
    const long = Array.from(
      { length: QUEUE_KEPT + 10 },
      (_, n) => `inq_QueueLong${String(n).padStart(6, '0')}`,
    );
    stubBackground({
      listInquiries: () => ({ items: long.map(row), next: null }),
      getInquiry: ({ id }) => {
        const reply = inquiryReply('needs_review');
        return { ...reply, inquiry: { ...reply.inquiry, id } };
      },
    });
    render(<DeskShell first={{ name: 'home' }} remember />);
    await openFromQueue(new RegExp(long[0] as string));
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    const noted = async () =>
      (
        (await fakeBrowser.storage.session.get('draft')).draft as {
          lastInquiry?: { queue?: { id: string }[] };
        }
      ).lastInquiry?.queue;
    await waitFor(async () => expect(await noted()).toBeDefined());
    // The rows after the one opened, in the queue's order, up to QUEUE_KEPT (router.ts).
    expect((await noted())?.map((next) => next.id)).toEqual(long.slice(1, 1 + QUEUE_KEPT));
  });

  it('names by its reference an inquiry found by its pasted id', async () => {
    const reply = inquiryReply('needs_review', {
      id: 'inq_PastedFromChat01',
      referenceId: 'chat-7',
    });
    stubBackground({
      findInquiries: () => ({ kind: 'inquiry', ...reply }),
      getInquiry: () => reply,
    });
    const first = render(<DeskShell first={{ name: 'home' }} remember />);
    const box = await screen.findByRole('searchbox', { name: 'Find inquiry' });
    await waitFor(() => expect(box.hasAttribute('disabled')).toBe(false));
    fireEvent.input(box, { target: { value: 'inq_PastedFromChat01' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await screen.findByTestId('status');
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    await waitFor(async () =>
      expect(await fakeBrowser.storage.session.get('draft')).toMatchObject({
        draft: { lastInquiry: { id: 'inq_PastedFromChat01', referenceId: 'chat-7' } },
      }),
    );
    first.unmount();
    render(<DeskShell first={{ name: 'home' }} remember />);
    expect(await screen.findByRole('button', { name: 'Return to chat-7' })).toBeTruthy();
  });

  it("counts the offer's half hour from when the popup last showed the inquiry", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    stubQueue();
    render(<DeskShell first={{ name: 'home' }} remember />);
    await openFromQueue(/inq_QueueFirst00001/);
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    const noted = async () =>
      (
        (await fakeBrowser.storage.session.get('draft')) as {
          draft?: { lastInquiry?: { at: number } };
        }
      ).draft?.lastInquiry?.at ?? 0;
    await waitFor(async () => expect(await noted()).toBeGreaterThan(0));
    const opened = await noted();
    // Read for 25 minutes before the popup closes: noted again each minute.
    await vi.advanceTimersByTimeAsync(25 * 60_000);
    await waitFor(async () => expect(await noted()).toBeGreaterThanOrEqual(opened + 24 * 60_000));
    vi.useRealTimers();
  });

  it('writes no note while the desk is locked, the popup still open on the inquiry', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    stubQueue();
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    await fakeBrowser.storage.local.set({
      sealedKey: { iterations: 600_000, salt: 'c2FsdA==', iv: 'aXY=', data: 'ZGF0YQ==' },
    });
    await fakeBrowser.storage.session.set({
      unlockState: { unlockedAt: Date.now(), lastUsedAt: Date.now() },
    });
    render(<DeskShell first={{ name: 'home' }} remember />);
    await openFromQueue(/inq_QueueFirst00001/);
    const note = async () =>
      ((await fakeBrowser.storage.session.get('draft')) as { draft?: { lastInquiry?: object } })
        .draft?.lastInquiry;
    await waitFor(async () => expect(await note()).toBeDefined());
    // The auto-lock: the session's data wiped, the unlock form over the inquiry.
    await fakeBrowser.storage.session.remove('draft');
    await fakeBrowser.storage.session.set({ unlockState: null });
    await screen.findByLabelText(/passphrase/i);
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    expect(await note()).toBeUndefined();
  });

  it('is not offered from the watchlist, whose rows are no queue', async () => {
    stubQueue();
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    await fakeBrowser.storage.local.set({
      watchlist: queue.map((id) => ({
        id,
        status: 'needs_review',
        addedAt: 1,
        changedAt: 1,
        seen: true,
      })),
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('button', { name: /inq_QueueFirst00001/ }));
    await declineOpen();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    expect(screen.queryByRole('button', { name: /Next to review/ })).toBeNull();
  });

  it('drops a row, watched or not, once its decision is answered made; keeps one refused, and the focus', async () => {
    stubQueue();
    const sentAt = Date.now();
    await decisionsOnTheirWay(
      [
        { action: 'decline', inquiryId: queue[0] },
        { action: 'approve', inquiryId: queue[1] },
      ],
      sentAt,
    );
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    const row = (id: string | undefined) =>
      screen.queryByRole('button', { name: new RegExp(`${id}`) });
    await waitFor(() => expect(row(queue[0])?.className).toContain('is-on-its-way'));
    expect(screen.getByText('1 to review')).toBeTruthy();
    // Back on the queue by Escape, the focus on the row decided.
    row(queue[0])?.focus();
    // The answers, logged before the marks go (background audit/pending.ts): the decline made,
    // the approve refused with a 409, which may be Persona's "changed meanwhile": not taken as
    // decided.
    await decisionsAnswered(
      [
        { action: 'decline', inquiryId: queue[0], outcome: { outcome: 'ok' } },
        {
          action: 'approve',
          inquiryId: queue[1],
          outcome: { outcome: 'error', errorKind: 'conflict' },
        },
      ],
      sentAt,
    );
    await waitFor(() => expect(row(queue[0])).toBeNull());
    // The focus went on to the next row, not to the page.
    expect(document.activeElement).toBe(row(queue[1]));
    // Not taken as made: the row stays, drawn as before, and counted again.
    expect(row(queue[1])?.className).not.toContain('is-on-its-way');
    expect(screen.getByText('2 to review')).toBeTruthy();
  });

  it('draws a row whose decision is on its way as done with, and Next leads past it', async () => {
    stubQueue();
    const { fakeBrowser } = await import('@webext-core/fake-browser');
    const mark = { reviewer: 'persona_sandbox_…1a2b', outcome: 'error', errorKind: 'interrupted' };
    await fakeBrowser.storage.local.set({
      auditPending: {
        'life-1 1': { ...mark, at: Date.now(), action: 'decline', inquiryId: queue[1] },
        // Left by a worker that stopped an hour ago: no answer is coming.
        'life-0 1': { ...mark, at: Date.now() - 3_600_000, action: 'approve', inquiryId: queue[2] },
      },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    const sending = await screen.findByRole('button', { name: /inq_QueueSecond0002/ });
    await waitFor(() => expect(sending.textContent).toContain('decline sent, awaiting Persona'));
    expect(sending.className).toContain('is-on-its-way');
    const stale = screen.getByRole('button', { name: /inq_QueueThird00003/ });
    expect(stale.textContent).not.toContain('awaiting Persona');
    expect(stale.className).not.toContain('is-on-its-way');
    fireEvent.click(screen.getByRole('button', { name: /inq_QueueFirst00001/ }));
    await declineOpen();
    fireEvent.click(await screen.findByRole('button', { name: 'Next to review: ref-3' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 2 }).textContent).toContain(
        'inq_QueueThird00003',
      ),
    );
  });
});
