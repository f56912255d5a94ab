// @vitest-environment happy-dom
// The Approve confirmation says what the approval would pass over: failed verifications, report
// matches and risky networks, which the detail shows several screens apart.
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { InquiryView, VerificationView } from '../../../src/shared/persona/view-model.ts';
import { sendRequest } from '../../../src/shared/send-request.ts';
import { type OthersFound, signals } from '../../../src/ui/components/needs-a-look.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { inquiryReply, inquiryView, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

/** What Approve's confirmation lists: the words of what needs a look (detail-view.tsx). */
const approveWarnings = (inquiry: InquiryView, found?: OthersFound) =>
  signals(inquiry, found).map((signal) => signal.text);

/** Waits for the announcer to say `text`: news waits a second before it is said (announce.tsx). */
const announced = (text: string) =>
  vi.waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe(text), {
    timeout: 3_000,
  });

function verification(id: string, type: string, status: string, failedCheck = false) {
  return {
    id,
    type,
    status,
    loaded: true,
    checks: failedCheck
      ? [{ name: 'id_repeat_detection', status: 'failed', required: false, reasons: [] }]
      : [],
    fields: [],
  } satisfies VerificationView;
}

const risky: Partial<InquiryView> = {
  verifications: [
    verification('ver_1', 'verification/government-id', 'passed', true),
    verification('ver_2', 'verification/selfie', 'failed'),
    verification('ver_3', 'verification/database', 'passed'),
  ],
  reports: [
    { id: 'rep_1', type: 'report/watchlist', status: 'ready', hasMatch: true, loaded: true },
    {
      id: 'rep_2',
      type: 'report/politically-exposed-person',
      status: 'ready',
      hasMatch: false,
      loaded: true,
    },
  ],
  sessions: [
    { id: 'iqse_1', status: 'expired', isDatacenter: true, threatLevel: 'medium' },
    { id: 'iqse_2', status: 'active', isDatacenter: true, isVpn: true },
  ],
};

describe('approveWarnings', () => {
  it('names failed verifications, each report match and each network flag once', () => {
    const words = approveWarnings(inquiryView('needs_review', risky));
    expect(words).toHaveLength(4);
    expect(words[0]).toMatch(/^Government ID: 1 check failed$/);
    expect(words[1]).toMatch(/^Selfie: /);
    expect(words[2]).toBe('Watchlist screening: Match found');
    expect(words[3]).toBe('Device and network: Datacenter network, Threat level medium, VPN');
  });

  it('names a retry of the same kind that passed beside a failed attempt, which stays listed', () => {
    const retried = inquiryView('needs_review', {
      verifications: [
        verification('ver_1', 'verification/government-id', 'failed'),
        verification('ver_2', 'verification/government-id', 'failed'),
        verification('ver_3', 'verification/government-id', 'passed'),
        verification('ver_4', 'verification/selfie', 'failed'),
      ],
    });
    // Persona's order is no sure order of the attempts (UX review s72 M1): listed, not dropped.
    expect(approveWarnings(retried)).toEqual([
      'Government ID 1: Failed (Government ID 3 passed)',
      'Government ID 2: Failed (Government ID 3 passed)',
      'Selfie: Failed',
    ]);
  });

  it('says nothing for an inquiry with none of them, sessions unread or clean', () => {
    const clean = inquiryView('completed', {
      verifications: [verification('ver_1', 'verification/government-id', 'passed')],
      reports: [
        { id: 'rep_1', type: 'report/watchlist', status: 'ready', hasMatch: false, loaded: true },
      ],
      sessions: [{ id: 'iqse_1', status: 'active', threatLevel: 'low' }],
    });
    expect(approveWarnings(clean)).toEqual([]);
  });
});

