import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  badgeText,
  countNeedingReviewer,
  refreshBadge,
  showBadge,
} from '../../../../src/background/watch/badge.ts';
import { sealedKeyItem, sessionKeyItem } from '../../../../src/shared/lock-items.ts';
import { needsReviewer } from '../../../../src/shared/needs-reviewer.ts';
import { writeItem } from '../../../../src/shared/storage.ts';
import { keyInfoItem, pollStateItem, watchlistItem } from '../../../../src/shared/storage-items.ts';
import { entry, KNOWN_STATUSES } from './fixtures.ts';

describe('the badge count', () => {
  beforeEach(() =>
    writeItem(keyInfoItem, {
      masked: 'persona_sandbox_…1a2b',
      environment: 'sandbox' as const,
      savedAt: 1,
    }),
  );

  const needs = new Set([
    'needs_review',
    'completed:unseen',
    'failed:unseen',
    'needs_review:unseen',
  ]);

  it.each(
    [...KNOWN_STATUSES, 'some_future_status'].flatMap((status) => [
      [status, true] as const,
      [status, false] as const,
    ]),
  )('%s (seen: %s)', (status, seen) => {
    const expected = needs.has(seen ? status : `${status}:unseen`);
    expect(needsReviewer(entry(1, status, { seen }))).toBe(expected);
  });

  it('counts a mixed list', () => {
    const list = [
      entry(1, 'needs_review'),
      entry(2, 'completed', { seen: false }),
      entry(3, 'completed'),
      entry(4, 'failed', { seen: false }),
      entry(5, 'approved', { seen: false }),
      entry(6, 'pending', { seen: false }),
    ];
    expect(countNeedingReviewer(list)).toBe(3);
    expect(countNeedingReviewer([])).toBe(0);
  });

  it('does not count one Persona said it does not have: nothing can be done with it here', () => {
    const list = [
      entry(1, 'needs_review', { unlisted: true }),
      entry(2, 'completed', { seen: false, unlisted: true }),
      entry(3, 'needs_review'),
    ];
    expect(countNeedingReviewer(list)).toBe(1);
  });

  it.each([
    [0, ''],
    [1, '1'],
    [99, '99'],
    [100, '99+'],
  ])('%i shows as %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });

  it('sets the toolbar badge and title from the list, and clears it again', async () => {
    await showBadge([entry(1, 'needs_review'), entry(2, 'failed', { seen: false })]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    // What it counts, in its two parts: where each is found (Needs review; the watchlist's marks).
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: 1 watched needing review, 1 finished, not yet looked at',
    );
    // Reviews seen or not: nothing "changed" is claimed of them.
    await showBadge([entry(1, 'needs_review'), entry(2, 'needs_review'), entry(3, 'completed')]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Inquiry Desk: 2 watched needing review');
    await showBadge([entry(4, 'failed', { seen: false })]);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: 1 finished, not yet looked at',
    );
    await showBadge([entry(1, 'approved')]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Inquiry Desk');
  });

  it("leaves one Persona said it does not have out of the title's parts too", async () => {
    await showBadge([
      entry(1, 'needs_review', { unlisted: true }),
      entry(2, 'needs_review', { unlisted: true }),
      entry(3, 'completed', { seen: false }),
    ]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: 1 finished, not yet looked at',
    );
  });

  it('shows nothing while no key is saved: nothing is watched then', async () => {
    await writeItem(keyInfoItem, null);
    await showBadge([entry(1, 'needs_review')]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Inquiry Desk');
  });

  it('while locked keeps the count from before the lock, grey, and says nothing is watched', async () => {
    await writeItem(sealedKeyItem, { iterations: 600_000, salt: 's', iv: 'i', data: 'd' });
    const list = [entry(1, 'needs_review'), entry(2, 'failed', { seen: false })];
    await showBadge(list);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: locked, not watching until unlocked. Before the lock: 1 watched needing review, 1 finished, not yet looked at',
    );
    const grey = await fakeBrowser.action.getBadgeBackgroundColor({});
    await showBadge([]);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: locked, not watching until unlocked',
    );
    // Unlocked: the count in its own colour again, and the title without the lock.
    await writeItem(sessionKeyItem, { apiKey: 'k', wrapKey: 'w' });
    await showBadge(list);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).not.toEqual(grey);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: 1 watched needing review, 1 finished, not yet looked at',
    );
  });

  it('while the last check failed keeps its count, grey, and says the statuses may be old', async () => {
    const list = [entry(1, 'needs_review'), entry(2, 'failed', { seen: false })];
    await showBadge(list);
    const orange = await fakeBrowser.action.getBadgeBackgroundColor({});
    await writeItem(pollStateItem, {
      failures: 1,
      lastSuccessAt: 1,
      lastError: { kind: 'network', message: 'Nothing answers' },
    });
    await showBadge(list);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).not.toEqual(orange);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: last check failed, statuses may be out of date. As of the last check that worked: 1 watched needing review, 1 finished, not yet looked at',
    );
    await showBadge([]);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: last check failed, statuses may be out of date',
    );
    // The next check that works clears the error: the count in its own colour again.
    await writeItem(pollStateItem, { failures: 0, lastSuccessAt: 2 });
    await showBadge(list);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual(orange);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: 1 watched needing review, 1 finished, not yet looked at',
    );
  });

  it('goes grey while the last check was turned away by the rate limit, not for a 429 another request met', async () => {
    const list = [entry(1, 'needs_review')];
    await showBadge(list);
    const orange = await fakeBrowser.action.getBadgeBackgroundColor({});
    const spent = { limit: 300, remaining: 0, resetAt: 90 };
    /** The badge's colour for the watcher's last attempt and success, and Persona's window. */
    const colourFor = async (lastAttemptAt: number, lastSuccessAt: number, rateLimit = spent) => {
      await writeItem(pollStateItem, { failures: 0, lastAttemptAt, lastSuccessAt, rateLimit });
      await showBadge(list);
      return fakeBrowser.action.getBadgeBackgroundColor({});
    };
    // A search met the 429: the watcher's own last check worked.
    expect(await colourFor(10, 12)).toEqual(orange);
    // The watcher's check met it, and none has been answered since.
    expect(await colourFor(20, 12)).not.toEqual(orange);
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Inquiry Desk: last check failed, statuses may be out of date. As of the last check that worked: 1 watched needing review',
    );
    // A check under way after one that worked is no refusal, nor one after a window spent
    // before it was sent (a search's 429, or the last of a window used), which has reset since.
    expect(await colourFor(30, 25, { ...spent, remaining: 120 })).toEqual(orange);
    expect(await colourFor(100, 25)).toEqual(orange);
  });

  it('says the lock, not a failed check, while locked; and nothing with no key saved', async () => {
    await writeItem(pollStateItem, { failures: 2, lastError: { kind: 'server', message: '503' } });
    await writeItem(sealedKeyItem, { iterations: 600_000, salt: 's', iv: 'i', data: 'd' });
    await showBadge([entry(1, 'needs_review')]);
    expect(await fakeBrowser.action.getTitle({})).toMatch(/^Inquiry Desk: locked, not watching/);
    await writeItem(sessionKeyItem, { apiKey: 'k', wrapKey: 'w' });
    await writeItem(keyInfoItem, null);
    await showBadge([entry(1, 'needs_review')]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Inquiry Desk');
  });

  it('draws one change after another, so the last asked for is the one shown', async () => {
    // The first drawing is slow to set its text (a busy browser): the second, asked for meanwhile,
    // must not finish first and be overwritten by the older one.
    const setText = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
    let calls = 0;
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async (details) => {
      if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      return setText(details);
    });
    const older = showBadge([entry(1, 'needs_review')]);
    const newer = showBadge([entry(1, 'needs_review'), entry(2, 'needs_review')]);
    await Promise.all([older, newer]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect(await fakeBrowser.action.getTitle({})).toBe('Inquiry Desk: 2 watched needing review');
  });

  it('refreshBadge reads the stored watchlist', async () => {
    await writeItem(watchlistItem, [entry(1, 'needs_review')]);
    await refreshBadge();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
