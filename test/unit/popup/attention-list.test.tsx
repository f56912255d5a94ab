// @vitest-environment happy-dom
// What needs a look heads the detail: failed verifications, report matches and risky networks,
// each leading to where the detail shows it (a sanctions match and a VPN were screens down, and the
// summary named verifications only).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { InquiryView, VerificationView } from '../../../src/shared/persona/view-model.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { inquiryReply, sent, stubBackground, watchlistMatch } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

function verification(id: string, type: string, status: string): VerificationView {
  return { id, type, status, loaded: true, checks: [], fields: [] };
}

/** One verification, passed: no summary of verifications would have named anything here. */
const flagged: Partial<InquiryView> = {
  verifications: [verification('ver_1', 'verification/government-id', 'passed')],
  reports: [
    watchlistMatch,
    {
      id: 'rep_Pep000000001',
      type: 'report/politically-exposed-person',
      status: 'ready',
      hasMatch: false,
      loaded: true,
    },
  ],
  sessions: [{ id: 'iqse_1', status: 'active', isVpn: true }],
};

async function openDetail(view: Partial<InquiryView>) {
  const reply = inquiryReply('needs_review', view);
  stubBackground({
    getInquiry: () => reply,
    getReport: () => ({
      report: {
        ...watchlistMatch,
        matches: [{ name: 'A. Person', list: 'Sanctions' }],
      },
    }),
  });
  render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
  return screen.findByTestId('attention');
}

/** The evidence sections are a chunk of their own: the Device and network section comes with it. */
const evidenceLoaded = () =>
  waitFor(
    () => {
      if (!document.getElementById('network-heading')) throw new Error('evidence not loaded');
    },
    { timeout: 5_000 },
  );

describe('what needs a look, at the head of the detail', () => {
  it('names a report match and a risky network with one passed verification, above every section', async () => {
    const list = await openDetail(flagged);
    expect(list.querySelector('.attention-intro')?.textContent).toBe('Needs a look (2):');
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Watchlist screening: Match found', 'Device and network: VPN']);
    // Before the timeline and the verifications: the first thing under the decision's buttons.
    const timeline = screen.getByRole('heading', { name: 'Timeline' });
    expect(list.compareDocumentPosition(timeline) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('opens the matching report from its line, which reads what matched, and takes the focus there', async () => {
    const list = await openDetail(flagged);
    await evidenceLoaded();
    fireEvent.click(within(list).getByRole('button', { name: 'Watchlist screening: Match found' }));
    const row = document.getElementById('report-rep_Watch0000001');
    expect(row?.querySelector('details')?.open).toBe(true);
    expect(document.activeElement).toBe(row?.querySelector('summary'));
    await waitFor(() =>
      expect(sent('getReport')).toEqual([{ type: 'getReport', reportId: 'rep_Watch0000001' }]),
    );
    expect(await screen.findByText('A. Person')).toBeTruthy();
  });

  it('leads from the network line to Device and network once it is on the page', async () => {
    const list = await openDetail(flagged);
    await evidenceLoaded();
    fireEvent.click(within(list).getByRole('button', { name: 'Device and network: VPN' }));
    expect(document.activeElement?.id).toBe('network-heading');
  });

  it('names a single failed verification too, and leads to its card', async () => {
    const list = await openDetail({
      verifications: [verification('ver_Selfie0000001', 'verification/selfie', 'failed')],
    });
    const item = within(list).getByRole('button');
    expect(item.textContent).toBe('Selfie: Failed');
    fireEvent.click(item);
    expect(document.activeElement?.id).toBe('verification-ver_Selfie0000001');
  });

  it('leads from "nothing checked" to the Verifications section', async () => {
    const list = await openDetail({});
    const item = within(list).getByRole('button');
    expect(item.textContent).toBe('Nothing checked: no verification has run');
    fireEvent.click(item);
    expect(document.activeElement?.id).toBe('verifications-heading');
  });

  it('leads from "not finished" to the first card not finished', async () => {
    const list = await openDetail({
      verifications: [
        verification('ver_Government01', 'verification/government-id', 'passed'),
        verification('ver_Selfie0000001', 'verification/selfie', 'submitted'),
      ],
    });
    const item = within(list).getByRole('button');
    expect(item.textContent).toBe('Not finished: Selfie (Submitted)');
    fireEvent.click(item);
    expect(document.activeElement?.id).toBe('verification-ver_Selfie0000001');
  });

  it('on a decided inquiry, is folded: what the decision passed over, not a call to act', async () => {
    const reply = inquiryReply('declined', flagged);
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    const list = await screen.findByTestId('attention');
    expect(list.tagName).toBe('DETAILS');
    expect(list.hasAttribute('open')).toBe(false);
    expect(list.classList.contains('is-decided')).toBe(true);
    expect(list.querySelector('summary')?.textContent).toBe('What needed a look (2)');
    expect(list.textContent).toContain('Watchlist screening: Match found');
  });

  it("names the same account's declined inquiries once Other inquiries has them, and Approve lists it", async () => {
    const reply = inquiryReply('needs_review', {
      accountId: 'act_Person000001',
      verifications: [verification('ver_1', 'verification/government-id', 'passed')],
    });
    const other = (id: string, status: string) => ({ id, status, referenceId: 'customer-42' });
    stubBackground({
      getInquiry: () => reply,
      earlierInquiries: () => ({
        by: 'account',
        items: [
          other(reply.inquiry.id, 'declined'),
          other('inq_Earlier000001', 'declined'),
          other('inq_Earlier000002', 'approved'),
        ],
      }),
    });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    const list = await screen.findByTestId('attention', {}, { timeout: 5_000 });
    const line = await within(list).findByRole('button', { name: 'Other inquiries: 1 declined' });
    fireEvent.click(line);
    expect(document.activeElement?.id).toBe('earlier-heading');
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const form = screen.getByRole('form', { name: 'Confirm approve' });
    expect(form.querySelector('.confirm-warnings')?.textContent).toContain(
      'Other inquiries: 1 declined',
    );
  });

  it('is not there when nothing needs a look', async () => {
    const reply = inquiryReply('completed', {
      verifications: [verification('ver_1', 'verification/government-id', 'passed')],
      reports: [
        { id: 'rep_1', type: 'report/watchlist', status: 'ready', hasMatch: false, loaded: true },
      ],
      sessions: [{ id: 'iqse_1', status: 'active', threatLevel: 'low' }],
    });
    // Other inquiries read, and none of them declined: not a line left unsaid for want of an answer.
    const earlier = vi.fn(() => ({ by: 'account' as const, items: [] }));
    stubBackground({ getInquiry: () => reply, earlierInquiries: earlier });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    await evidenceLoaded();
    await waitFor(() => expect(earlier).toHaveBeenCalled());
    expect(await screen.findByText('None under this account or reference ID.')).toBeTruthy();
    expect(screen.queryByTestId('attention')).toBeNull();
  });
});
