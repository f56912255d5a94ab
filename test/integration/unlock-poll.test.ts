// @vitest-environment node
// Watching while locked, against the sandbox: every cycle fails ("locked") and backs off further.
// Unlocking asks Persona at once, past the back-off and the debounce of the locked popup's own
// attempt, so the watchlist shows what changed meanwhile and no stale "locked" failure.
import { describe, expect, it } from 'vitest';
import { createInquiry } from '../../src/background/create/create-inquiry.ts';
import { unlock } from '../../src/background/handlers/lock.ts';
import { refreshWatchlist } from '../../src/background/handlers/watch.ts';
import { lock, setPassphrase } from '../../src/background/lock/passphrase.ts';
import { pollStateItem, watchlistItem } from '../../src/shared/generated/stored-items.ts';
import { readItem } from '../../src/shared/storage.ts';
import { useSandbox } from './use-sandbox.ts';

const env = useSandbox({ connectDesk: true });
const passphrase = 'correct horse battery';

describe('unlocking the desk', () => {
  it('asks Persona at once and clears the failure the locked watcher recorded', async () => {
    const { inquiry } = await createInquiry({
      type: 'createInquiry',
      idempotencyKey: crypto.randomUUID(),
      templateId: 'itmpl_DeskUnlock00001',
    });
    await setPassphrase(passphrase);
    await lock();
    // The popup opened to unlock: its refresh fails, and is the last attempt.
    await refreshWatchlist({ type: 'refreshWatchlist' });
    const locked = await readItem(pollStateItem);
    expect(locked.failures).toBe(1);
    expect(locked.lastError?.message).toMatch(/locked/i);
    await env.controls.finish(inquiry.id, 'passed');

    await unlock({ type: 'unlock', passphrase });
    await expect
      .poll(async () => (await readItem(watchlistItem)).find((e) => e.id === inquiry.id)?.status)
      .toBe('completed');
    const after = await readItem(pollStateItem);
    expect(after.failures).toBe(0);
    expect(after.lastError).toBeUndefined();
  });
});
