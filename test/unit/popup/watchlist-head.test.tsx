// @vitest-environment happy-dom
// The watchlist's head line: while checks fail, the last good one is "last good check", not
// "checked now" beside "Last check failed".
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { passNewsDelay, runningFakeClock, stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(cleanup);
// The watchlist loads what its rows say of a decision not made once its first frame is on screen
// (watchlist-panel.tsx): loaded here first, a test that ends sooner does not leave that import
// running into the environment's teardown.
beforeAll(() => import('../../../src/ui/views/not-made.tsx'));

const entry = { id: 'inq_WatchHead0001', status: 'pending', addedAt: 1, changedAt: 1, seen: true };

async function head(pollState: object) {
  stubBackground({});
  await fakeBrowser.storage.local.set({ watchlist: [entry], pollState });
  render(<DeskShell first={{ name: 'home' }} />);
  const line = await screen.findByTestId('watchlist-head');
  await waitFor(() => expect(line.textContent).toContain('1 watched'));
  return line.textContent ?? '';
}

describe('the watchlist head', () => {
  it('says when it was checked while checks succeed', async () => {
    expect(await head({ failures: 0, lastSuccessAt: Date.now() })).toMatch(/checked/);
  });

  it('says when Persona last answered while checks fail', async () => {
    const line = await head({
      failures: 2,
      lastSuccessAt: Date.now(),
      lastError: { kind: 'network', message: 'Nothing answers.' },
    });
    expect(line).toMatch(/last good check/);
    expect(line).not.toMatch(/checked/);
    expect(screen.getByText(/Last check failed/)).toBeTruthy();
    // Not the key's fault: nothing to change in the settings.
    expect(screen.queryByRole('button', { name: 'Open settings' })).toBeNull();
  });

  it('says checks are spaced out, until when, and that opening the desk checks sooner, while a rate-limit hold lasts', async () => {
    await head({ failures: 0, lastSuccessAt: Date.now(), holdUntil: Date.now() + 14 * 60_000 });
    const note = screen.getByText(/checked less often/);
    // Read with the list, not said again each time its time changes.
    expect(note.closest('[role="status"], [aria-live]')).toBeNull();
    expect(note.textContent).toBe(
      "Persona's rate limit is busy, so statuses are checked less often: the next timed check is in 14 minutes. Opening the desk checks sooner, once the limit's current minute is over.",
    );
  });

  it('says the last check was turned away while Persona’s rate limit refused it, and when Persona last answered', async () => {
    const line = await head({
      failures: 0,
      lastAttemptAt: Date.now() - 1_000,
      lastSuccessAt: Date.now() - 130_000,
      holdUntil: Date.now() + 14 * 60_000,
      rateLimit: { limit: 300, remaining: 0, resetAt: Date.now() + 14 * 60_000 },
    });
    expect(line).toMatch(/last good check 2 minutes ago/);
    const note = screen.getByText(/turned away/);
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toBe(
      "Persona's rate limit turned away the last check, so statuses may be out of date. The desk checks again once the limit allows.",
    );
    // One line about it, not the spaced-out checks' too; when the next timed check is, beside
    // it, out of the live region, whose words would be said again as the time moves.
    expect(screen.queryByText(/checked less often/)).toBeNull();
    expect(note.parentElement?.textContent).toBe(
      `${note.textContent} The next timed check is in 14 minutes.`,
    );
    // Nor can a check be asked for now, which would not go: held, described by the line.
    const check = screen.getByRole('button', { name: 'Check now' });
    expect(check.getAttribute('aria-disabled')).toBe('true');
    expect(document.getElementById(check.getAttribute('aria-describedby') ?? '')).toBe(
      note.parentElement,
    );
  });

  it('offers Check now, which has the watcher check at once', async () => {
    let answer: (value: { polled: boolean }) => void = () => {};
    const asked = vi.fn(() => new Promise<{ polled: boolean }>((resolve) => (answer = resolve)));
    await head({ failures: 0, lastSuccessAt: Date.now() - 50_000 });
    stubBackground({ refreshWatchlist: asked });
    const button = screen.getByRole('button', { name: 'Check now' });
    fireEvent.click(button);
    expect(asked).toHaveBeenCalledTimes(1);
    // Asked for: debounced over two seconds, not the popup's ten (next-hold.ts).
    expect(asked).toHaveBeenCalledWith(expect.objectContaining({ asked: true }));
    await waitFor(() => expect(button.textContent).toBe('Checking…'));
    // Held while it is out: a second click asks nothing more.
    fireEvent.click(button);
    expect(asked).toHaveBeenCalledTimes(1);
    answer({ polled: true });
    await waitFor(() => expect(button.textContent).toBe('Check now'));
    // A held key's repeats are one press.
    const repeat = new KeyboardEvent('keydown', { key: 'Enter', repeat: true, cancelable: true });
    button.dispatchEvent(repeat);
    expect(repeat.defaultPrevented).toBe(true);
  });

  it('asks once more when the background stopped in the middle of the check, past its debounce', async () => {
    let calls = 0;
    const asked = vi.fn(() =>
      calls++ === 0
        ? { kind: 'disconnected' as const, message: 'The background stopped.' }
        : { polled: true },
    );
    await head({ failures: 0, lastSuccessAt: Date.now() - 50_000 });
    stubBackground({ refreshWatchlist: asked });
    const button = screen.getByRole('button', { name: 'Check now' });
    fireEvent.click(button);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Still checking: not left as if the check had been made.
    expect(button.textContent).toBe('Checking…');
    expect(asked).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(asked).toHaveBeenCalledTimes(2), { timeout: 4_000 });
    await waitFor(() => expect(button.textContent).toBe('Check now'));
  });

  it('offers Check now after failed checks (is Persona back?), and holds it within a rate-limit window the watcher holds for', async () => {
    const check = () => screen.getByRole('button', { name: 'Check now' });
    const asked = vi.fn(() => ({ polled: true }));
    await head({
      failures: 2,
      holdUntil: Date.now() + 120_000,
      lastError: { kind: 'network', message: 'Nothing answers.' },
    });
    expect(check().getAttribute('aria-disabled')).toBe('false');
    cleanup();
    await head({ failures: 0, lastSuccessAt: Date.now(), holdUntil: Date.now() + 14 * 60_000 });
    stubBackground({ refreshWatchlist: asked });
    expect(check().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(check());
    expect(asked).not.toHaveBeenCalled();
    cleanup();
    // A period stretched past the window it was judged on: once that window has reset, a check
    // asked for goes (the background judges the environment again from its answer).
    await head({
      failures: 0,
      lastSuccessAt: Date.now(),
      holdUntil: Date.now() + 14 * 60_000,
      rateLimit: { limit: 300, remaining: 200, resetAt: Date.now() - 1_000 },
    });
    expect(check().getAttribute('aria-disabled')).toBe('false');
  });

  it('says nothing of a hold that is over, or of a back-off (its failure is said instead)', async () => {
    await head({ failures: 0, lastSuccessAt: Date.now(), holdUntil: Date.now() - 1 });
    expect(screen.queryByText(/checked less often/)).toBeNull();
    cleanup();
    // In its last minute: not "checked less often: the next check is now".
    await head({ failures: 0, lastSuccessAt: Date.now(), holdUntil: Date.now() + 40_000 });
    expect(screen.queryByText(/checked less often/)).toBeNull();
    cleanup();
    // Three hours off: set by a clock since turned back, which the watcher ignores.
    await head({ failures: 0, lastSuccessAt: Date.now(), holdUntil: Date.now() + 3 * 3_600_000 });
    expect(screen.queryByText(/checked less often/)).toBeNull();
    cleanup();
    await head({
      failures: 1,
      holdUntil: Date.now() + 60_000,
      lastError: { kind: 'network', message: 'Nothing answers.' },
    });
    expect(screen.queryByText(/checked less often/)).toBeNull();
  });

  it('offers the settings when the check failed on a key Persona refused', async () => {
    await head({
      failures: 1,
      lastSuccessAt: Date.now(),
      lastError: { kind: 'unauthorized', message: 'Persona did not accept the API key.' },
    });
    const warning = screen.getByText(/Last check failed/);
    const open = screen.getByRole('button', { name: 'Open settings' });
    expect(warning.contains(open)).toBe(true);
    const opened = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    fireEvent.click(open);
    await waitFor(() => expect(opened).toHaveBeenCalled());
  });
});

describe('a watched row’s time', () => {
  it('says in words whether the status changed then, or the inquiry was added then', async () => {
    stubBackground({});
    const now = Date.now();
    await fakeBrowser.storage.local.set({
      watchlist: [
        {
          ...entry,
          id: 'inq_WatchAdded001',
          addedAt: now - 5 * 60_000,
          changedAt: now - 5 * 60_000,
        },
        { ...entry, id: 'inq_WatchMoved001', addedAt: now - 60 * 60_000, changedAt: now - 120_000 },
      ],
      pollState: { failures: 0 },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    const added = await screen.findByRole('button', { name: /inq_WatchAdded001/ });
    expect(added.textContent).toContain('added 5 minutes ago');
    const changed = screen.getByRole('button', { name: /inq_WatchMoved001/ });
    expect(changed.textContent).toContain('changed 2 minutes ago');
  });

  it('is named with the status’s meaning for a screen reader, not Persona’s code', async () => {
    stubBackground({});
    await fakeBrowser.storage.local.set({
      watchlist: [{ ...entry, id: 'inq_WatchReview01', status: 'needs_review' }],
      pollState: { failures: 0 },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    const row = await screen.findByRole('button', { name: /inq_WatchReview01/ });
    // The code is still what the eye reads on the chip.
    expect(row.querySelector('.chip')?.textContent).toBe('needs_review');
    // Without a reference, the row says so first.
    expect(
      screen.getByRole('button', { name: /^no reference Needs review .* inq_WatchReview01$/ }),
    ).toBe(row);
    expect(screen.queryByRole('button', { name: /needs_review/ })).toBeNull();
  });

  it('is read reference, status, time, then the id', async () => {
    stubBackground({});
    await fakeBrowser.storage.local.set({
      watchlist: [{ ...entry, referenceId: 'zendesk-48291734', status: 'completed' }],
      pollState: { failures: 0 },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    const row = await screen.findByRole('button', { name: /inq_WatchHead0001/ });
    expect(row.textContent).toMatch(
      /^zendesk-48291734completedCompleted, awaiting decisionadded .+inq_WatchHead0001$/,
    );
  });
});

describe('a status the watcher sees change while the list is open', () => {
  // News is said a second after it comes (announce.tsx): on a faked clock that still runs, each
  // test lets that second pass at once, and a check that nothing was said waits it out whole.
  beforeEach(runningFakeClock);

  it('is said, by reference, in words; what the list first showed and a new entry are not', async () => {
    stubBackground({});
    const watched = { ...entry, referenceId: 'demo-10', status: 'pending' };
    await fakeBrowser.storage.local.set({ watchlist: [watched], pollState: { failures: 0 } });
    render(<DeskShell first={{ name: 'home' }} />);
    await screen.findByRole('button', { name: /inq_WatchHead0001/ });
    const announcer = screen.getByTestId('announcer');
    await passNewsDelay();
    expect(announcer.textContent).toBe('');
    const added = { ...entry, id: 'inq_WatchHead0002', status: 'created' };
    await fakeBrowser.storage.local.set({ watchlist: [watched, added] });
    await screen.findByRole('button', { name: /inq_WatchHead0002/ });
    await passNewsDelay();
    expect(announcer.textContent).toBe('');
    await fakeBrowser.storage.local.set({
      watchlist: [{ ...watched, status: 'completed', seen: false }, added],
    });
    await passNewsDelay();
    await waitFor(() =>
      expect(announcer.textContent).toBe('demo-10: Completed, awaiting decision'),
    );
  });

  it('names three changes and counts the rest, but never "1 more"', async () => {
    stubBackground({});
    // As the watcher writes a change it found: not yet looked at.
    const many = (n: number, status: string) =>
      Array.from({ length: n }, (_, i) => ({
        ...entry,
        id: `inq_WatchMany${String(i).padStart(4, '0')}`,
        referenceId: `demo-${i}`,
        status,
        seen: status === 'pending',
      }));
    await fakeBrowser.storage.local.set({
      watchlist: many(6, 'pending'),
      pollState: { failures: 0 },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    await screen.findByRole('button', { name: /inq_WatchMany0005/ });
    const announcer = screen.getByTestId('announcer');
    await fakeBrowser.storage.local.set({ watchlist: many(6, 'failed') });
    await passNewsDelay();
    await waitFor(() =>
      expect(announcer.textContent).toBe(
        'demo-0: Failed; demo-1: Failed; demo-2: Failed; and 3 more changed',
      ),
    );
    await fakeBrowser.storage.local.set({
      watchlist: [...many(4, 'expired'), ...many(6, 'failed').slice(4)],
    });
    await passNewsDelay();
    await waitFor(() =>
      expect(announcer.textContent).toBe(
        ['demo-0', 'demo-1', 'demo-2', 'demo-3']
          .map((r) => `${r}: Expired, can be resumed`)
          .join('; '),
      ),
    );
  });

  it('says of a row Persona said it does not have that it was not found, keeping its status', async () => {
    stubBackground({});
    await fakeBrowser.storage.local.set({
      watchlist: [
        { ...entry, status: 'needs_review', unlisted: true },
        { ...entry, id: 'inq_WatchHead0002', changedAt: 2 },
      ],
      pollState: { failures: 0 },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    const gone = await screen.findByRole('button', { name: /inq_WatchHead0001/ });
    expect(gone.textContent).toContain('Needs review');
    expect(gone.textContent).toContain('not found at the last check');
    expect(gone.textContent).not.toMatch(/added|changed/);
    const kept = screen.getByRole('button', { name: /inq_WatchHead0002/ });
    expect(kept.textContent).not.toContain('not found');
  });

  it("does not say the reviewer's own decision as news: it comes seen, and its answer says it", async () => {
    stubBackground({});
    const watched = (status: string, seen: boolean) => ({
      ...entry,
      referenceId: 'demo-own',
      status,
      seen,
    });
    await fakeBrowser.storage.local.set({
      watchlist: [watched('needs_review', true)],
      pollState: { failures: 0 },
    });
    render(<DeskShell first={{ name: 'home' }} />);
    await screen.findByRole('button', { name: /inq_WatchHead0001/ });
    const announcer = screen.getByTestId('announcer');
    await fakeBrowser.storage.local.set({ watchlist: [watched('declined', true)] });
    await passNewsDelay();
    expect(announcer.textContent).toBe('');
    // The watcher's news of the same kind is said.
    await fakeBrowser.storage.local.set({ watchlist: [watched('approved', false)] });
    await passNewsDelay();
    await waitFor(() => expect(announcer.textContent).toBe('demo-own: Approved'));
  });
});
