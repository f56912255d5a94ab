// "Look up in Inquiry Desk" on selected text. Uses the menu's own selectionText: no content
// script and no permission for the page (https://developer.chrome.com/docs/extensions/reference/api/contextMenus).
import { browser, type Menus, type Tabs } from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { openLookup } from './open-lookup.ts';

export const LOOKUP_MENU_ID = 'inquiry-desk-lookup';

/** Menus survive restarts but not updates; recreate them on install (removeAll avoids dupes). */
export async function createLookupMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: LOOKUP_MENU_ID,
    title: t('lookUpMenu'),
    contexts: ['selection'],
  });
}

export function handleMenuClick(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<boolean> {
  if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return Promise.resolve(false);
  return openLookup(info.selectionText, tab?.windowId);
}
