// Inquiry views hold personal data, so they live in storage.session (memory only). Each view has
// a key of its own (storage-items.ts `cachedInquiryItem`), so reading or writing one never moves
// the others; an index of when each was fetched keeps the cache to the most recent views.

import { browser } from '../shared/browser.ts';
import { cachedInquiryItem, inquiryCacheIndexItem } from '../shared/generated/stored-items.ts';
import { keyedItem } from '../shared/keyed-item.ts';
import type { InquiryView } from '../shared/persona/view-model.ts';
import { readItem, writeItem } from '../shared/storage.ts';
import { editItem } from './edit-item.ts';
import { dropIfKeyGone } from './key-custody.ts';

const MAX_CACHED = 100;

const viewItem = (id: string) => keyedItem(cachedInquiryItem, id);

/** `masked`: the key the view was read with (keyInfo.masked); see dropIfKeyGone. */
export async function rememberInquiry(
  inquiry: InquiryView,
  fetchedAt: number,
  masked: string,
): Promise<void> {
  const item = viewItem(inquiry.id);
  await writeItem(item, { inquiry, fetchedAt });
  // Edits of the index run one after another (edit-item.ts); the views they drop go after.
  const dropped = await editItem(inquiryCacheIndexItem, (index) => {
    const next = { ...index, [inquiry.id]: fetchedAt };
    const ids = Object.keys(next);
    if (ids.length <= MAX_CACHED) return { value: next, result: [] as string[] };
    const oldestFirst = ids.sort((a, b) => (next[a] ?? 0) - (next[b] ?? 0));
    const gone = oldestFirst.slice(0, ids.length - MAX_CACHED);
    for (const id of gone) delete next[id];
    return { value: next, result: gone };
  });
  // A view dropped here while another request was writing it again is only fetched anew.
  if (dropped.length > 0) {
    await browser.storage.session.remove(dropped.map((id) => viewItem(id).key));
  }
  await dropIfKeyGone(masked, item.key, inquiryCacheIndexItem.key);
}

export async function cachedInquiry(
  id: string,
): Promise<{ inquiry: InquiryView; fetchedAt: number } | undefined> {
  return (await readItem(viewItem(id))) ?? undefined;
}
