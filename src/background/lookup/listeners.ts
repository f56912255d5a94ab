import { browser } from '../../shared/browser.ts';
import { createLookupMenu, handleMenuClick } from './context-menu.ts';
import { enterLookup, suggestForInput } from './omnibox.ts';

/** Called synchronously at the top of the worker, so these events can wake it. */
export function registerLookupListeners(): void {
  browser.runtime.onInstalled.addListener(() => {
    void createLookupMenu();
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
