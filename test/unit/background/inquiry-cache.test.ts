import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { CACHE_KEYS } from '../../../bench/seed-extension.ts';
import { cachedInquiry, rememberInquiry } from '../../../src/background/inquiry-cache.ts';
import {
  cachedInquiryItem,
  inquiryCacheIndexItem,
} from '../../../src/shared/generated/stored-items.ts';
import { keyedItem } from '../../../src/shared/keyed-item.ts';
import type { InquiryView } from '../../../src/shared/persona/view-model.ts';
import { SAVED_MASKED, withKeySaved } from './key-saved.ts';

const view = (id: string, status = 'completed') => ({ id, status }) as InquiryView;
const idOf = (i: number) => `inq_${1000000 + i}`;

withKeySaved();

describe('inquiry cache', () => {
  it('keeps each view under a key of its own, and reads back only that one', async () => {
    await rememberInquiry(view(idOf(1)), 10, SAVED_MASKED);
    await rememberInquiry(view(idOf(2), 'approved'), 20, SAVED_MASKED);
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored).sort()).toEqual(
      [`inquiry:${idOf(1)}`, `inquiry:${idOf(2)}`, 'inquiryCacheIndex'].sort(),
    );
    expect(stored.inquiryCacheIndex).toEqual({ [idOf(1)]: 10, [idOf(2)]: 20 });
    expect(await cachedInquiry(idOf(2))).toEqual({
      inquiry: view(idOf(2), 'approved'),
      fetchedAt: 20,
    });
    expect(await cachedInquiry(idOf(3))).toBeUndefined();
  });

  it('a newer fetch replaces the view and its time', async () => {
    await rememberInquiry(view(idOf(1), 'pending'), 10, SAVED_MASKED);
    await rememberInquiry(view(idOf(1), 'completed'), 30, SAVED_MASKED);
    expect(await cachedInquiry(idOf(1))).toEqual({ inquiry: view(idOf(1)), fetchedAt: 30 });
    expect((await fakeBrowser.storage.session.get('inquiryCacheIndex')).inquiryCacheIndex).toEqual({
      [idOf(1)]: 30,
    });
  });

  it('keeps the 100 most recently fetched views and drops the older ones with their keys', async () => {
    for (let i = 0; i < 103; i++) await rememberInquiry(view(idOf(i)), 1_000 + i, SAVED_MASKED);
    const stored = await fakeBrowser.storage.session.get(null);
    const views = Object.keys(stored).filter((key) => key.startsWith('inquiry:'));
    expect(views).toHaveLength(100);
    expect(Object.keys(stored.inquiryCacheIndex as object)).toHaveLength(100);
    for (const dropped of [0, 1, 2]) {
      expect(await cachedInquiry(idOf(dropped))).toBeUndefined();
      expect(stored.inquiryCacheIndex).not.toHaveProperty(idOf(dropped));
    }
    expect((await cachedInquiry(idOf(3)))?.fetchedAt).toBe(1_003);
  });

  it('is the layout the bench seeds and times', () => {
    expect(CACHE_KEYS.viewPrefix + idOf(1)).toBe(keyedItem(cachedInquiryItem, idOf(1)).key);
    expect(CACHE_KEYS.index).toBe(inquiryCacheIndexItem.key);
  });

  it('a stored view that fails its check reads as not cached', async () => {
    await fakeBrowser.storage.session.set({ [`inquiry:${idOf(1)}`]: { inquiry: { id: 7 } } });
    expect(await cachedInquiry(idOf(1))).toBeUndefined();
  });
});
