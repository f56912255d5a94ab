import { recentLookupsItem } from '../shared/generated/stored-items.ts';
import { updateItem } from './edit-item.ts';
import { dropIfKeyGone } from './key-custody.ts';

const MAX_RECENT = 10;

// In storage.session only (storage-items.ts): gone when the browser closes or the desk locks.

/**
 * Remembers a lookup (an inquiry id or reference id), newest first, without duplicates. `masked`:
 * the key of the answer that showed the text is a reference id (see dropIfKeyGone), or
 * undefined for an inquiry id remembered as typed, before any request.
 */
export async function rememberLookup(text: string, masked: string | undefined): Promise<void> {
  await updateItem(recentLookupsItem, (recent) =>
    [text, ...recent.filter((r) => r !== text)].slice(0, MAX_RECENT),
  );
  await dropIfKeyGone(masked, recentLookupsItem.key);
}