describe('approveWarnings with nothing checked', () => {
  it('says so for an inquiry with no verification: nothing failed is no all-clear', () => {
    for (const status of ['created', 'pending', 'expired', 'completed']) {
      expect(approveWarnings(inquiryView(status))).toEqual([
        'Nothing checked: no verification has run',
      ]);
    }
  });

  it('says none has passed while each is still under way or to be retried, and names them', () => {
    const started = inquiryView('pending', {
      verifications: [
        verification('ver_1', 'verification/government-id', 'initiated'),
        verification('ver_2', 'verification/selfie', 'requires_retry'),
      ],
    });
    expect(approveWarnings(started)).toEqual([
      'No verification has passed: Government ID (Initiated), Selfie (Requires retry)',
    ]);
  });

  it('names those not finished beside one that passed or failed', () => {
    const onePassed = inquiryView('pending', {
      verifications: [
        verification('ver_1', 'verification/government-id', 'passed'),
        verification('ver_2', 'verification/selfie', 'submitted'),
        verification('ver_3', 'verification/database', 'submitted'),
      ],
    });
    expect(approveWarnings(onePassed)).toEqual([
      'Not finished: Selfie (Submitted), Database (Submitted)',
    ]);
    const oneFailed = inquiryView('failed', {
      verifications: [
        verification('ver_1', 'verification/selfie', 'failed'),
        verification('ver_2', 'verification/database', 'initiated'),
      ],
    });
    expect(approveWarnings(oneFailed)).toEqual([
      expect.stringMatching(/^Selfie: /),
      'Not finished: Database (Initiated)',
    ]);
  });

  it('does not call finished the ones over (canceled, skipped) or retried and passed', () => {
    const over = inquiryView('completed', {
      verifications: [
        verification('ver_1', 'verification/government-id', 'requires_retry'),
        verification('ver_2', 'verification/government-id', 'passed'),
        verification('ver_3', 'verification/selfie', 'canceled'),
        verification('ver_4', 'verification/database', 'skipped'),
        verification('ver_5', 'verification/phone-number', 'submitted'),
      ],
    });
    expect(approveWarnings(over)).toEqual(['Not finished: Phone number (Submitted)']);
    // With none passed, each is named, whatever became of it: nothing speaks for approving.
    const noneOver = inquiryView('expired', {
      verifications: [verification('ver_1', 'verification/selfie', 'canceled')],
    });
    expect(approveWarnings(noneOver)).toEqual(['No verification has passed: Selfie (Canceled)']);
  });

  it('adds nothing once each has passed or is listed as failed', () => {
    const failedOnly = inquiryView('failed', {
      verifications: [verification('ver_1', 'verification/selfie', 'failed')],
    });
    expect(approveWarnings(failedOnly)).toEqual([expect.stringMatching(/^Selfie: /)]);
    // Under way, with a failed check: its failure says it, not a second line.
    const failingCheck = inquiryView('pending', {
      verifications: [verification('ver_1', 'verification/selfie', 'requires_retry', true)],
    });
    expect(approveWarnings(failingCheck)).toEqual(['Selfie: 1 check failed']);
    const allPassed = inquiryView('completed', {
      verifications: [
        verification('ver_1', 'verification/government-id', 'passed'),
        verification('ver_2', 'verification/selfie', 'confirmed'),
      ],
    });
    expect(approveWarnings(allPassed)).toEqual([]);
  });
});

describe('approveWarnings with what Other inquiries found', () => {
  it('counts the declined ones, one or many', () => {
    const clean = inquiryView('needs_review', {
      verifications: [verification('ver_1', 'verification/database', 'passed')],
    });
    expect(approveWarnings(clean, 1)).toEqual(['Other inquiries: 1 declined']);
    expect(approveWarnings(clean, 3)).toEqual(['Other inquiries: 3 declined']);
    expect(approveWarnings(clean, 0)).toEqual([]);
  });

  it('says a read still under way, or one that failed: no line is then no all-clear', () => {
    const clean = inquiryView('needs_review', {
      verifications: [verification('ver_1', 'verification/database', 'passed')],
    });
    expect(approveWarnings(clean, 'reading')).toEqual(['Other inquiries: still being read']);
    expect(approveWarnings(clean, 'failed')).toEqual(['Other inquiries: could not be read']);
    // Said in the confirmation only, not at the head of the detail, where it would come and go.
    expect(signals(clean, 'reading')[0]?.quiet).toBe(true);
    expect(signals(clean, 'failed')[0]?.quiet).toBeUndefined();
  });
});

