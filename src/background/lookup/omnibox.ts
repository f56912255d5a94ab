// The `kyc` address-bar keyword: `kyc inq_…` opens that inquiry, `kyc <reference id>` searches.
import type { Omnibox } from '../../shared/browser.ts';
import { readItems } from '../../shared/storage.ts';
import { recentLookupsItem, watchlistItem } from '../../shared/storage-items.ts';
import { suggestLookups } from './omnibox-suggestions.ts';
import { CURRENT_WINDOW, openLookup } from './open-lookup.ts';

export async function suggestForInput(
  text: string,
  suggest: (suggestions: Omnibox.SuggestResult[]) => void,
): Promise<void> {
  const [watchlist, recent] = await readItems([watchlistItem, recentLookupsItem] as const);
  suggest(suggestLookups(text, watchlist, recent));
}

export function enterLookup(text: string): Promise<boolean> {
  return openLookup(text, CURRENT_WINDOW);
}
