// One bad stored entry is dropped alone, and a value that cannot be read is never overwritten.
import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src/background/audit/append.ts';
import { unwatch } from '../../../src/background/handlers/watch.ts';
import { readItem } from '../../../src/shared/storage.ts';
import { linksItem, settingsItem, watchlistItem } from '../../../src/shared/storage-items.ts';

const entry = (i: number) => ({
  id: `inq_watch${String(i).padStart(6, '0')}`,
  status: 'pending',
  addedAt: i,
  changedAt: i,
  seen: true,
});

describe('entry-by-entry storage reads', () => {
  it('one bad watchlist entry is dropped alone, and an unwatch keeps the other 49', async () => {
    const list: unknown[] = Array.from({ length: 50 }, (_, i) => entry(i));
    list[7] = { id: 42, status: null };
    await fakeBrowser.storage.local.set({ watchlist: list });
    expect(await readItem(watchlistItem)).toHaveLength(49);
    await unwatch({ type: 'unwatch', id: entry(3).id });
    const stored = (await fakeBrowser.storage.local.get('watchlist')).watchlist as unknown[];
    expect(stored).toHaveLength(48);
  });

  it('one out-of-range setting falls back alone', async () => {
    await fakeBrowser.storage.local.set({
      settings: { pollSeconds: 5, notifications: false, defaultTemplateId: 'itmpl_Keep01' },
    });
    const settings = await readItem(settingsItem);
    expect(settings.pollSeconds).toBe(60);
    expect(settings.notifications).toBe(false);
    expect(settings.defaultTemplateId).toBe('itmpl_Keep01');
  });

  it('one bad session record value is dropped alone', async () => {
    await fakeBrowser.storage.session.set({
      links: {
        inq_good000001: { url: 'https://withpersona.com/verify?code=a', createdAt: 1 },
        inq_bad0000001: { url: 7 },
      },
    });
    expect(Object.keys(await readItem(linksItem))).toEqual(['inq_good000001']);
  });

  it('an item that cannot be read at all is left as stored, not replaced by an edit', async () => {
    await fakeBrowser.storage.local.set({ watchlist: 'garbled' });
    await expect(unwatch({ type: 'unwatch', id: entry(1).id })).rejects.toThrow(
      /could not be read/,
    );
    expect((await fakeBrowser.storage.local.get('watchlist')).watchlist).toBe('garbled');
    await fakeBrowser.storage.local.set({ auditTrail: { not: 'a trail' } });
    await expect(
      appendAudit({ at: 1, reviewer: 'k', action: 'approve', outcome: 'ok' }),
    ).rejects.toThrow(/could not be read/);
    expect((await fakeBrowser.storage.local.get('auditTrail')).auditTrail).toEqual({
      not: 'a trail',
    });
  });
});
