import { describe, expect, it } from 'vitest';
import { editItem } from '../../../src/background/edit-item.ts';
import { rememberInquiry } from '../../../src/background/inquiry-cache.ts';
import { keyedItem } from '../../../src/shared/keyed-item.ts';
import type { InquiryView } from '../../../src/shared/persona/view-model.ts';
import { readItem } from '../../../src/shared/storage.ts';
import {
  cachedInquiryItem,
  inquiryCacheIndexItem,
  recentLookupsItem,
} from '../../../src/shared/storage-items.ts';
import { SAVED_MASKED, withKeySaved } from './key-saved.ts';

withKeySaved();

describe('editItem', () => {
  it('runs concurrent edits of one item one after another, losing none', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        editItem(recentLookupsItem, (list) => ({
          value: [...list, `ref-${i}`],
          result: undefined,
        })),
      ),
    );
    expect(await readItem(recentLookupsItem)).toHaveLength(50);
  });

  it('keeps every inquiry of fifty fetched at once in the session cache', async () => {
    const view = (id: string) => ({ id, status: 'completed' }) as InquiryView;
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        rememberInquiry(view(`inq_${1000000 + i}`), i, SAVED_MASKED),
      ),
    );
    expect(Object.keys(await readItem(inquiryCacheIndexItem))).toHaveLength(50);
    for (let i = 0; i < 50; i++) {
      const id = `inq_${1000000 + i}`;
      expect((await readItem(keyedItem(cachedInquiryItem, id)))?.inquiry.id).toBe(id);
    }
  });

  it('goes on after a failed edit and returns each edit its own result', async () => {
    const failed = editItem(recentLookupsItem, () => {
      throw new Error('edit failed');
    });
    const next = editItem(recentLookupsItem, (list) => ({ value: ['ok'], result: list.length }));
    await expect(failed).rejects.toThrow('edit failed');
    expect(await next).toBe(0);
    expect(await readItem(recentLookupsItem)).toEqual(['ok']);
  });
});
