// @vitest-environment happy-dom
// The watchlist's head line: while checks fail, the last good one is the last answer, not
// "checked now" beside "Last check failed".
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskShell } from '../../../src/ui/views/desk-shell.tsx';
import { stubBackground } from './fixtures.ts';

vi.mock('../../../src/shared/send-request.ts', () => ({ sendRequest: vi.fn() }));

afterEach(cleanup);

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
    expect(line).toMatch(/last answer/);
    expect(line).not.toMatch(/checked/);
    expect(screen.getByText(/Last check failed/)).toBeTruthy();
  });
});
