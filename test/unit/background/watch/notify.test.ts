import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import {
  describeChanges,
  inquiryOfNotification,
  MAX_SINGLE,
  notificationId,
  notifyChanges,
  openFromNotification,
  SUMMARY_ID,
} from '../../../../src/background/watch/notify.ts';
import { readItem, writeItem } from '../../../../src/shared/storage.ts';
import { watchlistItem } from '../../../../src/shared/storage-items.ts';
import { entry, inquiryId } from './fixtures.ts';

const change = (n: number, to = 'approved', from = 'completed') => ({ id: inquiryId(n), from, to });

describe('notifications', () => {
  it('say which inquiry and its new status in words, and nothing personal', () => {
    expect(describeChanges([change(1)])).toEqual([
      {
        id: notificationId(inquiryId(1)),
        title: `Approved: inquiry ${inquiryId(1)}`,
        message: 'Before: Completed, awaiting decision. Click to open it.',
      },
    ]);
    // A status Persona adds later is said as it is sent, made readable.
    expect(describeChanges([change(2, 'needs_review', 'some_new_status')])[0]).toMatchObject({
      title: `Needs review: inquiry ${inquiryId(2)}`,
      message: 'Before: Some new status. Click to open it.',
    });
  });

  it("name the inquiry by its reference ID, with its id's end, only when the settings say so", () => {
    const named = { ...change(3, 'needs_review'), referenceId: 'ada@example.com' };
    expect(describeChanges([named])[0]?.title).toBe(`Needs review: inquiry ${inquiryId(3)}`);
    expect(describeChanges([named], true)[0]?.title).toBe(
      `Needs review: inquiry ada@example.com (…${inquiryId(3).slice(-5)})`,
    );
    // None to name it by: its id, as before.
    expect(describeChanges([change(4)], true)[0]?.title).toBe(`Approved: inquiry ${inquiryId(4)}`);
    // The summary's lines too.
    const many = [1, 2, 3, 4].map((n) => ({ ...change(n), referenceId: `chat-${n}` }));
    expect(describeChanges(many, true)[0]?.message.split('\n')[0]).toBe(
      `chat-1 (…${inquiryId(1).slice(-5)}): Approved`,
    );
    expect(describeChanges(many)[0]?.message).not.toContain('chat-');
  });

  it('carry the inquiry id in the notification id, so a click survives a worker restart', () => {
    const id = notificationId('inq_ABC123');
    expect(inquiryOfNotification(id)).toBe('inq_ABC123');
    expect(inquiryOfNotification(SUMMARY_ID)).toBeNull();
    expect(inquiryOfNotification('someone-elses')).toBeUndefined();
  });

  it(`become one summary for more than ${MAX_SINGLE} changes in a cycle`, () => {
    const many = Array.from({ length: 8 }, (_, i) => change(i + 1));
    const [only, ...rest] = describeChanges(many);
    expect(rest).toEqual([]);
    expect(only?.id).toBe(SUMMARY_ID);
    expect(only?.title).toBe('8 watched inquiries changed');
    expect(only?.message.split('\n')).toHaveLength(6);
  });

  it('name in a summary first what needs the reviewer, so none of it is only "1 more"', () => {
    const approved = Array.from({ length: 6 }, (_, i) => change(i + 1));
    const failed = change(7, 'failed', 'pending');
    const review = change(8, 'needs_review', 'completed');
    const lines = describeChanges([...approved, failed, review])[0]?.message.split('\n');
    expect(lines?.slice(0, 2)).toEqual([
      `${inquiryId(7)}: Failed`,
      `${inquiryId(8)}: Needs review`,
    ]);
    // The others keep the cycle's order.
    expect(lines?.slice(2)).toEqual([
      `${inquiryId(1)}: Approved`,
      `${inquiryId(2)}: Approved`,
      `${inquiryId(3)}: Approved`,
      'and 3 more',
    ]);
  });

  it('are created with their ids; repeating a cycle replaces them instead of adding', async () => {
    await notifyChanges([change(1), change(2, 'needs_review')], false);
    await notifyChanges([change(1)], false);
    expect(Object.keys(await fakeBrowser.notifications.getAll()).sort()).toEqual([
      notificationId(inquiryId(1)),
      notificationId(inquiryId(2)),
    ]);
    const options = fakeBrowser.notifications.getAllCreateOptions();
    expect(options[notificationId(inquiryId(2))]).toMatchObject({
      type: 'basic',
      iconUrl: expect.stringContaining('icons/icon-128.png'),
    });
  });

  it('open the inquiry in the popup page on click, mark it seen and go away', async () => {
    await writeItem(watchlistItem, [
      entry(7, 'completed', { seen: false }),
      entry(8, 'failed', { seen: false }),
    ]);
    const id = notificationId(inquiryId(7));
    await notifyChanges([change(7, 'completed', 'pending')], false);
    await openFromNotification(id);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.at(-1)?.url).toBe(
      `chrome-extension://${fakeBrowser.runtime.id}/src/popup/index.html?inquiry=${inquiryId(7)}`,
    );
    expect((await readItem(watchlistItem)).map((e) => e.seen)).toEqual([true, false]);
    // A side panel already open follows the click too.
    expect((await fakeBrowser.storage.session.get('panelRoute')).panelRoute).toMatchObject({
      inquiry: inquiryId(7),
    });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('the summary opens the watchlist; clicks on other notifications are ignored', async () => {
    const before = (await fakeBrowser.tabs.query({})).length;
    await openFromNotification('not-ours');
    expect(await fakeBrowser.tabs.query({})).toHaveLength(before);
    await openFromNotification(SUMMARY_ID);
    // On home, not on the inquiry the toolbar popup showed last (app.tsx).
    expect((await fakeBrowser.tabs.query({})).at(-1)?.url).toMatch(
      /src\/popup\/index\.html\?home$/,
    );
  });
});
