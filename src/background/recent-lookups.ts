import { readItem, writeItem } from '../shared/storage.ts';
import { recentLookupsItem } from '../shared/storage-items.ts';

const MAX_RECENT = 10;

/** Remembers a lookup (an inquiry id or reference id), newest first, without duplicates. */
export async function rememberLookup(text: string): Promise<void> {
  const recent = await readItem(recentLookupsItem);
  await writeItem(
    recentLookupsItem,
    [text, ...recent.filter((r) => r !== text)].slice(0, MAX_RECENT),
  );
}
