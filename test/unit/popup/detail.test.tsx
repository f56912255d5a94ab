// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InquiryReply } from '../../../src/shared/messages.ts';
import type { FieldView, VerificationView } from '../../../src/shared/persona/view-model.ts';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { shownText } from '../shown-text.ts';
import { inquiryReply, inquiryView, sent, stubBackground } from './fixtures.ts';

afterEach(() => {
  vi.useRealTimers();
});

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

const fields: FieldView[] = [
  { key: 'name_first', name: 'name-first', value: 'Ada' },
  {
    key: 'birthdate',
    name: 'birthdate',
    value: '1990-04-01',
  },
  {
    key: 'identification_number',
    name: 'identification-number',
    value: 'X1234567',
  },
];

const governmentId: VerificationView = {
  id: 'ver_Gov000000001',
  type: 'verification/government-id',
  status: 'failed',
  loaded: true,
  checks: [
    {
      name: 'id_barcode_detection',
      status: 'passed',
      required: false,
      reasons: [],
    },
    {
      name: 'id_expired_detection',
      status: 'failed',
      required: true,
      reasons: ['expired'],
    },
  ],
  fields: [],
};

function openDetail(status: string) {
  const reply = inquiryReply(status, { fields, verifications: [governmentId] });
  stubBackground({ getInquiry: () => reply });
  render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
  return screen.findByTestId('status');
}

