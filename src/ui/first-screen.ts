// What the desk's first screen shows from storage, read before the popup or side panel renders
// (see readEarly), so the first frame already holds the watchlist, and a locked desk never shows a
// frame of it.
import { sealedKeyItem, unlockStateItem } from '../shared/lock-items.ts';
import type { StorageItem } from '../shared/storage.ts';
import {
  keyInfoItem,
  panelRouteItem,
  pollStateItem,
  recentLookupsItem,
  watchlistItem,
} from '../shared/storage-items.ts';
import { readEarly } from './use-stored.ts';

const FIRST_SCREEN: readonly StorageItem<never>[] = [
  panelRouteItem,
  sealedKeyItem,
  unlockStateItem,
  keyInfoItem,
  watchlistItem,
  pollStateItem,
  recentLookupsItem,
] as StorageItem<never>[];

// Started as this module is evaluated: the entry points import it before Preact and the views, so
// the storage call overlaps their evaluation.
const firstReads = readEarly(FIRST_SCREEN);

/**
 * Renders once the first screen's items are read, or after `waitMs` whatever happened (a storage
 * call that hangs must not keep the page blank: the views then read as they always have).
 */
export function renderAfterFirstReads(render: () => void, waitMs = 150): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    render();
  };
  firstReads.then(go, go);
  setTimeout(go, waitMs);
}
