// Shows a looked-up inquiry or search beside the page: in Chrome's side panel or Firefox's
// sidebar where one opens, else in a tab with the popup's page. The route goes through
// storage.session, never a URL, so a panel that is already open follows it too and History never
// holds the looked-up text.
import { browser } from '../../shared/browser.ts';
import { panelRouteItem } from '../../shared/generated/stored-items.ts';
import { LOOKUP_TAB_PARAM } from '../../shared/lookup-tab.ts';
import { openPanel } from '../../shared/open-panel.ts';
import { writeItem } from '../../shared/storage.ts';
import { inCustody, isLocked } from '../key-custody.ts';
import { whenStarted } from '../start-up.ts';
import { routeLookup } from './route-lookup.ts';

/** `WINDOW_ID_CURRENT`: asking for the window first would await and lose the user gesture. */
export const CURRENT_WINDOW = -2;

/**
 * `sidePanel.open` (and `sidebarAction.open`) must run inside the user gesture, before any await
 * (https://developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open), so it is
 * called first and the route is written after; the panel reads the route whenever it changes.
 */
export async function openLookup(text: string, windowId: number | undefined): Promise<boolean> {
  const route = routeLookup(text, Date.now());
  if (!route) return false;
  // Firefox's sidebar opens in the current window, the one a menu or the address bar was used
  // in; not from a notification's click, which is no user action there: that one gets a tab, as
  // does a refusal.
  const opened = openPanel(windowId).then(
    () => true,
    () => false,
  );
  // The gesture-bound call is made; now the start-up gate, like every other listener.
  await whenStarted();
  // A locked desk keeps no personal data in memory (key-custody.ts): a looked-up text is not
  // kept for after the unlock; an inquiry id, which is none, is. In the key's custody, so no lock
  // or unlock comes between the look and the write.
  await inCustody(async () =>
    writeItem(panelRouteItem, route.search && (await isLocked()) ? { at: route.at } : route),
  );
  if (!(await opened)) {
    await browser.tabs.create({
      // An inquiry id is no personal data; any other looked-up text stays out of the URL.
      url: browser.runtime.getURL(
        `src/popup/index.html?${route.inquiry ? `inquiry=${route.inquiry}` : LOOKUP_TAB_PARAM}`,
      ),
    });
  }
  return true;
}