describe('approveWarnings on a copy without results', () => {
  it('says checks or reports are not loaded, since no list is then no all-clear', () => {
    const named = inquiryView('needs_review', {
      verifications: [
        { ...verification('ver_1', 'verification/selfie', ''), loaded: false, checks: [] },
      ],
    });
    expect(approveWarnings(named)).toEqual([
      'Some checks and reports are not loaded: Refresh before you approve.',
    ]);
    const report = inquiryView('needs_review', {
      reports: [{ id: 'rep_1', type: 'report/watchlist', status: '', loaded: false }],
    });
    expect(approveWarnings(report)).toHaveLength(1);
  });
});

describe('the Approve confirmation', () => {
  const noOthers = () => ({ items: [], by: 'account' as const });
  /** Nothing failed: what needs a look comes from Other inquiries alone. */
  const clean = { verifications: [verification('ver_1', 'verification/database', 'passed')] };
  async function open(
    extra: Partial<InquiryView>,
    button: 'Approve' | 'Decline',
    earlierInquiries: () => unknown = noOthers,
  ) {
    const reply = inquiryReply('needs_review', extra);
    stubBackground({ getInquiry: () => reply, earlierInquiries } as Parameters<
      typeof stubBackground
    >[0]);
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status', {}, { timeout: 5_000 });
    fireEvent.click(screen.getByRole('button', { name: button }));
    return screen.getByRole('form', { name: `Confirm ${button.toLowerCase()}` });
  }

  it('lists them above its question, read with the comment field', async () => {
    const form = await open(risky, 'Approve');
    const list = form.querySelector('.confirm-warnings');
    expect(list?.textContent).toContain('Before you approve, this inquiry shows:');
    expect(list?.textContent).toContain('Watchlist screening: Match found');
    expect([...(list?.querySelectorAll('li') ?? [])]).toHaveLength(4);
    const comment = screen.getByRole('textbox', { name: 'Comment' });
    expect(comment.getAttribute('aria-describedby')?.split(' ')).toContain(list?.id);
    expect(vi.mocked(sendRequest)).not.toHaveBeenCalledWith(
      expect.objectContaining({ type: 'inquiryAction' }),
    );
  });

  it('has none for a decline', async () => {
    const decline = await open(risky, 'Decline');
    expect(decline.querySelector('.confirm-warnings')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Comment' }).getAttribute('aria-describedby')).toBe(
      'action-comment-hint',
    );
  });

  it('has none for an inquiry with nothing to note, and Approve leads', async () => {
    const approve = await open(clean, 'Approve');
    expect(approve.querySelector('.confirm-warnings')).toBeNull();
    expect(screen.getByRole('button', { name: 'Approve' }).className).toBe('primary');
  });

  it('is not the filled first choice while something speaks against it', async () => {
    await open(risky, 'Decline');
    expect(screen.getByRole('button', { name: 'Approve' }).className).toBe('');
  });

  it('names the inquiry by its reference too', async () => {
    const approve = await open(risky, 'Approve');
    expect(approve.querySelector('.confirm-question')?.textContent).toBe(
      'Approve customer-42 (…y0001)? This decision is final.',
    );
  });

  it('by its id alone when it has no reference, cut in the middle', async () => {
    const decline = await open({ ...risky, referenceId: undefined }, 'Decline');
    expect(decline.querySelector('.confirm-question')?.textContent).toBe(
      'Decline inq_Test…y0001? This decision is final.',
    );
  });

  /** Other inquiries' answer: one inquiry of the same account, declined. */
  const oneDeclined = () => ({
    items: [{ ...inquiryReply('declined').inquiry, id: 'inq_Declined00001' }],
    by: 'account',
  });

  /** A read of Other inquiries that waits: `read` asks, `answer` ends it. */
  function readLater() {
    let answer: (reply: unknown) => void = () => {};
    const later = new Promise((resolve) => {
      answer = resolve;
    });
    return { read: (): unknown => later, answer };
  }

  /** Waits for the Other inquiries section (with the evidence views) to list the declined one. */
  async function othersListDeclined() {
    const section = await screen.findByRole(
      'region',
      { name: 'Other inquiries' },
      { timeout: 5_000 },
    );
    await within(section).findByRole('button', { name: /inq_Declined00001/ });
  }

  /** Approve opened while Other inquiries is being read; `answer` ends the read. */
  async function openWhileReading() {
    const { read, answer } = readLater();
    const form = await open(clean, 'Approve', read);
    const lines = () =>
      [...form.querySelectorAll('.confirm-warnings li')].map((li) => li.textContent);
    return { form, lines, answer };
  }

  it('says Other inquiries is still being read, then what it found, in the same place', async () => {
    const { lines, answer } = await openWhileReading();
    expect(lines()).toEqual(['Other inquiries: still being read']);
    expect(screen.getByRole('button', { name: 'Approve' }).className).toBe('');
    // Not at the head of the detail while it is read: it would come and go on every inquiry.
    expect(screen.queryByTestId('attention')).toBeNull();
    answer(oneDeclined());
    await vi.waitFor(() => expect(lines()).toEqual(['Other inquiries: 1 declined']));
    // Said where the reviewer is, the comment field, which heard "still being read".
    await announced('Other inquiries: 1 declined');
    // Nothing above the open form moves it: the head of the detail gains the line once it closes.
    expect(screen.queryByTestId('attention')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('attention').textContent).toContain('Other inquiries: 1 declined');
  });

  it('keeps a line that wrapped as tall when what it says next is shorter', async () => {
    // Laid out as a narrow panel would: a line of more than 30 characters wraps on two.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: HTMLElement,
    ) {
      const height = this.tagName === 'LI' && (this.textContent ?? '').length > 30 ? 36 : 18;
      return { height, width: 200, top: 0, left: 0, right: 200, bottom: height } as DOMRect;
    });
    const { form, lines, answer } = await openWhileReading();
    const line = () => form.querySelector<HTMLElement>('.confirm-warnings li');
    expect(lines()).toEqual(['Other inquiries: still being read']);
    answer({ items: [], by: 'account' });
    await vi.waitFor(() => expect(lines()).toEqual(['Other inquiries: none declined']));
    expect(line()?.style.minHeight).toBe('36px');
  });

  it('keeps the line in place when none was declined, and says so', async () => {
    const { lines, answer } = await openWhileReading();
    answer({ items: [], by: 'account' });
    await vi.waitFor(() => expect(lines()).toEqual(['Other inquiries: none declined']));
    await announced('Other inquiries: none declined');
    // Not a warning: the box keeps its place, drawn plain.
    expect(document.querySelector('.confirm-warnings')?.className).not.toContain('is-warn');
    // Closed, nothing is left to say, and Approve leads again.
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('attention')).toBeNull();
    expect(screen.getByRole('button', { name: 'Approve' }).className).toBe('primary');
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect(document.querySelector('.confirm-warnings')).toBeNull();
  });

  it('says a line a refresh adds while it is open', async () => {
    const form = await open(clean, 'Approve');
    expect(form.querySelector('.confirm-warnings')).toBeNull();
    // Persona's next copy has a selfie that failed.
    const worse = inquiryReply('needs_review', {
      verifications: [
        ...clean.verifications,
        verification('ver_2', 'verification/selfie', 'failed'),
      ],
    });
    stubBackground({ getInquiry: () => worse, earlierInquiries: noOthers } as Parameters<
      typeof stubBackground
    >[0]);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh', exact: true }));
    await vi.waitFor(() =>
      expect(form.querySelector('.confirm-warnings')?.textContent).toContain('Selfie: Failed'),
    );
    await announced('Selfie: Failed');
  });

  it('keeps Other inquiries in place when their read failed, and says what Try again found', async () => {
    let reads = 0;
    const form = await open(clean, 'Approve', () =>
      reads++ === 0
        ? { kind: 'network', message: 'Could not reach Persona.' }
        : { items: [], by: 'account' },
    );
    const lines = () =>
      [...form.querySelectorAll('.confirm-warnings li')].map((li) => li.textContent);
    await vi.waitFor(() => expect(lines()).toEqual(['Other inquiries: could not be read']));
    // The section's Try again, once the evidence views are in.
    const section = await screen.findByRole(
      'region',
      { name: 'Other inquiries' },
      { timeout: 5_000 },
    );
    fireEvent.click(within(section).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(lines()).toEqual(['Other inquiries: none declined']));
    await announced('Other inquiries: none declined');
    // Not a warning: the box is drawn plain.
    expect(form.querySelector('.confirm-warnings')?.className).not.toContain('is-warn');
  });

  it('draws a declined one as a warning', async () => {
    const { form, answer } = await openWhileReading();
    expect(form.querySelector('.confirm-warnings')?.className).toContain('is-warn');
    answer(oneDeclined());
    await vi.waitFor(() =>
      expect(form.querySelector('.confirm-warnings')?.textContent).toContain('1 declined'),
    );
    expect(form.querySelector('.confirm-warnings')?.className).toContain('is-warn');
  });

  it('holds the head of the detail still while Decline is being confirmed', async () => {
    const { read, answer } = readLater();
    await open(clean, 'Decline', read);
    answer(oneDeclined());
    await othersListDeclined();
    expect(screen.queryByTestId('attention')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByTestId('attention').textContent).toContain('Other inquiries: 1 declined');
  });

  it.each([
    [
      'a mouse moving on them',
      (button: HTMLElement) => fireEvent.pointerMove(button, { pointerType: 'mouse' }),
      true,
    ],
    // Chromium sends no pointermove for a wheel that brings the buttons under a still pointer.
    ['the wheel turned over them', (button: HTMLElement) => fireEvent.wheel(button), true],
    // A tap's pointer leaves before its click.
    [
      'a touch, not',
      (button: HTMLElement) => fireEvent.pointerMove(button, { pointerType: 'touch' }),
      false,
    ],
  ])(
    'holds the head of the detail still while the pointer aims at the buttons, no form open: %s',
    async (_, aim, holds) => {
      const { read: earlierInquiries, answer } = readLater();
      const reply = inquiryReply('needs_review', clean);
      stubBackground({ getInquiry: () => reply, earlierInquiries } as Parameters<
        typeof stubBackground
      >[0]);
      render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
      await screen.findByTestId('status', {}, { timeout: 5_000 });
      const approve = screen.getByRole('button', { name: 'Approve' });
      aim(approve);
      answer(oneDeclined());
      await othersListDeclined();
      if (!holds) {
        expect(screen.getByTestId('attention').textContent).toContain(
          'Other inquiries: 1 declined',
        );
        return;
      }
      // Nothing above the buttons came in under the pointer; Approve no longer leads, in place.
      expect(screen.queryByTestId('attention')).toBeNull();
      expect(approve.className).toBe('');
      // The pointer gone, the line is drawn.
      fireEvent.pointerLeave(approve.closest('.detail-actions')?.parentElement as HTMLElement);
      await vi.waitFor(() =>
        expect(screen.getByTestId('attention').textContent).toContain(
          'Other inquiries: 1 declined',
        ),
      );
    },
  );

  it('reads Other inquiries again on Refresh, saying the last answer till the new one', async () => {
    let reads = 0;
    const { read, answer } = readLater();
    const form = await open(clean, 'Approve', () => {
      reads += 1;
      return reads === 1 ? { items: [], by: 'account' } : read();
    });
    await vi.waitFor(() => expect(reads).toBe(1));
    expect(form.querySelector('.confirm-warnings')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Refresh', exact: true }));
    await vi.waitFor(() => expect(reads).toBe(2));
    // Still the last answer while the new read is out: nothing comes into the open form.
    expect(form.querySelector('.confirm-warnings')).toBeNull();
    // One of them declined meanwhile.
    answer(oneDeclined());
    await vi.waitFor(() =>
      expect(form.querySelector('.confirm-warnings')?.textContent).toContain(
        'Other inquiries: 1 declined',
      ),
    );
  });

  it('says Other inquiries could not be read, above the decision too, when its read failed', async () => {
    const approve = await open(clean, 'Approve', () => ({
      kind: 'network',
      message: 'Could not reach Persona.',
    }));
    const list = approve.querySelector('.confirm-warnings');
    await vi.waitFor(() =>
      expect(list?.textContent).toContain('Other inquiries: could not be read'),
    );
    expect(screen.getByTestId('attention').textContent).toContain(
      'Other inquiries: could not be read',
    );
    expect(screen.getByRole('button', { name: 'Approve' }).className).toBe('');
  });
});
