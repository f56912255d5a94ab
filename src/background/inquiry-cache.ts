// Inquiry views hold personal data, so they live in storage.session (memory only). Kept small:
// the most recently fetched views only.

import { inquiryCacheItem } from '../shared/generated/stored-items.ts';
import type { InquiryView } from '../shared/persona/view-model.ts';
import { readItem } from '../shared/storage.ts';
import { editItem } from './edit-item.ts';

const MAX_CACHED = 100;

export async function rememberInquiry(inquiry: InquiryView, fetchedAt: number): Promise<void> {
  await editItem(inquiryCacheItem, (cache) => {
    const next = { ...cache, [inquiry.id]: { inquiry, fetchedAt } };
    const ids = Object.keys(next);
    if (ids.length > MAX_CACHED) {
      const oldestFirst = ids.sort((a, b) => (next[a]?.fetchedAt ?? 0) - (next[b]?.fetchedAt ?? 0));
      for (const id of oldestFirst.slice(0, ids.length - MAX_CACHED)) delete next[id];
    }
    return { value: next, result: undefined };
  });
}

export async function cachedInquiry(
  id: string,
): Promise<{ inquiry: InquiryView; fetchedAt: number } | undefined> {
  return (await readItem(inquiryCacheItem))[id];
}
