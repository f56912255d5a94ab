import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { startUp } from '../../../../src/background/start-up.ts';
import { WATCH_ALARM } from '../../../../src/background/watch/alarm.ts';
import { registerWatchListeners } from '../../../../src/background/watch/listeners.ts';
import { notificationId } from '../../../../src/background/watch/notify.ts';
import { startCycle } from '../../../../src/background/watch/poller.ts';
import { DeskError } from '../../../../src/shared/errors.ts';
import { defaultSettings } from '../../../../src/shared/settings.ts';
import { readItem, writeItem } from '../../../../src/shared/storage.ts';
import {
  keyInfoItem,
  pollStateItem,
  settingsItem,
  watchlistItem,
} from '../../../../src/shared/storage-items.ts';
import { entry, inquiryId } from './fixtures.ts';

beforeEach(async () => {
  await writeItem(keyInfoItem, {
    masked: 'persona_sandbox_…1a2b',
    environment: 'sandbox' as const,
    savedAt: 1,
  });
  registerWatchListeners(startUp([]).after);
});

describe('the watcher’s listeners', () => {
  it('create the alarm and show the badge on install and on browser start', async () => {
    await writeItem(watchlistItem, [entry(1, 'needs_review')]);
    await fakeBrowser.action.setBadgeText({ text: '' });
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect((await fakeBrowser.alarms.get(WATCH_ALARM))?.periodInMinutes).toBe(1);
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toBeDefined();
  });

  it('update the badge whenever anyone writes the watchlist', async () => {
    await writeItem(watchlistItem, [entry(1, 'completed', { seen: false })]);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
    await writeItem(watchlistItem, [entry(1, 'completed', { seen: true })]);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('take the badge away with a removed key, and bring it back with a saved one', async () => {
    await writeItem(watchlistItem, [entry(1, 'needs_review')]);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
    await writeItem(keyInfoItem, null);
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('');
    await writeItem(keyInfoItem, {
      masked: 'persona_sandbox_…1a2b',
      environment: 'sandbox' as const,
      savedAt: 1,
    });
    await expect.poll(() => fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it("forget the old key's rate-limit window once another key is saved", async () => {
    const spent = { limit: 300, remaining: 0, resetAt: Date.now() + 20_000 };
    await writeItem(pollStateItem, { failures: 0, holdUntil: spent.resetAt, rateLimit: spent });
    await writeItem(keyInfoItem, {
      masked: 'persona_production_…9z8y',
      environment: 'production' as const,
      savedAt: 2,
    });
    await expect.poll(async () => (await readItem(pollStateItem)).rateLimit).toBeUndefined();
    expect((await readItem(pollStateItem)).holdUntil).toBeUndefined();
  });

  it('wait for a cycle the old key was running before they forget its window', async () => {
    await writeItem(watchlistItem, [entry(1)]);
    let release = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The old key's cycle, out when the new key is saved; Persona answers it with a 429.
    const old = startCycle('alarm', {
      openClient: async () => ({
        getInquiry: async () => {
          throw new Error('not asked');
        },
        listInquiries: async () => {
          await answered;
          throw new DeskError({ kind: 'rate_limited', message: 'wait', retryAfterSeconds: 20 });
        },
      }),
      notify: async () => {},
      now: Date.now,
    });
    await writeItem(keyInfoItem, {
      masked: 'persona_production_…9z8y',
      environment: 'production' as const,
      savedAt: 3,
    });
    release();
    expect((await old).outcome).toBe('rate_limited');
    // Its state, written as it ended, is the old key's: gone once the new key's turn comes, whose
    // own cycle then runs (with no key in this test's worker, it says so).
    await expect.poll(async () => (await readItem(pollStateItem)).lastError?.kind).toBe('no_key');
    expect((await readItem(pollStateItem)).rateLimit).toBeUndefined();
  });

  it('follow the poll period in the options', async () => {
    await writeItem(settingsItem, { ...defaultSettings(), pollSeconds: 120 });
    await expect
      .poll(async () => (await fakeBrowser.alarms.get(WATCH_ALARM))?.periodInMinutes)
      .toBe(2);
  });

  it('run a cycle on the alarm', async () => {
    await writeItem(watchlistItem, [entry(1)]);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: WATCH_ALARM,
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    });
    // No key in this test, so the cycle records why it could not ask.
    expect((await readItem(pollStateItem)).lastError?.kind).toBe('no_key');
  });

  it('open the inquiry when its notification is clicked', async () => {
    await fakeBrowser.notifications.onClicked.trigger(notificationId(inquiryId(4)));
    await expect
      .poll(async () => (await fakeBrowser.tabs.query({})).at(-1)?.url)
      .toContain(`?inquiry=${inquiryId(4)}`);
  });
});