describe('the inquiry detail', () => {
  it('names the verifications that need a look above the cards, in their order, each leading to its card', async () => {
    const passed = (id: string, type: string): VerificationView => ({
      id,
      type,
      status: 'passed',
      loaded: true,
      checks: [],
      fields: [],
    });
    // Passed itself, but holding a failed check.
    const selfie: VerificationView = {
      ...passed('ver_Selfie0000001', 'verification/selfie'),
      checks: [
        {
          name: 'selfie_id_comparison',
          status: 'failed',
          required: true,
          reasons: [],
        },
        {
          name: 'selfie_liveness_detection',
          status: 'failed',
          required: false,
          reasons: [],
        },
      ],
    };
    const phone = {
      ...passed('ver_Phone0000001', 'verification/phone-number'),
      status: 'failed',
    };
    const verifications = [
      governmentId,
      passed('ver_Db00000000001', 'verification/database'),
      selfie,
      phone,
    ];
    const reply = inquiryReply('needs_review', { verifications });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    const list = await screen.findByTestId('attention');
    expect(list.querySelector('.attention-intro')?.textContent).toBe('Needs a look (3):');
    const items = within(list).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      'Government ID: Failed, 1 check failed',
      'Selfie: 2 checks failed',
      'Phone number: Failed',
    ]);
    fireEvent.click(items[2] as HTMLElement);
    expect(document.activeElement?.id).toBe('verification-ver_Phone0000001');
  });

  it('names none when none failed', async () => {
    const passed = (id: string): VerificationView => ({
      ...governmentId,
      id,
      status: 'passed',
      checks: [
        {
          name: 'id_barcode_detection',
          status: 'passed',
          required: false,
          reasons: [],
        },
      ],
    });
    const reply = inquiryReply('completed', {
      verifications: [passed('ver_Pass00000001'), passed('ver_Pass00000002')],
    });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    expect(await screen.findAllByRole('region', { name: /Government ID/ })).toHaveLength(2);
    expect(screen.queryByTestId('attention')).toBeNull();
  });

  it('shows the raw status word, its meaning, and each check with its outcome', async () => {
    expect((await openDetail('completed')).textContent).toBe('completed');
    expect(screen.getByText('Completed, awaiting decision')).toBeTruthy();
    expect(screen.getByTestId('template').textContent).toBe('Template itmpl_Template01');
    // When the desk read it, not when the inquiry last changed.
    expect(screen.getByText('Checked with Persona just now')).toBeTruthy();
    const card = screen.getByRole('region', { name: /Government ID/ });
    const checks = within(card)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    // Failed checks first: that is what the reviewer is looking for.
    expect(checks[0]).toContain('ID expired detection');
    expect(checks[0]).toContain('required');
    expect(checks[0]).toContain('expired');
    expect(checks[1]).toContain('passed');
  });

  it.each([
    ['pending', true],
    ['created', true],
    ['some_new_status', true],
    ['completed', false],
    ['needs_review', false],
    ['approved', false],
  ])('shows when a %s inquiry expires: %s', async (status, shown) => {
    const reply = inquiryReply(status, {
      timestamps: { createdAt: '2025-06-01T10:00:00.000Z', expiresAt: '2025-06-02T10:00:00.000Z' },
    });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    expect(screen.queryByText('Expires') !== null).toBe(shown);
    expect(screen.getByText('Created')).toBeTruthy();
  });

  it('names the decision step in plain words, not Persona\'s "decisioned"', async () => {
    const reply = inquiryReply('approved', {
      timestamps: {
        createdAt: '2025-06-01T10:00:00.000Z',
        decisionedAt: '2025-06-01T11:00:00.000Z',
      },
    });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    expect(screen.getByText('Decided')).toBeTruthy();
    expect(screen.queryByText('Decisioned')).toBeNull();
  });

  it('masks birthdates and identity numbers until revealed, one by one or all', async () => {
    await openDetail('completed');
    expect(screen.getByText('Ada')).toBeTruthy();
    expect(screen.queryByText('Apr 1, 1990')).toBeNull();
    expect(screen.queryByText('X1234567')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Reveal Date of birth' }));
    // In the reviewer's language, like every other date, the date Persona sent kept in <time>.
    const birthdate = screen.getByText('Apr 1, 1990');
    expect(birthdate.tagName).toBe('TIME');
    expect(birthdate.getAttribute('datetime')).toBe('1990-04-01');
    expect(screen.queryByText('X1234567')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hide Date of birth' }));
    expect(screen.queryByText('Apr 1, 1990')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Reveal all' }));
    expect(screen.getByText('Apr 1, 1990')).toBeTruthy();
    expect(screen.getByText('X1234567')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide all' }));
    expect(screen.queryByText('X1234567')).toBeNull();
  });

  it('names each Reveal button by where it is, when a field shows twice', async () => {
    const onCard = { ...governmentId, fields: [fields[1] as FieldView] };
    const reply = inquiryReply('completed', { fields, verifications: [onCard] });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    expect(screen.getAllByRole('button', { name: 'Reveal Date of birth' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Reveal Date of birth (Government ID)' }));
    expect(screen.getAllByText('Apr 1, 1990')).toHaveLength(1);
  });

  it('numbers verifications of one type, so no two cards or their buttons read alike', async () => {
    const retry: VerificationView = {
      ...governmentId,
      id: 'ver_Gov000000002',
      fields: [fields[2] as FieldView],
    };
    const first = { ...governmentId, fields: [fields[2] as FieldView] };
    const reply = inquiryReply('needs_review', { fields: [], verifications: [first, retry] });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    expect(screen.getByRole('region', { name: /^Government ID 1/ })).toBeTruthy();
    expect(screen.getByRole('region', { name: /^Government ID 2/ })).toBeTruthy();
    const attention = screen.getByTestId('attention');
    const links = within(attention)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(links.map((text) => text?.split(':')[0])).toEqual([
      'Government ID 1',
      'Government ID 2',
    ]);
    expect(screen.getByRole('button', { name: 'Reveal ID number (Government ID 1)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reveal ID number (Government ID 2)' })).toBeTruthy();
  });

  it('says a status Persona did not send, rather than show an empty chip', async () => {
    const silent: VerificationView = { ...governmentId, status: '', checks: [] };
    const reply = inquiryReply('completed', {
      verifications: [silent],
      reports: [{ id: 'rep_Silent000001', type: 'report/watchlist', status: '', loaded: true }],
    });
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByTestId('status');
    const card = screen.getByRole('region', { name: /Government ID/ });
    expect(card.querySelector('.chip')).toBeNull();
    expect(within(card).getByText('no status given')).toBeTruthy();
    expect(screen.getAllByText('no status given')).toHaveLength(2);
    // The evidence sections (a chunk of their own) take the report's row over once loaded: it
    // says so there too.
    const opened = await waitFor(
      () => {
        const summary = document.querySelector('summary.report-row');
        if (!summary) throw new Error('evidence sections not loaded');
        return summary as HTMLElement;
      },
      { timeout: 5_000 },
    );
    expect(opened.textContent).toContain('no status given');
    expect(opened.querySelector('.chip')).toBeNull();
  });

  it('shows the cached copy at once, before Persona answers', async () => {
    const cached = inquiryView('pending', { referenceId: 'from-cache' });
    await fakeBrowser.storage.session.set({
      [`inquiry:${cached.id}`]: { inquiry: cached, fetchedAt: Date.now() },
    });
    stubBackground({});
    render(<DeskShell first={{ name: 'detail', id: cached.id }} />);
    expect((await screen.findByTestId('status')).textContent).toBe('pending');
    expect(screen.getByRole('heading', { name: `from-cache ${cached.id}` })).toBeTruthy();
    expect(screen.getByText('Checking with Persona…')).toBeTruthy();
  });

  it('says a status that changes while the inquiry is open, and not the one it opened with', async () => {
    const cached = inquiryView('pending', { referenceId: 'from-cache' });
    const key = `inquiry:${cached.id}`;
    await fakeBrowser.storage.session.set({ [key]: { inquiry: cached, fetchedAt: Date.now() } });
    const entry = { id: cached.id, status: 'pending', addedAt: 1, changedAt: 1, seen: true };
    await fakeBrowser.storage.local.set({ watchlist: [entry] });
    // The view's own read not answered yet: the watcher's change is news all the same.
    stubBackground({});
    render(<DeskShell first={{ name: 'detail', id: cached.id }} />);
    const heading = await waitFor(() => {
      const found = document.querySelector('.detail-head h2');
      if (!found) throw new Error('no detail head yet');
      return found;
    });
    // Focused as it opens: whose inquiry it is, the reference first, then its id, read with its
    // status.
    expect(heading.textContent).toBe(`from-cache ${cached.id}`);
    expect(heading.firstElementChild?.textContent).toBe('from-cache');
    expect(
      heading
        .getAttribute('aria-describedby')
        ?.split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(['pending In progress']);
    const announcer = screen.getByTestId('announcer');
    await new Promise((done) => setTimeout(done, 100));
    expect(announcer.textContent).toBe('');
    // The watcher's check notes the change, and writes the new copy.
    await fakeBrowser.storage.local.set({
      watchlist: [{ ...entry, status: 'needs_review', changedAt: Date.now(), seen: false }],
    });
    await fakeBrowser.storage.session.set({
      [key]: { inquiry: { ...cached, status: 'needs_review' }, fetchedAt: Date.now() },
    });
    // Said as news: a second later, unless an answer of the page's own is being said.
    await waitFor(() => expect(announcer.textContent).toBe('Status now: Needs review'), {
      timeout: 3_000,
    });
  });

  it('names the reference its row showed first while the inquiry is not in, loading or failed', async () => {
    const id = 'inq_TestInquiry0001';
    stubBackground({});
    const { unmount } = render(<DeskShell first={{ name: 'detail', id, referenceId: 'demo-6' }} />);
    // The reference leads the title's name, the id after it.
    const title = () => screen.findByRole('heading', { name: `demo-6 ${id}` });
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(document.activeElement).toBe(await title());
    unmount();
    stubBackground({
      getInquiry: () => ({ kind: 'network', message: 'Persona could not be reached.' }),
    });
    render(<DeskShell first={{ name: 'detail', id, referenceId: 'demo-6' }} />);
    await screen.findByRole('alert');
    expect(await title()).toBeTruthy();
    // None known: the id alone.
    cleanup();
    render(<DeskShell first={{ name: 'detail', id }} />);
    await screen.findByRole('alert');
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe(id);
  });

  it('does not say as news the status its own first read brings', async () => {
    // Kept since the create; the watcher has seen it finish since, and the row said so.
    const cached = inquiryView('created', { referenceId: 'chat-9001' });
    const key = `inquiry:${cached.id}`;
    await fakeBrowser.storage.session.set({
      [key]: { inquiry: cached, fetchedAt: Date.now() - 60_000 },
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fresh = { inquiry: { ...cached, status: 'needs_review' }, fetchedAt: Date.now() };
    stubBackground({
      getInquiry: () => new Promise<InquiryReply>((answer) => setTimeout(answer, 300, fresh)),
    });
    render(<DeskShell first={{ name: 'detail', id: cached.id }} />);
    // The copy first, then Persona's answer.
    expect((await screen.findByTestId('status')).textContent).toBe('created');
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('needs_review'));
    // News is said a second after it is shown; nothing is, past that.
    await vi.advanceTimersByTimeAsync(1_500);
    expect(screen.getByTestId('announcer').textContent).toBe('');
    vi.useRealTimers();
  });

  it('reads the banner that takes the focus from a Refresh that found Persona unreachable with why', async () => {
    const reply = {
      ...inquiryReply('pending'),
      stale: { kind: 'network' as const, message: 'Persona could not be reached.' },
    };
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    const refresh = within(await screen.findByTestId('stale')).getByRole('button', {
      name: 'Refresh',
    });
    expect(
      document.getElementById(refresh.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toContain('Persona could not be reached.');
  });

  it("moves the focus back to the line's Refresh once the banner's Refresh is answered by Persona", async () => {
    const fresh = inquiryReply('pending');
    const stale = {
      ...fresh,
      stale: { kind: 'network' as const, message: 'Persona could not be reached.' },
    };
    let answer: InquiryReply = stale;
    stubBackground({ getInquiry: () => answer });
    render(<DeskShell first={{ name: 'detail', id: fresh.inquiry.id }} />);
    const banner = await screen.findByTestId('stale');
    const refresh = within(banner).getByRole('button', { name: 'Refresh' });
    refresh.focus();
    answer = fresh;
    fireEvent.click(refresh);
    await waitFor(() => expect(screen.queryByTestId('stale')).toBeNull());
    await waitFor(() => expect(document.activeElement?.closest('.freshness')).toBeTruthy());
    const focused = document.activeElement as HTMLElement;
    expect(focused.textContent).toBe('Refresh');
    expect(
      document.getElementById(focused.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/^Checked with Persona/);
  });

  it("says the banner's words again when its Refresh is answered from a copy again", async () => {
    const staleReply = () => ({
      ...inquiryReply('pending'),
      stale: { kind: 'network' as const, message: 'Persona could not be reached.' },
    });
    stubBackground({ getInquiry: staleReply });
    render(<DeskShell first={{ name: 'detail', id: inquiryReply('pending').inquiry.id }} />);
    const refresh = within(await screen.findByTestId('stale')).getByRole('button', {
      name: 'Refresh',
    });
    const announcer = screen.getByTestId('announcer');
    await new Promise((done) => setTimeout(done, 200));
    expect(announcer.textContent).toBe('');
    refresh.focus();
    fireEvent.click(refresh);
    await waitFor(() => expect(announcer.textContent).toBe('Persona could not be reached.'));
    expect(document.activeElement).toBe(refresh);
  });

  it('says how old a stale copy is and why', async () => {
    const reply = {
      ...inquiryReply('pending'),
      fetchedAt: Date.now() - 5 * 60_000,
      stale: { kind: 'network' as const, message: 'Persona could not be reached.' },
    };
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    const stale = await screen.findByTestId('stale');
    expect(stale.textContent).toContain('5 minutes ago');
    expect(stale.textContent).toContain('Persona could not be reached.');
  });

  it('shown from a copy for a 429, counts Refresh down to the reset', async () => {
    const reply = {
      ...inquiryReply('pending'),
      stale: {
        kind: 'rate_limited' as const,
        retryAfterSeconds: 42,
        message: "Persona's rate limit is reached.",
      },
    };
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    const stale = await screen.findByTestId('stale');
    const refresh = within(stale).getByRole('button', { name: 'Refresh, after the wait' });
    expect(shownText(refresh)).toMatch(/^Refresh in 4[12] s$/);
    expect(refresh.getAttribute('aria-disabled')).toBe('true');
    const reads = sent('getInquiry').length;
    fireEvent.click(refresh);
    expect(sent('getInquiry')).toHaveLength(reads);
    // The words wait as long as the button, and change with it: no second, frozen wait beside
    // it. Read within the minute, the copy is "from just now", not "from now" (formatAgo).
    const text = stale.querySelector('.banner-text');
    const seconds = /Refresh in (\d+) s/.exec(shownText(refresh))?.[1];
    expect(text?.textContent).toBe(
      `Showing a copy from just now: Persona's rate limit is reached. Wait ${seconds} s and try again; Inquiry Desk slows down its checks meanwhile.`,
    );
    expect(text?.getAttribute('aria-live')).toBe('off');
    expect(refresh.closest('[aria-live]')?.getAttribute('aria-live')).toBe('off');
  });

  it("takes the focus to the banner's Refresh when a Refresh is answered from a copy", async () => {
    const fresh = inquiryReply('pending');
    stubBackground({ getInquiry: () => fresh });
    render(<DeskShell first={{ name: 'detail', id: fresh.inquiry.id }} />);
    await screen.findByTestId('status');
    const limited = {
      ...fresh,
      stale: { kind: 'rate_limited' as const, retryAfterSeconds: 13, message: 'Rate limit.' },
    };
    stubBackground({ getInquiry: () => limited });
    const refresh = screen.getByRole('button', { name: 'Refresh' });
    refresh.focus();
    fireEvent.click(refresh);
    const stale = await screen.findByTestId('stale');
    // The button pressed is gone with the freshness line; its place is the banner's.
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(stale).getByRole('button', { name: 'Refresh, after the wait' }),
      ),
    );
  });

  it('says the wait is over in the stale banner once the rate limit has reset', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const reply = {
      ...inquiryReply('pending'),
      fetchedAt: Date.now() - 5 * 60_000,
      stale: { kind: 'rate_limited' as const, retryAfterSeconds: 2, message: 'Wait 2 s.' },
    };
    stubBackground({ getInquiry: () => reply });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    const stale = await screen.findByTestId('stale');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000);
    });
    expect(stale.querySelector('.banner-text')?.textContent).toBe(
      "Showing a copy from 5 minutes ago: Persona's rate limit has reset; you can try again.",
    );
    expect(within(stale).getByRole('button', { name: 'Refresh' })).toBeTruthy();
  });

  it('reads the inquiry again when the watcher sees it change, and only then marks it seen', async () => {
    let status = 'pending';
    const id = inquiryView('pending').id;
    const entry = (at: number, seen: boolean) => ({
      id,
      status,
      addedAt: 0,
      changedAt: at,
      seen,
    });
    await fakeBrowser.storage.local.set({ watchlist: [entry(1, true)] });
    stubBackground({ getInquiry: () => inquiryReply(status), markSeen: () => ({ seen: 1 }) });
    render(<DeskShell first={{ name: 'detail', id }} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('pending'));
    expect(sent('markSeen')).toHaveLength(0);

    status = 'completed';
    // The watcher's notification of the change, shown while the detail is open.
    const notice = { type: 'basic', iconUrl: 'icon.png', title: 'changed', message: '' } as const;
    await fakeBrowser.notifications.create(`inquiry-desk:${id}`, notice);
    await fakeBrowser.notifications.create('inquiry-desk:inq_SomeOtherOne0001', notice);
    await fakeBrowser.storage.local.set({ watchlist: [entry(Date.now() + 1, false)] });
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('completed'));
    await waitFor(() => expect(sent('markSeen')).toEqual([{ type: 'markSeen', ids: [id] }]));
    expect(sent('getInquiry')).toHaveLength(2);
    // Seen on screen, the change is news no more: its notification goes, the other stays.
    await waitFor(async () =>
      expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([
        'inquiry-desk:inq_SomeOtherOne0001',
      ]),
    );
  });

  it('reads the change the watcher found while a Refresh was on its way, once it is back', async () => {
    const id = inquiryView('pending').id;
    let status = 'pending';
    let answer: (() => void) | undefined;
    await fakeBrowser.storage.local.set({
      watchlist: [{ id, status, addedAt: 0, changedAt: 1, seen: true }],
    });
    stubBackground({ getInquiry: () => inquiryReply(status), markSeen: () => ({ seen: 1 }) });
    render(<DeskShell first={{ name: 'detail', id }} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('pending'));
    // A Refresh whose answer (the old copy) is slow; the watcher sees the change meanwhile.
    const copy = inquiryReply('pending');
    stubBackground({
      getInquiry: () =>
        answer === undefined
          ? (new Promise((resolve) => {
              answer = () => resolve(copy);
            }) as unknown as ReturnType<typeof inquiryReply>)
          : inquiryReply(status),
      markSeen: () => ({ seen: 1 }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(answer).toBeDefined());
    status = 'completed';
    await fakeBrowser.storage.local.set({
      watchlist: [{ id, status, addedAt: 0, changedAt: Date.now() + 1, seen: false }],
    });
    answer?.();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('completed'));
    await waitFor(() => expect(sent('markSeen')).toHaveLength(1));
  });

  it('opening a watched inquiry that changed reads it once, even when that read fails', async () => {
    const id = 'inq_TestInquiry0001';
    await fakeBrowser.storage.local.set({
      watchlist: [{ id, status: 'completed', addedAt: 0, changedAt: Date.now(), seen: false }],
    });
    stubBackground({
      getInquiry: () => ({ kind: 'rate_limited', message: 'Persona’s rate limit is reached.' }),
    });
    render(<DeskShell first={{ name: 'detail', id }} />);
    await screen.findByRole('button', { name: 'Try again' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Not a second read into the window Persona has just said is closed, nor "Failed 2 times".
    expect(sent('getInquiry')).toHaveLength(1);
    expect(screen.queryByText(/Failed 2 times/)).toBeNull();
  });

  it('refused for the rate limit with nothing to show, reads again by itself once the window resets', async () => {
    let limited = true;
    const reply = inquiryReply('needs_review');
    stubBackground({
      getInquiry: () =>
        limited
          ? {
              kind: 'rate_limited',
              retryAfterSeconds: 1,
              message: 'Persona’s rate limit is reached.',
            }
          : reply,
    });
    render(<DeskShell first={{ name: 'detail', id: reply.inquiry.id }} />);
    await screen.findByRole('button', { name: /Try again/ });
    limited = false;
    // Not before the reset: one read into a closed window is one too many.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(sent('getInquiry')).toHaveLength(1);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('needs_review'), {
      timeout: 3_000,
    });
    expect(sent('getInquiry')).toHaveLength(2);
    // Come by itself: said, since a screen reader last heard it was loading.
    await waitFor(() =>
      expect(screen.getByTestId('announcer').textContent).toBe('Inquiry loaded: Needs review.'),
    );
  });

  it('refused for the rate limit with nothing to show, says the status the watchlist last had', async () => {
    const id = 'inq_TestInquiry0001';
    await fakeBrowser.storage.local.set({
      watchlist: [
        { id, status: 'needs_review', referenceId: 'demo-4', addedAt: 0, changedAt: 0, seen: true },
      ],
    });
    stubBackground({
      getInquiry: () => ({ kind: 'rate_limited', message: 'Persona’s rate limit is reached.' }),
    });
    render(<DeskShell first={{ name: 'detail', id }} />);
    await screen.findByRole('button', { name: /Try again/ });
    const known = await screen.findByTestId('last-known');
    expect(known.textContent).toBe('needs_review As the watchlist last had it: Needs review.');
    // Opened by its address, with no row: the heading names the reference the watchlist has.
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('demo-4');
    cleanup();
    // The row it was opened from, just read, says it before the watchlist does.
    render(<DeskShell first={{ name: 'detail', id, status: 'completed' }} />);
    await screen.findByRole('button', { name: /Try again/ });
    expect((await screen.findByTestId('last-known')).textContent).toBe(
      'completed As its row listed it: Completed, awaiting decision.',
    );
  });

  it('not watched, says the status its row showed; nothing where it was opened without one', async () => {
    const id = 'inq_TestInquiry0001';
    stubBackground({
      getInquiry: () => ({ kind: 'rate_limited', message: 'Persona’s rate limit is reached.' }),
    });
    render(<DeskShell first={{ name: 'detail', id, status: 'completed' }} />);
    await screen.findByRole('button', { name: /Try again/ });
    expect((await screen.findByTestId('last-known')).textContent).toBe(
      'completed As its row listed it: Completed, awaiting decision.',
    );
    cleanup();
    render(<DeskShell first={{ name: 'detail', id }} />);
    await screen.findByRole('button', { name: /Try again/ });
    expect(screen.queryByTestId('last-known')).toBeNull();
  });

  it('reads an undecided inquiry again when the reviewer comes back to a copy over half a minute old', async () => {
    // Read 40 s ago, as the reviewer went to the chat: a colleague declines it meanwhile.
    const old = { ...inquiryReply('needs_review'), fetchedAt: Date.now() - 40_000 };
    const fresh = inquiryReply('declined');
    let reads = 0;
    stubBackground({ getInquiry: () => (reads++ === 0 ? old : fresh) });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('needs_review'));
    // Its read over (a focus while one is out asks nothing more), the reviewer comes back.
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('declined'));
    expect(sent('getInquiry')).toHaveLength(2);
    // Decided: coming back again asks nothing.
    window.dispatchEvent(new Event('focus'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent('getInquiry')).toHaveLength(2);
  });

  it('asks nothing when the reviewer comes back to a fresh copy', async () => {
    stubBackground({ getInquiry: () => inquiryReply('needs_review') });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('needs_review'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.dispatchEvent(new Event('focus'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent('getInquiry')).toHaveLength(1);
  });

  it('a changed row opened from the watchlist stays unseen while its detail fails to load', async () => {
    const id = 'inq_TestInquiry0001';
    await fakeBrowser.storage.local.set({
      watchlist: [{ id, status: 'completed', addedAt: 0, changedAt: Date.now(), seen: false }],
    });
    stubBackground({
      getInquiry: () => ({ kind: 'unauthorized', message: 'Persona did not accept the API key.' }),
      markSeen: () => ({ seen: 1 }),
    });
    render(<DeskShell first={{ name: 'home' }} />);
    fireEvent.click(await screen.findByRole('button', { name: new RegExp(id) }));
    await screen.findByText('Persona did not accept the API key.');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The highlight and the badge's count stay: the reviewer has not seen the change.
    expect(sent('markSeen')).toHaveLength(0);
  });

  it('offers settings for an unknown key and a retry for a network failure', async () => {
    stubBackground({
      getInquiry: () => ({ kind: 'network', message: 'Offline. Check the connection.' }),
    });
    render(<DeskShell first={{ name: 'detail', id: 'inq_TestInquiry0001' }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(sent('getInquiry').length).toBe(2));
  });
});
