// @vitest-environment happy-dom
// Locked, or with the key removed, the desk shows no inquiry at all; a reveal is audited.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { revealedField } from '../../../src/ui/views/detail-body.tsx';
import { inquiryReply, sent, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const sealed = { iterations: 600_000, salt: 'c2FsdA==', iv: 'aXY=', data: 'ZGF0YQ==' };
const reply = inquiryReply('completed', {
  fields: [
    { key: 'name_first', name: 'name-first', value: 'Ada' },
    {
      key: 'birthdate',
      name: 'birthdate',
      value: '1990-04-01',
    },
  ],
});

describe('the locked desk', () => {
  it('shows the unlock form instead of an inquiry, and the inquiry once unlocked', async () => {
    stubBackground({ getInquiry: () => reply });
    await fakeBrowser.storage.local.set({ sealedKey: sealed });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id, initial: reply }} />);
    expect(await screen.findByRole('button', { name: 'Unlock' })).toBeTruthy();
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    expect(screen.queryByText('Ada')).toBeNull();
    // No Back on the unlock form: it would lead nowhere visible and drop the focus.
    expect(screen.queryByRole('button', { name: /Back/ })).toBeNull();
    await fakeBrowser.storage.session.set({ unlockState: { unlockedAt: 1, lastUsedAt: 1 } });
    expect(await screen.findByText('Ada')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Back/ })).toBeTruthy();
    await fakeBrowser.storage.session.remove('unlockState');
    await waitFor(() => expect(screen.queryByText('Ada')).toBeNull());
  });

  it('drops an open inquiry when the key is removed', async () => {
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id, initial: reply }} />);
    expect(await screen.findByText('Ada')).toBeTruthy();
    await fakeBrowser.storage.local.remove('keyInfo');
    await waitFor(() => expect(screen.queryByText('Ada')).toBeNull());
    expect(screen.getByTestId('no-key')).toBeTruthy();
  });

  it('says the watchlist is kept while no key is saved, as Remove key promised', async () => {
    const entry = (id: string) => ({ id, status: 'pending', addedAt: 1, changedAt: 1, seen: true });
    await fakeBrowser.storage.local.set({
      watchlist: [entry('inq_KeptOne000000001'), entry('inq_KeptTwo000000002')],
    });
    await fakeBrowser.storage.local.remove('keyInfo');
    stubBackground({});
    render(<DeskShell first={{ name: 'home' }} />);
    expect((await screen.findByTestId('watchlist-kept')).textContent).toBe(
      'The watchlist (2 inquiries) is kept, and shows again once a key is saved.',
    );
    expect(screen.queryByText('inq_KeptOne000000001')).toBeNull();
    await fakeBrowser.storage.local.set({ watchlist: [entry('inq_KeptOne000000001')] });
    await waitFor(() =>
      expect(screen.getByTestId('watchlist-kept').textContent).toMatch(/\(1 inquiry\)/),
    );
    await fakeBrowser.storage.local.set({ watchlist: [] });
    await waitFor(() => expect(screen.queryByTestId('watchlist-kept')).toBeNull());
    expect(screen.getByTestId('no-key')).toBeTruthy();
  });

  it('records a reveal of masked fields in the audit trail, by inquiry id and what was revealed', async () => {
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id, initial: reply }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal all' }));
    await waitFor(() =>
      expect(sent('recordReveal')).toEqual([
        { type: 'recordReveal', id: reply.inquiry.id, field: 'all' },
      ]),
    );
  });

  it("records which field a reveal showed, a verification's by its type", async () => {
    const withId = inquiryReply('completed', {
      ...reply.inquiry,
      verifications: [
        {
          id: 'ver_GovId0000001',
          type: 'verification/government-id',
          status: 'passed',
          loaded: true,
          checks: [],
          fields: [{ key: 'identification_number', name: 'identification-number', value: 'X1' }],
        },
      ],
    });
    stubBackground({ getInquiry: () => withId });
    render(<DeskShell first={{ name: 'detail', id: withId.inquiry.id, initial: withId }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal Date of birth' }));
    fireEvent.click(screen.getByRole('button', { name: /^Reveal ID number \(Government ID/ }));
    // Hidden again and shown again: a second reveal, logged again.
    fireEvent.click(screen.getByRole('button', { name: 'Hide Date of birth' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reveal Date of birth' }));
    await waitFor(() =>
      expect(sent('recordReveal').map((r) => r.field)).toEqual([
        'inquiry:birthdate',
        'government-id:identification-number',
        'inquiry:birthdate',
      ]),
    );
  });
});

describe('the name a reveal is logged by', () => {
  it("keeps to a name's characters and 100 of them, as the background takes it", () => {
    const inquiry = { ...reply.inquiry, fields: [{ key: 'pass no', name: 'pass no', value: 'X' }] };
    expect(revealedField('inquiry:pass no', inquiry)).toBe('inquiry:pass_no');
    const long = 'k'.repeat(150);
    expect(revealedField(`inquiry:${long}`, inquiry)).toHaveLength(100);
    expect(revealedField('all', inquiry)).toBe('all');
  });
});
