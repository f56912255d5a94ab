// browser.ts's getters for the side panel (Chrome) and the sidebar (Firefox), beside it: the
// desk's first screen loads browser.ts and opens no panel, so these come with the pages and the
// worker that do (docs/architecture.md, Budgets). Looked up at the call, so a test's stand-in for
// either API is the one found.
import { scope } from './browser.ts';

/**
 * chrome.sidePanel has no polyfill (Chrome-only, https://developer.chrome.com/docs/extensions/reference/api/sidePanel);
 * undefined where the browser lacks it, so callers fall back to a tab.
 */
export function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  return globalThis.chrome?.sidePanel;
}

/**
 * Firefox's sidebar (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/open),
 * the side panel's page there; undefined in Chrome. It opens only inside a user action (a menu
 * item chosen, a suggestion of the address bar's picked), else its promise rejects.
 */
export function firefoxSidebar(): { open(): Promise<void> } | undefined {
  return (scope.browser as { sidebarAction?: { open(): Promise<void> } } | undefined)
    ?.sidebarAction;
}
