import { browser } from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import { watchItem } from '../../shared/storage.ts';
import { settingsItem } from '../../shared/storage-items.ts';
import type { Gate } from '../start-up.ts';
import { createLookupMenu, handleMenuClick } from './context-menu.ts';
import { trackLookupSwitches } from './lookup-switch.ts';
import { enterLookup, suggestForInput } from './omnibox.ts';

/** Called synchronously at the top of the worker, so these events can wake it. */
export function registerLookupListeners(after: Gate['after']): void {
  trackLookupSwitches();
  browser.runtime.onInstalled.addListener(after(createLookupMenu));
  let menuOn: boolean | undefined;
  watchItem(
    settingsItem,
    after((settings) => {
      if (settings.contextMenuLookup !== menuOn) void createLookupMenu();
      menuOn = settings.contextMenuLookup;
    }),
  );
  // Not behind `after`: the side panel must open inside the click's user gesture, which an await
  // would end; openLookup opens it first and then waits for start-up (start-up.ts whenStarted).
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void handleMenuClick(info, tab);
  });
  browser.omnibox.setDefaultSuggestion({
    description: t('omniboxDefault'),
  });
  browser.omnibox.onInputChanged.addListener(after(suggestForInput));
  // The same user-gesture rule as the menu click above.
  browser.omnibox.onInputEntered.addListener((text) => {
    void enterLookup(text);
  });
}
