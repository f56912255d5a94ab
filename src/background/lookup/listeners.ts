import { browser } from '../../shared/browser.ts';
import { watchItem } from '../../shared/storage.ts';
import { settingsItem } from '../../shared/storage-items.ts';
import { createLookupMenu, handleMenuClick } from './context-menu.ts';
import { trackLookupSwitches } from './lookup-switch.ts';
import { enterLookup, suggestForInput } from './omnibox.ts';

/** Called synchronously at the top of the worker, so these events can wake it. */
export function registerLookupListeners(): void {
  trackLookupSwitches();
  browser.runtime.onInstalled.addListener(() => {
    void createLookupMenu();
  });
  let menuOn: boolean | undefined;
  watchItem(settingsItem, (settings) => {
    if (settings.contextMenuLookup !== menuOn) void createLookupMenu();
    menuOn = settings.contextMenuLookup;
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(info, tab);
  });
  browser.omnibox.setDefaultSuggestion({
    description: 'Inquiry Desk: look up an inq_… id or a reference ID',
  });
  browser.omnibox.onInputChanged.addListener((text, suggest) => {
    void suggestForInput(text, suggest);
  });
  browser.omnibox.onInputEntered.addListener((text) => {
    void enterLookup(text);
  });
}
