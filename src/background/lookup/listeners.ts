import { browser } from '../../shared/browser.ts';
import { settingsItem } from '../../shared/generated/stored-items.ts';
import { t } from '../../shared/i18n.ts';
import { watchItem } from '../../shared/storage.ts';
import type { Gate } from '../start-up.ts';
import { createLookupMenu, handleMenuClick } from './context-menu.ts';
import { trackLookupSwitches } from './lookup-switch.ts';
import { enterLookup, suggestForInput } from './omnibox.ts';

/** The hint shown under the `kyc` keyword. */
function setOmniboxHint(): void {
  browser.omnibox.setDefaultSuggestion({ description: t('omniboxDefault') });
}

/**
 * Whether the browser keeps the keyword's hint while the background is stopped. Chromium stores
 * it in the extension's prefs and reads it there whenever the keyword is typed
 * (https://source.chromium.org/chromium/chromium/src/+/main:chrome/browser/extensions/api/omnibox/omnibox_api.cc,
 * `SetOmniboxDefaultSuggestion`), so its service worker sets it on install or update and at
 * browser start (a new UI language) only, not at each of its many restarts, where the call cost
 * every first answer about half a millisecond (docs/benchmarks.md, cold start). Firefox runs the
 * background as a page, not a service worker, and it keeps setting the hint at every start.
 */
function keepsOmniboxHint(): boolean {
  return 'ServiceWorkerGlobalScope' in globalThis;
}

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
  if (keepsOmniboxHint()) {
    browser.runtime.onInstalled.addListener(after(setOmniboxHint));
    browser.runtime.onStartup.addListener(after(setOmniboxHint));
  } else {
    setOmniboxHint();
  }
  browser.omnibox.onInputChanged.addListener(after(suggestForInput));
  // The same user-gesture rule as the menu click above.
  browser.omnibox.onInputEntered.addListener((text) => {
    void enterLookup(text);
  });
}
