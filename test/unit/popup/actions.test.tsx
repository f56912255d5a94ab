// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { DeskError, type ErrorInfo } from '../../../src/shared/errors.ts';
import type { InquiryReply } from '../../../src/shared/messages.ts';
import { allowedActions } from '../../../src/shared/persona/status-actions.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { writeItem } from '../../../src/shared/storage.ts';
import { type DecisionDraft, draftItem } from '../../../src/shared/storage-items.ts';
import { SLOW_MS } from '../../../src/ui/use-request.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { REREAD_AFTER_MS, REREAD_AGAIN_MS } from '../../../src/ui/views/detail-view.tsx';
import { shownText } from '../shown-text.ts';
import { decisionsAnswered, inquiryReply, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const names = ['Approve', 'Decline', 'Mark for review', 'New link'];

async function openWith(status: string) {
  const reply = inquiryReply(status);
  stubBackground({
    getInquiry: () => reply,
    inquiryAction: ({ action }) =>
      inquiryReply(
        action === 'approve' ? 'approved' : action === 'decline' ? 'declined' : 'needs_review',
      ),
    newLink: () => ({
      ...inquiryReply('pending'),
      link: { url: 'https://verify.example/new', expiresAt: '2099-01-01T00:00:00Z', createdAt: 1 },
    }),
  });
  render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
  // The first test loads the detail's lazy chunk: past findBy's 1 s on a loaded machine (seen
  // while CI ran beside it).
  await screen.findByTestId('status', {}, { timeout: 5_000 });
}

/** Opens the test inquiry's detail and approves it, through its confirmation. */
async function approveFromDetail() {
  render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
  await screen.findByTestId('status');
  fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
  fireEvent.click(screen.getByRole('button', { name: 'Confirm approve' }));
}

/** What a request the background stopped before answering gets. */
const stopped = { kind: 'disconnected', message: 'The background stopped.' } as const;

/**
 * Approves from the detail of an inquiry Persona has at `status()`; the background stops before
 * it answers. Resolves once the detail has read the inquiry again after the stop.
 */
async function approveInterrupted(status: () => string) {
  stubBackground({ getInquiry: () => inquiryReply(status()), inquiryAction: () => stopped });
  await approveFromDetail();
  await waitFor(() => expect(sent('getInquiry')).toHaveLength(2));
}

type Answer = (reply: InquiryReply) => void;

/** Requests of `type` wait for the returned function's answer; every other gets `reply` at once. */
function holdAnswer(type: string, reply: InquiryReply): Answer {
  let answer: Answer = () => {};
  vi.mocked(sendRequest).mockImplementation(((request: { type: string }) =>
    request.type === type
      ? new Promise((resolve) => {
          answer = resolve;
        })
      : Promise.resolve(reply)) as typeof sendRequest);
  return (value) => answer(value);
}

/** Adds the tag "vip" in the detail of an inquiry tagged "kyc"; Persona has not answered yet. */
async function addTagHeld(): Promise<Answer> {
  const reply = inquiryReply('completed', { tags: ['kyc'] });
  const answer = holdAnswer('changeTag', reply);
  render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
  await screen.findByTestId('status');
  fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
  return answer;
}

/** What the open confirmation's comment holds. */
function commentTyped(): string {
  return (screen.getByRole('textbox', { name: 'Comment' }) as HTMLInputElement).value;
}

function offered(): string[] {
  return names.filter((name) => screen.queryByRole('button', { name }));
}

describe('inquiry actions', () => {
  const flags = {
    Approve: 'approve',
    Decline: 'decline',
    'Mark for review': 'markForReview',
    'New link': 'newLink',
  } as const;
  it.each([
    'created',
    'pending',
    'completed',
    'failed',
    'needs_review',
    'expired',
    'approved',
    'declined',
    'some_new_status',
  ])('offers exactly what allowedActions gives for %s', async (status) => {
    await openWith(status);
    const actions = allowedActions(status);
    expect(offered()).toEqual(names.filter((name) => actions[flags[name as keyof typeof flags]]));
    expect(screen.getByRole('button', { name: 'Watch' })).toBeTruthy();
  });

  it('offers no action on a redacted inquiry, whatever its status (the detail passes redacted on)', async () => {
    const reply = inquiryReply('needs_review', { redacted: true });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    expect(offered()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Watch' })).toBeTruthy();
  });

  it.each(['created', 'pending', 'expired', 'failed', 'some_new_status'])(
    'offers Approve and Decline, behind the confirmation, on an undecided %s inquiry',
    async (status) => {
      await openWith(status);
      fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
      expect(sent('inquiryAction')).toHaveLength(0);
      fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
      await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
      expect(sent('inquiryAction')).toEqual([
        { type: 'inquiryAction', id: 'inq_TestInquiry0001', action: 'decline' },
      ]);
    },
  );

  it.each([
    ['completed', 'Mark for review', 'Marked for review'],
    ['expired', 'New link', 'New link ready'],
  ])(
    'on %s, %s is confirmed in its own words, not drowned by the status it brings',
    async (status, button, said) => {
      await openWith(status);
      const announcer = screen.getByTestId('announcer');
      fireEvent.click(screen.getByRole('button', { name: button }));
      await waitFor(() => expect(announcer.textContent).toBe(said));
      // The status the action brought is not said over it.
      await new Promise((done) => setTimeout(done, 1_500));
      expect(announcer.textContent).toBe(said);
    },
  );

  it('offers nothing final once decided', async () => {
    await openWith('approved');
    expect(offered()).toEqual([]);
  });

  it('approves only after a confirmation, and shows the result at once', async () => {
    await openWith('completed');
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(sent('inquiryAction')).toHaveLength(0);
    const comment = screen.getByRole('textbox', { name: 'Comment' });
    expect(document.activeElement).toBe(comment);
    fireEvent.click(screen.getByRole('button', { name: 'Confirm approve' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    expect(sent('inquiryAction')).toEqual([
      { type: 'inquiryAction', id: 'inq_TestInquiry0001', action: 'approve' },
    ]);
    expect(offered()).toEqual([]);
  });

  it('confirms with Ctrl+Enter in the comment; a bare Enter is a new line, not the decision', async () => {
    await openWith('completed');
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const comment = screen.getByRole('textbox', { name: 'Comment' });
    // With the list of what it passes over first (none was checked here: approve-warnings.test).
    expect(comment.getAttribute('aria-describedby')?.split(' ')).toContain('action-comment-hint');
    expect(document.getElementById('action-comment-hint')?.textContent).toBe(
      'Ctrl+Enter confirms.',
    );
    fireEvent.keyDown(comment, { key: 'Enter' });
    expect(sent('inquiryAction')).toHaveLength(0);
    fireEvent.keyDown(comment, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    expect(sent('inquiryAction')).toHaveLength(1);
  });

  it('declines with a comment', async () => {
    await openWith('needs_review');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Document expired' },
    });
    fireEvent.submit(
      screen.getByRole('textbox', { name: 'Comment' }).closest('form') as HTMLFormElement,
    );
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    expect(sent('inquiryAction')[0]).toMatchObject({
      action: 'decline',
      comment: 'Document expired',
    });
  });

  it('says when Persona holds another comment with the decision made, both shown, the one sent to copy', async () => {
    const reply = inquiryReply('needs_review');
    const declined = (reviewerComment: string) => {
      const answer = inquiryReply('declined');
      return { ...answer, inquiry: { ...answer.inquiry, reviewerComment } };
    };
    let stored = 'colleague: fraud';
    stubBackground({ getInquiry: () => reply, inquiryAction: () => declined(stored) });
    // Opened from Needs review: Next to review would take the focus once it is decided.
    const queue = [{ id: 'inq_NextInQueue0001' }];
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id, queue }} />);
    await screen.findByTestId('status', {}, { timeout: 5_000 });
    const declineWith = async (comment: string) => {
      fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
      const field = screen.getByRole('textbox', { name: 'Comment' });
      fireEvent.input(field, { target: { value: comment } });
      fireEvent.submit(field.closest('form') as HTMLFormElement);
      await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    };
    await declineWith('Selfie does not match');
    const notice = await screen.findByTestId('other-comment');
    // An alert with the focus: not left for Next to review to take away.
    expect(notice.getAttribute('role')).toBe('alert');
    expect(screen.getByRole('button', { name: /Next to review/ })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(notice.textContent).toContain('colleague: fraud');
    expect(notice.textContent).toContain('Selfie does not match');
    expect(within(notice).getByRole('button', { name: 'Copy comment' })).toBeTruthy();
    cleanup();
    // The same comment, its spacing and line ends as a store may change them: nothing to say.
    stored = ' Selfie does\r\nnot  match ';
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status', {}, { timeout: 5_000 });
    await declineWith('Selfie does\nnot match');
    expect(screen.queryByTestId('other-comment')).toBeNull();
  });

  it('a comment typed for Decline never goes with an Approve, and waits for the next Decline', async () => {
    await openWith('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'typed for the decline' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const comment = screen.getByRole('textbox', { name: 'Comment' }) as HTMLInputElement;
    expect(comment.value).toBe('');
    expect(document.activeElement).toBe(comment);
    // Back to Decline, after an Escape too: what was typed for it is there again.
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    const again = screen.getByRole('textbox', { name: 'Comment' }) as HTMLInputElement;
    expect(again.value).toBe('typed for the decline');
    fireEvent.keyDown(again, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Comment' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(commentTyped()).toBe('typed for the decline');
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(commentTyped()).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm approve' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    expect(sent('inquiryAction')).toEqual([
      { type: 'inquiryAction', id: 'inq_TestInquiry0001', action: 'approve' },
    ]);
  });

  it('a comment typed for Decline survives a look at Approve and the popup closing meanwhile', async () => {
    await openWith('failed');
    const decisions = async () =>
      ((await fakeBrowser.storage.session.get('draft')) as { draft?: { decisions?: unknown } })
        .draft?.decisions;
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    // Typed again until stored: the page takes edits once it has read the draft, which a desk
    // page has with its first screen, and this test's page a moment after the detail shows.
    await waitFor(async () => {
      fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
        target: { value: 'typed for the decline' },
      });
      expect(await decisions()).toEqual([
        { inquiryId: 'inq_TestInquiry0001', action: 'decline', comment: 'typed for the decline' },
      ]);
    });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    // In the draft: Approve open, nothing typed for it, the decline's reason beside it.
    await waitFor(async () =>
      expect(await decisions()).toEqual([
        {
          inquiryId: 'inq_TestInquiry0001',
          action: 'approve',
          comment: '',
          other: 'typed for the decline',
        },
      ]),
    );
    // The popup closes (a click into the chat) and opens again on the inquiry.
    cleanup();
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByRole('button', { name: 'Confirm approve' });
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(commentTyped()).toBe('typed for the decline');
    // Still never sent with an Approve.
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(commentTyped()).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm approve' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    expect(sent('inquiryAction')).toEqual([
      { type: 'inquiryAction', id: 'inq_TestInquiry0001', action: 'approve' },
    ]);
  });

  it('on a 409, shows the status Persona has now and closes the decision it no longer allows', async () => {
    let status = 'pending';
    let reads = 0;
    stubBackground({
      // The re-read takes a while, as over the network: the 409 is shown before it is in.
      getInquiry: () =>
        (reads++ === 0
          ? inquiryReply(status)
          : new Promise((resolve) => setTimeout(() => resolve(inquiryReply(status)), 50))) as never,
      inquiryAction: () => {
        status = 'declined'; // decided in Persona's dashboard meanwhile
        return {
          kind: 'conflict',
          status: 409,
          title: 'Conflict',
          details: 'Inquiry cannot be approved',
          message:
            "That action isn't possible in the inquiry's current state. Persona says: “Conflict: Inquiry cannot be approved”.",
        };
      },
    });
    await approveFromDetail();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    expect(sent('getInquiry')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Confirm approve' })).toBeNull();
    // The closed confirmation had the focus: it goes to what is said in its place, which
    // names the decision Persona has now; not to the page.
    const alert = await screen.findByTestId('overtaken');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain(
      'Your approval did not go through: the inquiry is now “Declined”',
    );
    // Said once: the 409's own message, which the notice explains, is not left beside it.
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    // The new status is said as news, not as the word a decision made here is answered with.
    const announcer = screen.getByTestId('announcer');
    await waitFor(() => expect(announcer.textContent).toBe('Status now: Declined'), {
      timeout: 3_000,
    });
  });

  const conflict: ErrorInfo = {
    kind: 'conflict',
    status: 409,
    message: "Persona refused because of the inquiry's current state.",
  };

  it('on a 409 for New link or a tag, also shows the status Persona has now', async () => {
    let status = 'pending';
    stubBackground({
      getInquiry: () => inquiryReply(status),
      newLink: () => {
        status = 'completed'; // the person finished meanwhile
        return conflict;
      },
      changeTag: () => {
        status = 'approved';
        return conflict;
      },
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'New link' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('completed'));
    expect(sent('getInquiry')).toHaveLength(2);
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    expect(sent('getInquiry')).toHaveLength(3);
  });

  it('after a 5xx on a tag change, reads the inquiry again, as its message says', async () => {
    let tags = ['kyc'];
    stubBackground({
      getInquiry: () => inquiryReply('completed', { tags }),
      changeTag: () => {
        tags = ['kyc', 'vip']; // Persona added it; the answer was lost
        return { kind: 'server', status: 503, message: 'The desk has read the inquiry again.' };
      },
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByRole('button', { name: 'Remove tag vip' })).toBeTruthy();
    expect(sent('getInquiry')).toHaveLength(2);
  });

  it('after a 429, sends no decision till the window resets: the confirmation counts it down', async () => {
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () => ({
        kind: 'rate_limited',
        retryAfterSeconds: 30,
        message: 'Persona’s rate limit is reached. Wait 30 seconds.',
      }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Selfie does not match' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    const alert = await screen.findByRole('alert');
    // The desk's own words, the wait counting down, not Persona's fixed "Wait 30 seconds".
    expect(alert.textContent).toMatch(
      /^Persona's rate limit is reached\. Wait \d+ s and try again; Inquiry Desk slows down/,
    );
    const confirm = await screen.findByRole('button', { name: 'Confirm decline, after the wait' });
    expect(shownText(confirm)).toMatch(/^Confirm decline in \d+ s$/);
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    // The comment typed for it waits with it, to be sent once the window resets.
    expect(commentTyped()).toBe('Selfie does not match');
    fireEvent.click(confirm);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sent('inquiryAction')).toHaveLength(1);
    expect(commentTyped()).toBe('Selfie does not match');
  });

  it('when the worker stops before it answers a decision, shows the status Persona has now', async () => {
    let status = 'completed';
    stubBackground({
      getInquiry: () => inquiryReply(status),
      inquiryAction: () => {
        status = 'approved'; // Persona made it; the worker stopped before it answered
        return { kind: 'disconnected', message: 'The extension’s background stopped.' };
      },
    });
    await approveFromDetail();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    // The approval stands: no error is left inviting a second one.
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Confirm approve' })).toBeNull();
    // The log has it as interrupted (the worker never answered): the reviewer is told.
    expect(screen.getByText(/activity log records it as interrupted/)).toBeTruthy();
  });

  it('when the worker stops and Persona finishes the decision after the first read, reads again a moment later', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let status = 'completed';
    await approveInterrupted(() => status);
    expect(screen.getByTestId('status').textContent).toBe('completed');
    // Said as a change that may be made, not as "check what the desk shows now": the read on
    // screen may have come before a slow Persona made it.
    expect((await screen.findByRole('alert')).textContent).toContain(
      "The extension's background stopped before Persona answered, so the action may or may not have happened. The desk reads the inquiry again: check its status before trying again.",
    );
    status = 'approved'; // Persona was still making it when the first read went out
    await vi.advanceTimersByTimeAsync(REREAD_AGAIN_MS);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    expect(sent('getInquiry')).toHaveLength(3);
    vi.useRealTimers();
  });

  it("a change answered with its own copy (its read after failed) keeps the results on screen, Approve's list too, and reads again", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const selfie = {
      id: 'ver_Selfie0000001',
      type: 'verification/selfie',
      status: 'failed',
      loaded: true,
      checks: [{ name: 'selfie_id_comparison', status: 'failed', required: true, reasons: [] }],
      fields: [],
    };
    // What Persona's mark for review answers: the verification named, its checks not included.
    const named = inquiryReply('needs_review', {
      verifications: [{ ...selfie, status: '', loaded: false, checks: [] }],
    });
    stubBackground({
      getInquiry: () => inquiryReply('completed', { verifications: [selfie] }),
      inquiryAction: () => named,
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'Mark for review' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('needs_review'));
    expect(screen.queryByText('Persona sent no details for this verification.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Approve', exact: true }));
    const form = screen.getByRole('form', { name: 'Confirm approve' });
    expect(within(form).getByText('Selfie: Failed, 1 check failed')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(sent('getInquiry')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(REREAD_AGAIN_MS);
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(2));
    vi.useRealTimers();
  });

  it('an interrupted tag change is read again once shortly, not for a minute: a tag moves no status', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    stubBackground({
      getInquiry: () => inquiryReply('completed', { tags: ['kyc'] }),
      changeTag: () => stopped,
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(REREAD_AGAIN_MS);
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(3));
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_MS[3]);
    expect(sent('getInquiry')).toHaveLength(3);
    vi.useRealTimers();
  });

  it.each([
    ['pending', 'moves no status: read again once shortly, as a tag is', 3],
    ['expired', 'resumes the inquiry: read as a decision is, while the status has not moved', 6],
  ])('an interrupted New link when the inquiry is %s: it %s', async (status, _, reads) => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    stubBackground({
      getInquiry: () => inquiryReply(status),
      newLink: () => stopped,
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'New link' }));
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_MS[3] + 1_000);
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(reads));
    vi.useRealTimers();
  });

  it('when the worker stops and Persona takes its time, keeps reading for a minute, until the status moves', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let status = 'completed';
    await approveInterrupted(() => status);
    // Still undecided at 4 and at 10 s: read each time.
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_MS[1]);
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(4));
    expect(screen.getByTestId('status').textContent).toBe('completed');
    status = 'approved'; // Persona's decision lands some 20 s after it was sent
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_MS[2] - REREAD_AFTER_MS[1]);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    // The status moved: the minute's last read is not made.
    await vi.advanceTimersByTimeAsync(REREAD_AFTER_MS[3]);
    expect(sent('getInquiry')).toHaveLength(5);
    vi.useRealTimers();
  });

  it('when the worker stops and Persona made nothing, says it may be made, and offers the decision again', async () => {
    await approveInterrupted(() => 'completed');
    // Not yet made is all the read can say: a slow Persona may still make it.
    expect((await screen.findByRole('alert')).textContent).toContain(
      "The extension's background stopped before Persona answered, so the action may or may not have happened.",
    );
    expect(screen.queryByText(/activity log records it as interrupted/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Confirm approve' })).toBeTruthy();
  });

  it('after a 5xx that made nothing, keeps the error and the confirmation, comment and all', async () => {
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () => ({ kind: 'server', status: 503, message: 'Persona had a problem.' }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'document expired' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    await screen.findByRole('alert');
    // The background read the inquiry after the 5xx (a decision Persona made comes back as made:
    // test/integration/decision-recovery.test.ts), but that read can fail too: the detail reads
    // it again itself, and shows what it finds, here the decision not made.
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(2));
    expect(screen.getByTestId('status').textContent).toBe('completed');
    expect(screen.getByRole('alert').textContent).toContain('Persona had a problem.');
    const comment = screen.getByRole('textbox', { name: 'Comment' }) as HTMLInputElement;
    expect(comment.value).toBe('document expired');
  });

  it('after a 5xx whose read-back failed too, reads again, and says the log has the decision as an error', async () => {
    let status = 'completed';
    let reads = 0;
    stubBackground({
      getInquiry: () => {
        reads += 1;
        return reads === 1
          ? inquiryReply('completed')
          : reads === 2
            ? { kind: 'server', status: 503, message: 'Persona had a problem.' }
            : inquiryReply(status);
      },
      inquiryAction: () => {
        status = 'approved'; // Persona made it; its answer was lost
        return { kind: 'server', status: 503, message: 'Persona had a problem.' };
      },
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
      await screen.findByTestId('status');
      fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
      fireEvent.click(screen.getByRole('button', { name: 'Confirm approve' }));
      await waitFor(() => expect(reads).toBe(2));
      await vi.advanceTimersByTimeAsync(REREAD_AGAIN_MS);
      await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
      expect(screen.getByText(/records it as an error/)).toBeTruthy();
      // Its own decision, answer lost: not said to have been overtaken by someone else's.
      expect(screen.queryByTestId('overtaken')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('describes the decisions by the note that Persona refuses this key’s changes', async () => {
    await fakeBrowser.storage.session.set({ writeRefusal: { masked: 'persona_sandbox_…1a2b' } });
    stubBackground({ getInquiry: () => inquiryReply('completed') });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    const note = await screen.findByTestId('read-only-key');
    for (const name of ['Approve', 'Decline', 'Mark for review']) {
      const button = screen.getByRole('button', { name, exact: true });
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? ''), name).toBe(
        note,
      );
    }
  });

  /** Persona's 403, with `details` its reason. */
  const forbidden = (details: string) => ({
    kind: 'forbidden' as const,
    status: 403,
    title: 'Forbidden',
    details,
    message: 'Persona refused this request.',
  });

  it('says a refused decision, never that it waits for an answer sent from elsewhere', async () => {
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () => ({
        kind: 'unauthorized' as const,
        message: 'Persona did not accept the API key.',
      }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    // Every line the sending status shows, however briefly.
    const shown: string[] = [];
    const record = () => {
      const line = document.querySelector('[data-testid="action-sending"]')?.textContent;
      if (line && shown.at(-1) !== line) shown.push(line);
    };
    const observer = new MutationObserver(record);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Blurred document' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('did not accept the API key'),
    );
    // The mark this page wrote as it sent is read back, the answer looked for, and settled.
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('draft')).draft).toBeTruthy(),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    observer.disconnect();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((line) => line.startsWith('Already sent'))).toEqual([]);
    expect(commentTyped()).toBe('Blurred document');
  });

  it('says Persona’s reason once after a refused decision: in its alert, not in the note above it too', async () => {
    await fakeBrowser.storage.session.set({ writeRefusal: { masked: 'persona_sandbox_…1a2b' } });
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () => forbidden('API key does not have the inquiry.write permission'),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('read-only-key');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    await screen.findByRole('alert');
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('writeRefusal')).writeRefusal).toMatchObject({
        says: 'API key does not have the inquiry.write permission',
      }),
    );
    expect(screen.queryByTestId('read-only-key')).toBeNull();
    // Nor do the buttons point to a note that is gone.
    expect(document.querySelectorAll('[aria-describedby~="read-only-key"]')).toHaveLength(0);
  });

  it('keeps the note beside another 403 than the one it gives: New link’s', async () => {
    await fakeBrowser.storage.session.set({
      writeRefusal: {
        masked: 'persona_sandbox_…1a2b',
        says: 'API key does not have the inquiry.write permission',
      },
    });
    stubBackground({
      getInquiry: () => inquiryReply('pending'),
      newLink: () => forbidden('Requests from this address are not allowed'),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('read-only-key');
    fireEvent.click(screen.getByRole('button', { name: 'New link' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not allowed'));
    expect(screen.getByTestId('read-only-key').textContent).toContain('inquiry.write');
  });

  /**
   * With the watcher's `pollState` stored: a decision made from the detail, once the page has
   * asked `opening` checks of the watcher (the desk's opening asks one, as it always does); how
   * many it has asked once the decision's answer is in.
   */
  async function checksAfterDecision(pollState: object, opening: number): Promise<number> {
    await fakeBrowser.storage.local.set({ pollState });
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () => inquiryReply('declined'),
      refreshWatchlist: () => ({ polled: true }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    await waitFor(() => expect(sent('refreshWatchlist')).toHaveLength(opening));
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    return sent('refreshWatchlist').length;
  }

  it('has the watcher check again once Persona answers a decision while its last check had failed', async () => {
    const outage = { failures: 2, lastError: { kind: 'network', message: 'Nothing answers.' } };
    // The detail's read, answered, asked one after the opening's; the decision's answer another.
    expect(await checksAfterDecision(outage, 2)).toBe(3);
  });

  it.each([
    ['work', { failures: 0, lastSuccessAt: 1 }],
    // The watcher's own failure, not an outage: its back-off stands.
    [
      'fail on their own',
      { failures: 1, lastError: { kind: 'bad_response', message: 'Odd list.' } },
    ],
  ])('asks no check of the watcher after an answer while its checks %s', async (_, pollState) => {
    expect(await checksAfterDecision(pollState, 1)).toBe(1);
  });

  /** The detail opened while the watcher's checks are `pollState`, its read answered `answer`. */
  async function checksAfterRead(pollState: object, answer: object): Promise<number> {
    await fakeBrowser.storage.local.set({ pollState });
    stubBackground({
      getInquiry: () => answer as never,
      refreshWatchlist: () => ({ polled: true }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByRole('alert');
    await new Promise((resolve) => setTimeout(resolve, 50));
    return sent('refreshWatchlist').length;
  }

  const refusedKey = { kind: 'unauthorized', status: 401, message: 'Persona refused the API key.' };

  it('has the watcher check now when Persona refuses the key while its checks went through', async () => {
    // The desk's opening asks one; the refusal another.
    expect(await checksAfterRead({ failures: 0, lastSuccessAt: 1 }, refusedKey)).toBe(2);
  });

  it.each([
    ['a refusal the watcher already met', { failures: 1, lastError: refusedKey }, refusedKey],
    [
      'a 403 (the key may not do this, not a refused key)',
      { failures: 0, lastSuccessAt: 1 },
      { kind: 'forbidden', status: 403, message: 'Not allowed.' },
    ],
  ])('asks no check after %s', async (_, pollState, answer) => {
    expect(await checksAfterRead(pollState, answer)).toBe(1);
  });

  it('says a timed-out change may or may not have happened, not to try again', async () => {
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () => ({
        kind: 'timeout',
        message: 'Persona did not answer within 15 seconds. Try again in a moment.',
      }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('may or may not have happened');
    expect(alert.textContent).not.toContain('Try again in a moment');
  });

  it('says a change whose connection broke may or may not have reached Persona, not to try again', async () => {
    const unreachable =
      'Inquiry Desk could not reach Persona. Check the internet connection and try again.';
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () => ({ kind: 'network', message: unreachable }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'Not the person in the chat' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The connection to Persona failed, so the action may or may not have reached it. The desk reads the inquiry again: check its status before you confirm the action again.',
    );
    expect(alert.textContent).not.toContain('try again');
    // The comment stays in its form, for the decline confirmed again once the status is checked.
    expect(commentTyped()).toBe('Not the person in the chat');
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(2));
    expect(commentTyped()).toBe('Not the person in the chat');
  });

  it('keeps a decision being confirmed, comment and all, for the next popup', async () => {
    await openWith('completed');
    // The draft is read by then in a page (its first screen preloads it); here, a moment later.
    await new Promise((resolve) => setTimeout(resolve, 30));
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'document expired' },
    });
    await waitFor(async () =>
      expect((await fakeBrowser.storage.session.get('draft')).draft).toMatchObject({
        decisions: [{ inquiryId: 'inq_TestInquiry0001', action: 'decline' }],
      }),
    );
    // The popup closes (a click into the chat), and opens again on the inquiry.
    cleanup();
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    const comment = (await screen.findByRole('textbox', { name: 'Comment' })) as HTMLInputElement;
    expect(comment.value).toBe('document expired');
    expect(screen.getByRole('button', { name: 'Confirm decline' })).toBeTruthy();
    // Cancel closes the form, not the comment: the draft keeps it, closed.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(async () =>
      expect(
        ((await fakeBrowser.storage.session.get('draft')).draft as { decisions?: object })
          .decisions,
      ).toEqual([
        {
          inquiryId: 'inq_TestInquiry0001',
          action: 'decline',
          comment: 'document expired',
          closed: true,
        },
      ]),
    );
    // In this popup the comment waits for the same decision, as one typed here does, and is said.
    expect((await screen.findByTestId('comment-kept')).textContent).toBe(
      'Decline not sent; the comment typed for it is kept.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    expect(screen.queryByTestId('comment-kept')).toBeNull();
    expect(commentTyped()).toBe('document expired');
    // And in the next popup (UX review s71b M3: gone once the popup closed), which opens without
    // the form.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(async () =>
      expect(
        ((await fakeBrowser.storage.session.get('draft')).draft as { decisions?: object[] })
          .decisions?.[0],
      ).toMatchObject({ closed: true }),
    );
    cleanup();
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    const decline = await screen.findByRole('button', { name: 'Decline' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByRole('textbox', { name: 'Comment' })).toBeNull();
    fireEvent.click(decline);
    expect(commentTyped()).toBe('document expired');
    // Open again, it is the open one in the draft: a popup closing now still has it.
    await waitFor(async () =>
      expect(
        ((await fakeBrowser.storage.session.get('draft')).draft as { decisions?: object[] })
          .decisions,
      ).toEqual([
        { inquiryId: 'inq_TestInquiry0001', action: 'decline', comment: 'document expired' },
      ]),
    );
  });

  it("keeps one inquiry's confirmation while another's is opened, cancelled or sent", async () => {
    const x = inquiryReply('completed');
    const y = inquiryReply('needs_review', { id: 'inq_TestInquiry0002' });
    stubBackground({
      getInquiry: ({ id }) => (id === y.inquiry.id ? y : x),
      inquiryAction: () => inquiryReply('declined', { id: y.inquiry.id }),
    });
    const open = async (id: string) => {
      cleanup();
      render(<DeskShell first={{ name: 'detail', id }} />);
      await screen.findByTestId('status', {}, { timeout: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 30));
    };
    // What the draft holds, whatever its shape: the writes are in before the popup closes.
    const stored = async () =>
      JSON.stringify((await fakeBrowser.storage.session.get('draft')).draft);
    await open(x.inquiry.id);
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'same person as inq_TestInquiry0002, document expired' },
    });
    await waitFor(async () => expect(await stored()).toContain('document expired'));
    // Another inquiry (a duplicate under Other inquiries): a look at its Decline, then Cancel.
    await open(y.inquiry.id);
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    // Then its own decline, typed and sent.
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Comment' }), {
      target: { value: 'duplicate' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
    await waitFor(() => expect(sent('inquiryAction')).toHaveLength(1));
    await waitFor(async () => expect(await stored()).not.toContain('"duplicate"'));
    // Back on the first: its confirmation, comment and all.
    await open(x.inquiry.id);
    const comment = (await screen.findByRole('textbox', { name: 'Comment' })) as HTMLInputElement;
    expect(comment.value).toBe('same person as inq_TestInquiry0002, document expired');
    expect(screen.getByRole('button', { name: 'Confirm decline' })).toBeTruthy();
  });

  it('leaves nothing in the draft after a decision sent with no comment', async () => {
    await openWith('completed');
    await new Promise((resolve) => setTimeout(resolve, 30));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm approve' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    // Confirm marks it sent; the answer, in the callback of the render before that mark, removes it.
    await waitFor(async () =>
      expect(
        ((await fakeBrowser.storage.session.get('draft')).draft as { decisions?: unknown })
          .decisions,
      ).toEqual([]),
    );
  });

  it('closes a confirmation it only showed when the other page sends it, with no word of someone else, though the new status came first', async () => {
    const id = 'inq_TestInquiry0001';
    let status = 'created';
    stubBackground({ getInquiry: () => inquiryReply(status) });
    const decision = { inquiryId: id, action: 'decline' as const, comment: 'Duplicate' };
    const draft = (decisions: DecisionDraft[]) =>
      writeItem(draftItem, { ...draftItem.fallback(), decisions });
    await draft([decision]);
    // The side panel shows the confirmation the popup has open.
    render(<DeskShell first={{ name: 'detail', id }} />);
    await screen.findByRole('button', { name: 'Confirm decline' }, { timeout: 5_000 });
    // The popup sends it: the draft says so, and the background has it under way.
    const sentAt = Date.now();
    await fakeBrowser.storage.local.set({
      auditPending: {
        'life-1:1': {
          at: sentAt,
          reviewer: 'r',
          inquiryId: id,
          action: 'decline',
          outcome: 'error',
        },
      },
    });
    await draft([{ ...decision, sent: true, sentAt }]);
    // Persona has it declined; the side panel reads that before the popup's answer is in.
    status = 'declined';
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    // The popup's answer came: its confirmation goes from the draft, the log not yet read here.
    await draft([]);
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Confirm decline' })).toBeNull(),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.queryByTestId('overtaken')).toBeNull();
  });

  it.each([
    [
      'refused for another reason',
      'invalid',
      'Sent 5 minutes ago, your decline did not go through. Confirm it to send it again.',
    ],
    [
      'lost',
      'server',
      'Sent 5 minutes ago, your decline may not have gone through: its answer was lost, and the status above does not show it as made. Confirm it to send it again.',
    ],
    [
      'refused the key',
      'unauthorized',
      'Sent 5 minutes ago, your decline did not go through: Persona refused the key. Put it right in the settings, then confirm it to send it again.',
    ],
    [
      'the rate limit spent',
      'rate_limited',
      'Sent 5 minutes ago, your decline did not go through: Persona’s rate limit was spent. Confirm it to send it again once a minute has passed.',
    ],
    [
      'refused by a change meanwhile',
      'conflict',
      'Sent 5 minutes ago, your decline did not go through: the inquiry changed meanwhile in Persona. Check its status above, then confirm it to send it again.',
    ],
  ])(
    'opens a decision sent and not made (%s) again with its comment, says so in the form, and no more once sent again',
    async (_, errorKind, words) => {
      const id = 'inq_TestInquiry0001';
      // Sent again, its answer never comes in this test.
      stubBackground({
        getInquiry: () => inquiryReply('needs_review'),
        inquiryAction: () => new Promise(() => {}) as unknown as InquiryReply,
      });
      const sentAt = Date.now() - 5 * 60_000;
      await writeItem(draftItem, {
        ...draftItem.fallback(),
        decisions: [{ inquiryId: id, action: 'decline', comment: 'Duplicate', sent: true, sentAt }],
      });
      await decisionsAnswered(
        [{ action: 'decline', inquiryId: id, outcome: { outcome: 'error', errorKind } }],
        sentAt,
      );
      render(<DeskShell first={{ name: 'detail', id }} />);
      const comment = (await screen.findByRole(
        'textbox',
        { name: 'Comment' },
        { timeout: 5_000 },
      )) as HTMLTextAreaElement;
      expect(comment.value).toBe('Duplicate');
      // There as the form is: drawn once the log is read, not above the field a moment after
      // it.
      expect(screen.getByTestId('last-try').textContent).toBe(words);
      // In the form, and read with the comment field.
      const notice = screen.getByTestId('last-try');
      expect(notice.closest('form')).toBe(screen.getByRole('form', { name: 'Confirm decline' }));
      expect(comment.getAttribute('aria-describedby')?.split(' ')).toContain(notice.id);
      fireEvent.click(screen.getByRole('button', { name: 'Confirm decline' }));
      await waitFor(() => expect(screen.queryByTestId('last-try')).toBeNull());
    },
  );

  it('closes the confirmation on Escape and puts focus back', async () => {
    await openWith('completed');
    const decline = screen.getByRole('button', { name: 'Decline' });
    fireEvent.click(decline);
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Comment' }), { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'Confirm decline' })).toBeNull();
    expect(document.activeElement).toBe(decline);
    expect(sent('inquiryAction')).toHaveLength(0);
  });

  it('a second click on Decline, its form open, puts the focus back in the comment', async () => {
    await openWith('needs_review');
    const decline = screen.getByRole('button', { name: 'Decline' });
    fireEvent.click(decline);
    const comment = await screen.findByRole('textbox', { name: 'Comment' });
    await waitFor(() => expect(document.activeElement).toBe(comment));
    decline.focus();
    fireEvent.click(decline);
    expect(document.activeElement).toBe(comment);
    expect(screen.getByRole('button', { name: 'Confirm decline' })).toBeTruthy();
    expect(sent('inquiryAction')).toHaveLength(0);
  });

  it('marks a finished inquiry for review without a confirmation', async () => {
    await openWith('completed');
    fireEvent.click(screen.getByRole('button', { name: 'Mark for review' }));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('needs_review'));
  });

  it.each(['created', 'pending', 'expired'])(
    'on %s, asks before marking for review, which ends the new links: Cancel and Escape send nothing',
    async (status) => {
      await openWith(status);
      const mark = screen.getByRole('button', { name: 'Mark for review' });
      fireEvent.click(mark);
      const asked =
        /^Mark .+ for review before the customer has finished\? An inquiry in review gets no new link from the desk\.$/;
      const question = screen.getByRole('group', { name: asked });
      const confirm = screen.getByRole('button', { name: 'Confirm mark for review' });
      expect(question.contains(confirm)).toBe(true);
      expect(document.activeElement).toBe(confirm);
      // A and D belong to the question while it is open.
      fireEvent.keyDown(confirm, { key: 'a' });
      expect(screen.queryByRole('button', { name: 'Confirm approve' })).toBeNull();
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(screen.queryByRole('group', { name: asked })).toBeNull();
      expect(document.activeElement).toBe(mark);
      fireEvent.click(mark);
      fireEvent.keyDown(screen.getByRole('button', { name: 'Confirm mark for review' }), {
        key: 'Escape',
      });
      expect(screen.queryByRole('group', { name: asked })).toBeNull();
      expect(document.activeElement).toBe(mark);
      // Nothing sent, and the inquiry is still the one shown: Escape closed the question only.
      expect(sent('inquiryAction')).toHaveLength(0);
      expect(screen.getByTestId('status').textContent).toBe(status);
      fireEvent.click(mark);
      fireEvent.click(screen.getByRole('button', { name: 'Confirm mark for review' }));
      await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('needs_review'));
      expect(sent('inquiryAction')).toEqual([
        { type: 'inquiryAction', id: 'inq_TestInquiry0001', action: 'markForReview' },
      ]);
    },
  );

  it('shows the new link with its copy buttons', async () => {
    await openWith('pending');
    fireEvent.click(screen.getByRole('button', { name: 'New link' }));
    expect((await screen.findByTestId('one-time-link')).textContent).toBe(
      'https://verify.example/new',
    );
    expect(screen.getByRole('button', { name: 'Copy message' })).toBeTruthy();
  });

  it('holds the actions while one is out, with the focus left on the button that sent it', async () => {
    const reply = inquiryReply('pending');
    const answer = holdAnswer('newLink', reply);
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    const newLink = screen.getByRole('button', { name: 'New link' });
    newLink.focus();
    fireEvent.click(newLink);
    await waitFor(() => expect(newLink.getAttribute('aria-disabled')).toBe('true'));
    // Held, not disabled: a disabled button would drop the focus to the page.
    expect(document.activeElement).toBe(newLink);
    fireEvent.click(newLink);
    fireEvent.click(screen.getByRole('button', { name: 'Decline' }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark for review' }));
    expect(screen.queryByRole('button', { name: 'Confirm decline' })).toBeNull();
    expect(sent('newLink')).toHaveLength(1);
    expect(sent('inquiryAction')).toHaveLength(0);
    const link = { url: 'https://verify.example/new', expiresAt: '2099-01-01T00:00:00Z' };
    // A newLink reply is an inquiry reply with its link.
    answer({ ...reply, link: { ...link, createdAt: 1 } } as InquiryReply);
    await screen.findByTestId('one-time-link');
    expect(newLink.getAttribute('aria-disabled')).toBe('false');
    expect(document.activeElement).toBe(newLink);
  });

  it('keeps a tag Persona did not add in its field, and empties the field once one is added', async () => {
    let fail = true;
    stubBackground({
      getInquiry: () => inquiryReply('completed', { tags: ['kyc'] }),
      changeTag: ({ tag }) =>
        fail
          ? { kind: 'server', status: 503, message: 'Persona had a problem.' }
          : inquiryReply('completed', { tags: ['kyc', tag] }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByTestId('status');
    const field = screen.getByRole('textbox', { name: 'New tag' }) as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await screen.findByRole('alert');
    expect(field.value).toBe('vip');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await screen.findByRole('button', { name: 'Remove tag vip' });
    await waitFor(() => expect(field.value).toBe(''));
  });

  it('says a tag change is on its way while Persona has not answered', async () => {
    const answer = await addTagHeld();
    const tags = screen.getByRole('region', { name: 'Tags' });
    await waitFor(() => expect(within(tags).getByRole('status').textContent).toBe('Sending…'));
    answer(inquiryReply('completed', { tags: ['kyc', 'vip'] }));
    await within(tags).findByRole('button', { name: 'Remove tag vip' });
    expect(within(tags).getByRole('status').textContent).toBe('');
  });

  it('keeps a sent decision open: Cancel no longer calls it off, and says why', async () => {
    const answer = holdAnswer('inquiryAction', inquiryReply('completed'));
    await approveFromDetail();
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(cancel.getAttribute('aria-disabled')).toBe('true'));
    expect(screen.getByText('On its way to Persona: it can no longer be cancelled.')).toBeTruthy();
    fireEvent.click(cancel);
    // Still there, and still saying it is on its way.
    expect(screen.getByRole('button', { name: 'Confirm approve' })).toBeTruthy();
    answer(inquiryReply('approved'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('approved'));
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('goes back on Escape once the decision is sent, as Back does, and names its answer there', async () => {
    const answer = holdAnswer('inquiryAction', inquiryReply('completed'));
    await approveFromDetail();
    const comment = screen.getByRole('textbox', { name: 'Comment' });
    await waitFor(() => expect(comment.hasAttribute('readonly')).toBe(true));
    // Held down: one step back, not on through Home to close the popup.
    fireEvent.keyDown(comment, { key: 'Escape', repeat: true });
    expect(screen.getByRole('button', { name: 'Confirm approve' })).toBeTruthy();
    fireEvent.keyDown(comment, { key: 'Escape' });
    await screen.findByRole('searchbox', { name: 'Find inquiry' });
    answer(inquiryReply('approved'));
    await waitFor(() =>
      expect(screen.getByTestId('announcer').textContent).toBe('Approved: customer-42 (…y0001)'),
    );
  });

  // Its answer lost, Persona may have made it, and the first words say so; refused, it was not
  // made.
  it.each([
    {
      error: { kind: 'server', status: 500, message: 'Persona had a server problem (500).' },
      said: 'May not have gone through: customer-42 (…y0001). Persona had a server problem (500).',
    },
    {
      error: { kind: 'invalid', status: 422, message: 'Persona refused it (422).' },
      said: 'Did not go through: customer-42 (…y0001). Persona refused it (422).',
    },
  ] as const)(
    'says where the reviewer went when the decision Escape left fails: $error.kind',
    async ({ error, said }) => {
      let fail: (error: unknown) => void = () => {};
      vi.mocked(sendRequest).mockImplementation(((request: { type: string }) =>
        request.type === 'inquiryAction'
          ? new Promise((_, reject) => {
              fail = reject;
            })
          : Promise.resolve(inquiryReply('completed'))) as typeof sendRequest);
      await approveFromDetail();
      const comment = screen.getByRole('textbox', { name: 'Comment' });
      await waitFor(() => expect(comment.hasAttribute('readonly')).toBe(true));
      fireEvent.keyDown(comment, { key: 'Escape' });
      await screen.findByRole('searchbox', { name: 'Find inquiry' });
      fail(new DeskError(error));
      await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe(said));
    },
  );

  it('names the inquiry when its decision comes back after the reviewer has left its page', async () => {
    const answer = holdAnswer('inquiryAction', inquiryReply('completed'));
    await approveFromDetail();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Cancel' }).getAttribute('aria-disabled')).toBe(
        'true',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    await screen.findByRole('searchbox', { name: 'Find inquiry' });
    answer(inquiryReply('approved'));
    // Not a bare "Approved" over the home page, or another inquiry's.
    await waitFor(() =>
      expect(screen.getByTestId('announcer').textContent).toBe('Approved: customer-42 (…y0001)'),
    );
  });

  it('says it is still waiting when Persona takes seconds to answer a tag change', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answer = await addTagHeld();
    const tags = screen.getByRole('region', { name: 'Tags' });
    const status = () => within(tags).getByRole('status').textContent;
    await waitFor(() => expect(status()).toBe('Sending…'));
    await vi.advanceTimersByTimeAsync(SLOW_MS - 500);
    expect(status()).toBe('Sending…');
    await vi.advanceTimersByTimeAsync(1000);
    await waitFor(() => expect(status()).toMatch(/^Still waiting for Persona: /));
    answer(inquiryReply('completed', { tags: ['kyc', 'vip'] }));
    await within(tags).findByRole('button', { name: 'Remove tag vip' });
    expect(status()).toBe('');
    vi.useRealTimers();
  });

  it('says a decision kept waiting may be left to finish, while the reviewer goes on', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answer = holdAnswer('inquiryAction', inquiryReply('completed'));
    await approveFromDetail();
    const sending = await screen.findByTestId('action-sending');
    expect(sending.textContent).toBe('Sending…');
    await vi.advanceTimersByTimeAsync(SLOW_MS + 500);
    await waitFor(() =>
      expect(sending.textContent).toMatch(
        /^Still waiting for Persona: .* You can go on to another inquiry meanwhile: /,
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    await screen.findByRole('searchbox', { name: 'Find inquiry' });
    answer(inquiryReply('approved'));
    await waitFor(() =>
      expect(screen.getByTestId('announcer').textContent).toBe('Approved: customer-42 (…y0001)'),
    );
    vi.useRealTimers();
  });

  /** Persona's window as the poll state keeps it: `remaining` left, reset in `resetMs`. */
  const windowLeft = (remaining: number, resetMs: number) =>
    fakeBrowser.storage.local.set({
      pollState: {
        failures: 0,
        rateLimit: { limit: 300, remaining, resetAt: Date.now() + resetMs },
      },
    });

  it('counts down to the reset of a rate limit spent while a decision is out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const answer = holdAnswer('inquiryAction', inquiryReply('completed'));
      await approveFromDetail();
      const sending = await screen.findByTestId('action-sending');
      expect(sending.textContent).toBe('Sending…');
      // A 429 the decision met: the environment's window is spent for 23 s more.
      await windowLeft(0, 23_000);
      const wait = await screen.findByTestId('rate-limit-wait');
      const left = () => Number(wait.textContent?.match(/resets in (\d+) s\.$/)?.[1]);
      expect(left()).toBeGreaterThan(20);
      expect(left()).toBeLessThanOrEqual(23);
      // Said once, in the live status; the count beside it is in no live region.
      expect(sending.textContent).toMatch(/^Waiting for Persona's rate limit: /);
      expect(wait.closest('[role="status"], [aria-live]')).toBeNull();
      const before = left();
      await vi.advanceTimersByTimeAsync(10_000);
      await waitFor(() => expect([before - 10, before - 11]).toContain(left()));
      answer(inquiryReply('approved'));
      await waitFor(() => expect(screen.queryByTestId('rate-limit-wait')).toBeNull());
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    ['while its window has requests left', 12, 23_000],
    // The 429 comes back to the page then, and says its own wait.
    ['for a reset further off than the background waits', 0, 45_000],
  ])('says nothing of the rate limit %s', async (_, remaining, resetMs) => {
    await windowLeft(remaining, resetMs);
    holdAnswer('inquiryAction', inquiryReply('completed'));
    await approveFromDetail();
    expect((await screen.findByTestId('action-sending')).textContent).toBe('Sending…');
    expect(screen.queryByTestId('rate-limit-wait')).toBeNull();
  });

  it('says it is still waiting when Persona takes seconds to give an inquiry not yet cached', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    // No getInquiry handler: its answer never comes.
    stubBackground({});
    render(<DeskShell first={{ name: 'detail', id: 'inq_Slow000000001' }} />);
    await screen.findByText('Loading the inquiry…');
    await vi.advanceTimersByTimeAsync(SLOW_MS + 500);
    await screen.findByText(/^Loading the inquiry… Still waiting for Persona: /);
    vi.useRealTimers();
  });

  it('after a 429, Mark for review and Watch count down to the reset, and send nothing till then', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let limited = true;
    stubBackground({
      getInquiry: () => inquiryReply('completed'),
      inquiryAction: () =>
        limited
          ? { kind: 'rate_limited', message: 'Wait 3 s.', retryAfterSeconds: 3 }
          : inquiryReply('needs_review'),
      watch: () => ({ watching: true }),
    });
    render(<DeskShell first={{ name: 'detail', id: inquiryReply('completed').inquiry.id }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'Mark for review' }));
    // The button says why a click does nothing now, as the confirmation's Confirm does.
    const mark = await screen.findByRole('button', { name: 'Mark for review, after the wait' });
    expect(shownText(mark)).toMatch(/^Mark for review in [1-3] s$/);
    expect(mark.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(mark);
    const watch = screen.getByRole('button', { name: 'Watch, after the wait' });
    expect(shownText(watch)).toMatch(/^Watch in [1-3] s$/);
    expect(watch.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(watch);
    expect(sent('inquiryAction')).toHaveLength(1);
    expect(sent('watch')).toHaveLength(0);
    limited = false;
    await vi.advanceTimersByTimeAsync(3500);
    await waitFor(() => expect(mark.textContent).toBe('Mark for review'));
    expect(mark.getAttribute('aria-disabled')).toBe('false');
    fireEvent.click(mark);
    await waitFor(() => expect(sent('inquiryAction')).toHaveLength(2));
    vi.useRealTimers();
  });

  it('after a 429, Unwatch still goes: it asks nothing of Persona', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const reply = inquiryReply('completed');
    await fakeBrowser.storage.local.set({
      watchlist: [
        { id: reply.inquiry.id, status: 'completed', addedAt: 1, changedAt: 1, seen: true },
      ],
    });
    stubBackground({
      getInquiry: () => reply,
      inquiryAction: () => ({ kind: 'rate_limited', message: 'Wait 3 s.', retryAfterSeconds: 3 }),
      unwatch: () => ({ watching: false }),
    });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    fireEvent.click(screen.getByRole('button', { name: 'Mark for review' }));
    await screen.findByRole('button', { name: 'Mark for review, after the wait' });
    const unwatch = screen.getByRole('button', { name: 'Unwatch' });
    expect(unwatch.getAttribute('aria-disabled')).toBe('false');
    fireEvent.click(unwatch);
    await waitFor(() => expect(sent('unwatch')).toHaveLength(1));
    // Its request cleared the 429's message, not the wait: the rest still count down.
    await waitFor(() => expect(unwatch.getAttribute('aria-disabled')).toBe('false'));
    const mark = screen.getByRole('button', { name: 'Mark for review, after the wait' });
    expect(shownText(mark)).toMatch(/^Mark for review in [1-3] s$/);
    fireEvent.click(mark);
    expect(sent('inquiryAction')).toHaveLength(1);
    vi.useRealTimers();
  });

  it('after a 429 on a tag, Refresh waits for the same reset instead of asking into it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    stubBackground({
      getInquiry: () => inquiryReply('completed', { tags: ['kyc'] }),
      changeTag: () => ({ kind: 'rate_limited', message: 'Wait 3 s.', retryAfterSeconds: 3 }),
    });
    render(<DeskShell first={{ name: 'detail', id: inquiryReply('completed').inquiry.id }} />);
    await screen.findByTestId('status');
    const reads = sent('getInquiry').length;
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    const refresh = await screen.findByRole('button', { name: 'Refresh, after the wait' });
    expect(shownText(refresh)).toMatch(/^Refresh in [1-3] s$/);
    fireEvent.click(refresh);
    expect(sent('getInquiry')).toHaveLength(reads);
    await vi.advanceTimersByTimeAsync(3500);
    await waitFor(() => expect(refresh.textContent).toBe('Refresh'));
    fireEvent.click(refresh);
    await waitFor(() => expect(sent('getInquiry')).toHaveLength(reads + 1));
    vi.useRealTimers();
  });

  it('after a 429 on a tag, counts down to the reset and then sends the same change again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let limited = true;
    stubBackground({
      getInquiry: () => inquiryReply('completed', { tags: ['kyc'] }),
      changeTag: ({ tag }) =>
        limited
          ? { kind: 'rate_limited', message: 'Wait 2 s.', retryAfterSeconds: 2 }
          : inquiryReply('completed', { tags: ['kyc', tag] }),
    });
    render(<DeskShell first={{ name: 'detail', id: inquiryReply('completed').inquiry.id }} />);
    await screen.findByTestId('status');
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    const retry = await screen.findByRole('button', { name: 'Try again, after the wait' });
    expect(shownText(retry)).toMatch(/^Try again in [12] s$/);
    fireEvent.click(retry);
    // Nor does Enter in the field, where the tag still waits, send it before the reset.
    fireEvent.submit(
      screen.getByRole('textbox', { name: 'New tag' }).closest('form') as HTMLElement,
    );
    expect(sent('changeTag')).toHaveLength(1);
    limited = false;
    await vi.advanceTimersByTimeAsync(2500);
    await waitFor(() => expect(retry.textContent).toBe('Try again'));
    fireEvent.click(retry);
    await screen.findByRole('button', { name: 'Remove tag vip' });
    expect(sent('changeTag').map(({ change, tag }) => [change, tag])).toEqual([
      ['add', 'vip'],
      ['add', 'vip'],
    ]);
    vi.useRealTimers();
  });

  it('after a tag is removed, puts the focus on the × now in its place, so the next goes too', async () => {
    let tags = ['aa', 'bb', 'cc'];
    stubBackground({
      getInquiry: () => inquiryReply('completed', { tags }),
      changeTag: ({ tag }) => {
        tags = tags.filter((t) => t !== tag);
        return inquiryReply('completed', { tags });
      },
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    const first = await screen.findByRole('button', { name: 'Remove tag aa' });
    first.focus();
    fireEvent.click(first);
    const next = await screen.findByRole('button', { name: 'Remove tag bb' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag aa' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(next));
    // The last one removed: the one before it takes its place.
    const last = screen.getByRole('button', { name: 'Remove tag cc' });
    await new Promise((resolve) => setTimeout(resolve, 30));
    last.focus();
    fireEvent.click(last);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove tag cc' })).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove tag bb' })),
    );
  });

  it('adds and removes one tag at a time, never replacing the list', async () => {
    const reply = inquiryReply('completed', { tags: ['kyc'] });
    stubBackground({
      getInquiry: () => reply,
      changeTag: ({ change, tag }) =>
        inquiryReply('completed', { tags: change === 'add' ? ['kyc', tag] : [] }),
    });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await screen.findByRole('button', { name: 'Remove tag vip' });
    // A tag it has already is not sent again, and the reviewer hears why nothing changed.
    fireEvent.input(screen.getByRole('textbox', { name: 'New tag' }), { target: { value: 'vip' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByText('“vip” is already a tag of this inquiry.')).toBeTruthy();
    expect(sent('changeTag')).toHaveLength(1);
    const remove = screen.getByRole('button', { name: 'Remove tag kyc' });
    // A reviewer's next click comes after the add has settled (its effects run after a frame).
    await new Promise((resolve) => setTimeout(resolve, 30));
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(sent('changeTag')).toHaveLength(2));
    // What was said of the tags as they were goes once they change.
    expect(screen.queryByText('“vip” is already a tag of this inquiry.')).toBeNull();
    // The × went with its tag: the focus goes on to the field for a new one, not to the page.
    const field = screen.getByRole('textbox', { name: 'New tag' });
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(sent('changeTag')).toEqual([
      { type: 'changeTag', id: 'inq_TestInquiry0001', change: 'add', tag: 'vip' },
      { type: 'changeTag', id: 'inq_TestInquiry0001', change: 'remove', tag: 'kyc' },
    ]);
  });
});
