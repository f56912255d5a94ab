// "Look up in Inquiry Desk" on selected text. Uses the menu's own selectionText: no content
// script and no permission for the page (https://developer.chrome.com/docs/extensions/reference/api/contextMenus).
import { browser, type Menus, type Tabs } from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { lookupOn, openIfOn } from './lookup-switch.ts';
import { openLookup } from './open-lookup.ts';

export const LOOKUP_MENU_ID = 'inquiry-desk-lookup';

/**
 * Menus survive restarts but not updates; recreate them on install (removeAll avoids dupes), and
 * whenever the setting changes: turned off (by policy or setting), there is no menu item at all.
 */
export async function createLookupMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  if (!(await lookupOn('contextMenuLookup'))) return;
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: t('lookUpMenu'),
    contexts: ['selection'],
  });
}

export function handleMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<boolean> {
  if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return Promise.resolve(false);
  const text = info.selectionText;
  return openIfOn('contextMenuLookup', (windowId) => openLookup(text, windowId), tab?.windowId);
}
