// @vitest-environment happy-dom
// A decision that did not go through stays said on its row, read from the activity log: the
// popup closes at every click outside it, so a note kept for one view's life was gone in seconds.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const row = (id: string) => ({ id, status: 'needs_review', referenceId: `ref-${id}` });

let seq = 0;
const logged = (inquiryId: string, action: string, at: number, errorKind?: string) => ({
  seq: ++seq,
  at,
  reviewer: 'persona_sandbox_…1a2b',
  action,
  inquiryId,
  outcome: errorKind ? 'error' : 'ok',
  ...(errorKind ? { errorKind } : {}),
  prevHash: '0'.repeat(64),
  hash: String(seq % 10).repeat(64),
});

describe('a decision that did not go through, on its row in Needs review', () => {
  it('is said from the activity log when the list opens again, for half an hour, until a later answer', async () => {
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      auditTrail: {
        entries: [
          logged('inq_LostAnswer00001', 'decline', now - 60_000, 'server'),
          logged('inq_Refused0000001', 'approve', now - 60_000, 'conflict'),
          logged('inq_LongAgo0000001', 'decline', now - 45 * 60_000, 'server'),
          logged('inq_ThenMade000001', 'decline', now - 90_000, 'timeout'),
          logged('inq_ThenMade000001', 'decline', now - 30_000),
        ],
      },
    });
    stubBackground({
      listInquiries: () => ({
        items: [
          row('inq_LostAnswer00001'),
          row('inq_Refused0000001'),
          row('inq_LongAgo0000001'),
          row('inq_ThenMade000001'),
        ],
        next: null,
      }),
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    const rowOf = async (id: string) =>
      (await screen.findByRole('button', { name: new RegExp(id) })).textContent ?? '';
    await waitFor(async () =>
      expect(await rowOf('inq_LostAnswer00001')).toContain(
        'decline may not have gone through: open to check',
      ),
    );
    expect(await rowOf('inq_Refused0000001')).toContain(
      'approval did not go through: open to check',
    );
    expect(await rowOf('inq_LongAgo0000001')).not.toContain('go through');
    expect(await rowOf('inq_ThenMade000001')).not.toContain('go through');
  });

  it("is found in the log's closed pages when the open page was just begun", async () => {
    const now = Date.now();
    const failed = logged('inq_InClosedPage01', 'decline', now - 5 * 60_000, 'conflict');
    const begun = logged('inq_Other000000001', 'approve', now - 60_000);
    await fakeBrowser.storage.local.set({
      auditTrail: { pages: [{ first: failed.seq, lastHash: failed.hash }], entries: [begun] },
      [`auditTrailPage:${failed.seq}`]: [failed],
    });
    stubBackground({
      listInquiries: () => ({ items: [row('inq_InClosedPage01')], next: null }),
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Needs review' }));
    const button = await screen.findByRole('button', { name: /inq_InClosedPage01/ });
    await waitFor(() =>
      expect(button.textContent).toContain('decline did not go through: open to check'),
    );
    // Drawn as a warning, not as the time it takes the place of.
    expect(button.querySelector('.meta-warn')?.textContent).toBe(
      'decline did not go through: open to check',
    );
  });
});

describe('a decision that did not go through, on its row in the watchlist', () => {
  it('is said from the activity log, and as the log grows while the list is open', async () => {
    const now = Date.now();
    const watched = (id: string) => ({
      id,
      status: 'needs_review',
      addedAt: 1,
      changedAt: 2,
      seen: true,
    });
    await fakeBrowser.storage.local.set({
      watchlist: [watched('inq_WatchedLost0001'), watched('inq_WatchedLater001')],
      auditTrail: { entries: [logged('inq_WatchedLost0001', 'decline', now - 60_000, 'server')] },
    });
    stubBackground({});
    render(<DeskShell first={{ name: 'home' }} />);
    const note = async (id: string) =>
      (await screen.findByRole('button', { name: new RegExp(id) })).querySelector('.meta-warn')
        ?.textContent;
    await waitFor(async () =>
      expect(await note('inq_WatchedLost0001')).toBe(
        'decline may not have gone through: open to check',
      ),
    );
    expect(await note('inq_WatchedLater001')).toBeUndefined();
    // Refused while the list is open: the log's new entry is read.
    const { auditTrail } = (await fakeBrowser.storage.local.get('auditTrail')) as {
      auditTrail: { entries: object[] };
    };
    await fakeBrowser.storage.local.set({
      auditTrail: {
        entries: [
          ...auditTrail.entries,
          logged('inq_WatchedLater001', 'approve', Date.now(), 'unauthorized'),
        ],
      },
    });
    await waitFor(async () =>
      expect(await note('inq_WatchedLater001')).toBe('approval did not go through: open to check'),
    );
  });
});
