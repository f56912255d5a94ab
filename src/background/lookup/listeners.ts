import { browser } from '../../shared/browser.ts';
import { t } from '../../shared/i18n.ts';
import type { Gate } from '../start-up.ts';
import { createLookupMenu, handleMenuClick } from './context-menu.ts';
import { enterLookup, suggestForInput } from './omnibox.ts';

/** Called synchronously at the top of the worker, so these events can wake it. */
export function registerLookupListeners(after: Gate['after']): void {
  browser.runtime.onInstalled.addListener(after(createLookupMenu));
  browser.contextMenus.onClicked.addListener(after(handleMenuClick));
  browser.omnibox.setDefaultSuggestion({
    description: t('omniboxDefault'),
  });
  browser.omnibox.onInputChanged.addListener(after(suggestForInput));
  browser.omnibox.onInputEntered.addListener(after(enterLookup));
}
