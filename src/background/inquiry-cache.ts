// Inquiry views hold personal data, so they live in storage.session (memory only). Kept small:
// the most recently fetched views only.
import type { InquiryView } from '../shared/persona/view-model.ts';
import { readItem, writeItem } from '../shared/storage.ts';
import { inquiryCacheItem } from '../shared/storage-items.ts';

const MAX_CACHED = 100;

export async function rememberInquiry(inquiry: InquiryView, fetchedAt: number): Promise<void> {
  const cache = await readItem(inquiryCacheItem);
  cache[inquiry.id] = { inquiry, fetchedAt };
  const ids = Object.keys(cache);
  if (ids.length > MAX_CACHED) {
    const oldestFirst = ids.sort((a, b) => (cache[a]?.fetchedAt ?? 0) - (cache[b]?.fetchedAt ?? 0));
    for (const id of oldestFirst.slice(0, ids.length - MAX_CACHED)) delete cache[id];
  }
  await writeItem(inquiryCacheItem, cache);
}

export async function cachedInquiry(
  id: string,
): Promise<{ inquiry: InquiryView; fetchedAt: number } | undefined> {
  return (await readItem(inquiryCacheItem))[id];
}
