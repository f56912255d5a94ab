// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bytesToBase64 } from '../../../src/shared/base64.ts';
import type { VerificationView } from '../../../src/shared/persona/view-model.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { inquiryReply, sent, stubBackground, watchlistMatch } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const check = (name: string, status: string, reasons: string[] = []) => ({
  name,
  status,
  required: true,
  reasons,
});

const selfie: VerificationView = {
  id: 'ver_Selfie000001',
  type: 'verification/selfie',
  status: 'failed',
  loaded: true,
  checks: [
    check('selfie_liveness', 'passed'),
    check('selfie_id_comparison', 'failed', ['low_similarity']),
    check('selfie_glasses', 'passed'),
  ],
  fields: [],
  photos: [
    { name: 'center-photo-url', url: 'https://files.withpersona.com/c' },
    { name: 'left-photo-url', url: 'https://elsewhere.example/l' },
  ],
  scores: [{ name: 'document-similarity-score', value: 41.26 }],
};

const reply = inquiryReply('needs_review', {
  accountId: 'act_Person000001',
  verifications: [selfie],
  reports: [watchlistMatch],
  sessions: [
    {
      id: 'iqse_1',
      status: 'expired',
      ipAddress: '203.0.113.45',
      isVpn: true,
      countryName: 'Netherlands',
      threatLevel: 'medium',
    },
  ],
});

let created: string[];
let revoked: string[];
beforeEach(() => {
  created = [];
  revoked = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
    const url = `blob:photo-${created.length}`;
    created.push(url);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url: string) => {
    revoked.push(url);
  });
});
afterEach(() => vi.restoreAllMocks());

function open(
  earlier = [{ id: 'inq_Earlier000001', status: 'declined', createdAt: '2025-05-01T10:00:00Z' }],
) {
  stubBackground({
    getInquiry: (request) =>
      request.id === reply.inquiry.id ? reply : inquiryReply('declined', { id: request.id }),
    showPhotos: () => ({
      photos: [
        {
          name: 'center-photo-url',
          verificationId: selfie.id,
          type: 'image/png',
          base64: bytesToBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
        },
        {
          name: 'left-photo-url',
          verificationId: selfie.id,
          error: { kind: 'refused', message: 'Photo withheld: unexpected host' },
        },
      ],
    }),
    earlierInquiries: () => ({ by: 'account', items: earlier }),
    getReport: () => ({
      report: {
        id: 'rep_Watch0000001',
        type: 'report/watchlist',
        status: 'ready',
        loaded: true,
        matches: [
          {
            name: 'Ada Example',
            list: 'Sandbox Sanctions List',
            listType: 'sanction',
            flag: 'US',
            url: 'https://example.com/sandbox-sanctions-list',
          },
          // A link of another scheme is not linked.
          { name: 'Ada Example', list: 'Odd list', url: 'javascript:alert(1)' },
          { name: 'Ada Example', kind: 'pep', listType: 'Member of the European Parliament' },
          { name: 'Ada Example', kind: 'media', listType: 'Ex-CEO of Acme/Globex fined' },
        ],
      },
    }),
  });
  return render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
}

/** An inquiry with an account and a reference ID, Other inquiries answered by `earlier`. */
function stubBoth(earlierInquiries: (request: { accountId?: string }) => unknown) {
  stubBackground({
    getInquiry: () =>
      inquiryReply('completed', { accountId: 'act_Person000001', referenceId: 'customer-42' }),
    earlierInquiries: earlierInquiries as never,
  });
}

