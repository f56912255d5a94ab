// The `kyc` address-bar keyword: `kyc inq_…` opens that inquiry, `kyc <reference id>` searches.
import type { Omnibox } from '../../shared/browser.ts';
import {
  recentLookupsItem,
  settingsItem,
  watchlistItem,
} from '../../shared/generated/stored-items.ts';
import { readItems } from '../../shared/storage.ts';
import { readKey } from '../key-custody.ts';
import { openIfOn } from './lookup-switch.ts';
import { suggestLookups } from './omnibox-suggestions.ts';
import { CURRENT_WINDOW, openLookup } from './open-lookup.ts';

export async function suggestForInput(
  text: string,
  suggest: (suggestions: Omnibox.SuggestResult[]) => void,
): Promise<void> {
  const [watchlist, recent, settings] = await readItems([
    watchlistItem,
    recentLookupsItem,
    settingsItem,
  ] as const);
  // Locked, or with no key (Remove key keeps the watchlist for the next one), the address bar
  // lists nothing the desk would not show: the watchlist's reference IDs may name a customer (an
  // email address, say). An empty list says so at once, rather than leave the last keystroke's.
  const open = settings.addressBarLookup && (await readKey().catch(() => null));
  suggest(open ? suggestLookups(text, watchlist, recent) : []);
}

/** Turned off by policy (or setting): the keyword then does nothing. */
export function enterLookup(text: string): Promise<boolean> {
  return openIfOn('addressBarLookup', (windowId) => openLookup(text, windowId), CURRENT_WINDOW);
}