describe('the evidence in the detail', () => {
  it('says when Other inquiries is a full page, and Persona may have more', async () => {
    const many = Array.from({ length: 19 }, (_, i) => ({
      id: `inq_Earlier${String(i).padStart(6, '0')}`,
      status: 'failed',
      createdAt: '2025-05-01T10:00:00Z',
    }));
    open(many);
    const earlier = await screen.findByRole('region', { name: 'Other inquiries' });
    expect((await within(earlier).findByTestId('earlier-more')).textContent).toBe(
      'Only the newest 19 are listed; Persona may have more.',
    );
    cleanup();
    // A few: all there are.
    open();
    const few = await screen.findByRole('region', { name: 'Other inquiries' });
    await within(few).findByRole('button', { name: /inq_Earlier000001/ });
    expect(within(few).queryByTestId('earlier-more')).toBeNull();
  });

  it('puts failed checks first in words, folds the passed ones, shows the score', async () => {
    open();
    const card = await screen.findByRole('region', { name: /Selfie/ });
    expect(card.textContent).toContain('The selfie does not look enough like the ID photo');
    // Named with its verification: out of the card (Tab, a list of controls), "2 checks passed"
    // alone does not say whose.
    expect(within(card).getByText('2 checks passed').getAttribute('aria-label')).toBe(
      '2 checks passed (Selfie)',
    );
    expect(card.textContent).toContain('Selfie to ID similarity: 41.3');
  });

  it('shows photos only after the button, from object URLs revoked when the view closes', async () => {
    const view = open();
    const button = await screen.findByRole('button', { name: 'Show photos' });
    expect(screen.queryByRole('img')).toBeNull();
    fireEvent.click(button);
    const image = await screen.findByRole('img', { name: 'Selfie center' });
    expect(image.getAttribute('src')).toBe('blob:photo-0');
    expect(screen.getByText('Photo withheld: unexpected host')).toBeTruthy();
    // The one that failed is said where a screen reader hears it, not only under its frame.
    const photos = screen.getByRole('region', { name: 'Photos' });
    expect(within(photos).getByRole('status').textContent).toMatch(
      /^1 of \d+ photos could not be shown; it says why\.$/,
    );
    expect(sent('showPhotos')).toEqual([{ type: 'showPhotos', id: reply.inquiry.id }]);
    view.unmount();
    expect(revoked).toEqual(created);
  });

  it('names the photos of two verifications of one type apart, as their cards are', async () => {
    const retry: VerificationView = { ...selfie, id: 'ver_Selfie000002' };
    const twice = inquiryReply('needs_review', { verifications: [selfie, retry] });
    const png = bytesToBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    stubBackground({
      getInquiry: () => twice,
      showPhotos: () => ({
        photos: [selfie.id, retry.id].map((verificationId) => ({
          name: 'center-photo-url',
          verificationId,
          type: 'image/png',
          base64: png,
        })),
      }),
      earlierInquiries: () => ({ by: 'account', items: [] }),
    });
    render(<DeskShell first={{ name: 'detail', id: twice.inquiry.id }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show photos' }));
    expect(await screen.findByRole('img', { name: 'Selfie center (Selfie 1)' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Selfie center (Selfie 2)' })).toBeTruthy();
  });

  it('hides the photos again: out of the view, their object URLs revoked, the focus on Show', async () => {
    open();
    fireEvent.click(await screen.findByRole('button', { name: 'Show photos' }));
    await screen.findByRole('img', { name: 'Selfie center' });
    expect(revoked).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Hide photos' }));
    expect(screen.queryByRole('img')).toBeNull();
    expect(revoked).toEqual(created);
    const show = screen.getByRole('button', { name: 'Show photos' });
    await waitFor(() => expect(document.activeElement).toBe(show));
    // Showing them again asks the background again (and is logged again there).
    fireEvent.click(show);
    await screen.findByRole('img', { name: 'Selfie center' });
    expect(sent('showPhotos')).toHaveLength(2);
  });

  it('warns of a VPN, lists a report’s matches when opened, and shows earlier inquiries', async () => {
    open();
    const network = await screen.findByRole('region', { name: 'Device and network' });
    expect(network.textContent).toContain('VPN');
    expect(network.textContent).toContain('Threat level medium');
    expect(network.textContent).toContain('203.0.113.45');

    const reports = screen.getByRole('region', { name: 'Reports' });
    expect(sent('getReport')).toEqual([]);
    const details = reports.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    const rows = (await within(reports).findAllByText('Ada Example')).map((name) =>
      name.closest('li'),
    );
    const [match, odd, pep, media] = rows.map((row) => row?.textContent);
    // The list's kind in words, not Persona's `sanction`; a position and a headline as written.
    // Its region, and its page to open in a tab of its own.
    expect(match).toContain('Sandbox Sanctions List (sanctions), US');
    const page = within(rows[0] as HTMLElement).getByRole('link', { name: 'The list’s page' });
    expect(page.getAttribute('href')).toBe('https://example.com/sandbox-sanctions-list');
    expect(page.getAttribute('target')).toBe('_blank');
    expect(page.getAttribute('rel')).toBe('noopener noreferrer');
    expect(odd).toContain('Odd list');
    expect(within(rows[1] as HTMLElement).queryByRole('link')).toBeNull();
    expect(pep).toContain('Politically exposed persons (Member of the European Parliament)');
    expect(media).toContain('Adverse media (Ex-CEO of Acme/Globex fined)');
    expect(sent('getReport')).toHaveLength(1);

    const earlier = screen.getByRole('region', { name: 'Other inquiries' });
    fireEvent.click(await within(earlier).findByRole('button', { name: /inq_Earlier000001/ }));
    await waitFor(() => expect(sent('getInquiry').map((r) => r.id)).toContain('inq_Earlier000001'));
    expect(sent('earlierInquiries')[0]).toMatchObject({ accountId: 'act_Person000001' });
  });

  it('asks by the reference ID too, and names a decline made under it on another account', async () => {
    const declined = {
      id: 'inq_OtherAccount001',
      status: 'declined',
      createdAt: '2025-04-01T10:00:00Z',
    };
    const later = {
      id: 'inq_SameAccount0001',
      status: 'approved',
      createdAt: '2025-06-01T10:00:00Z',
    };
    stubBoth((request) =>
      request.accountId
        ? { by: 'account', items: [later] }
        : { by: 'reference', items: [declined, later] },
    );
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    const earlier = await screen.findByRole('region', { name: 'Other inquiries' });
    const list = await within(earlier).findByRole('list', {
      name: 'Same account or reference ID, newest first.',
    });
    expect(
      within(list)
        .getAllByRole('button')
        .map((row) => row.querySelector('.inquiry-id')?.textContent),
    ).toEqual([later.id, declined.id]);
    expect(
      sent('earlierInquiries').map(({ accountId, referenceId }) => ({ accountId, referenceId })),
    ).toEqual([
      { accountId: 'act_Person000001', referenceId: undefined },
      { accountId: undefined, referenceId: 'customer-42' },
    ]);
    await screen.findByRole('button', { name: 'Other inquiries: 1 declined' });
  });

  it("one of the two reads failing, lists the other's, says what is missing, and does not say none was declined", async () => {
    const later = {
      id: 'inq_SameAccount0001',
      status: 'approved',
      createdAt: '2025-06-01T10:00:00Z',
    };
    let referenceFails = true;
    stubBoth((request) =>
      request.accountId
        ? { by: 'account', items: [later] }
        : referenceFails
          ? { kind: 'server', message: 'Persona had a problem (503).' }
          : { by: 'reference', items: [] },
    );
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    const earlier = await screen.findByRole('region', { name: 'Other inquiries' });
    await within(earlier).findByRole('button', { name: /inq_SameAccount0001/ });
    expect(within(earlier).getByRole('alert').textContent).toContain(
      'Inquiries with this reference ID on other accounts could not be read, so this list may leave some out. Persona had a problem (503).',
    );
    // What needs a look cannot say the person has no decline: half was not read.
    await screen.findByRole('button', { name: 'Other inquiries: could not be read' });
    referenceFails = false;
    fireEvent.click(within(earlier).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(earlier).queryByRole('alert')).toBeNull());
    expect(within(earlier).getByRole('button', { name: /inq_SameAccount0001/ })).toBeTruthy();
  });

  it('a decline in the half that was read is still said', async () => {
    const declined = {
      id: 'inq_SameAccount0002',
      status: 'declined',
      createdAt: '2025-06-01T10:00:00Z',
    };
    stubBoth((request) =>
      request.accountId
        ? { kind: 'network', message: 'Nothing answers.' }
        : { by: 'reference', items: [declined] },
    );
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await screen.findByRole('button', { name: 'Other inquiries: 1 declined' });
    const earlier = await screen.findByRole('region', { name: 'Other inquiries' });
    expect(within(earlier).getByRole('alert').textContent).toContain(
      "The account's other inquiries could not be read",
    );
  });

  it('judges "Persona may have more" on each page asked, not on the merged list', async () => {
    // The reference's page is full: what the merged list holds is not "the newest 19" of anything.
    const shared = Array.from({ length: 19 }, (_, i) => ({
      id: `inq_Shared${String(i).padStart(8, '0')}`,
      status: 'approved',
      createdAt: `2025-05-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
    }));
    stubBoth((request) =>
      request.accountId
        ? { by: 'account', items: shared.slice(0, 17) }
        : {
            by: 'reference',
            items: shared,
          },
    );
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    const earlier = await screen.findByRole('region', { name: 'Other inquiries' });
    expect((await within(earlier).findByTestId('earlier-more')).textContent).toBe(
      'Listed: 19, the newest by account and by reference ID; Persona may have more of either.',
    );
  });
});
