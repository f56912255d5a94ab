// The one module that touches the extension API. Everything else imports from here, so unit
// tests can swap it for @webext-core/fake-browser with a single vi.mock.
import browser from 'webextension-polyfill';

export type { Menus, Omnibox, Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };

/**
 * chrome.sidePanel has no polyfill (Chrome-only, https://developer.chrome.com/docs/extensions/reference/api/sidePanel);
 * undefined where the browser lacks it, so callers fall back to a tab.
 */
export function chromeSidePanel(): typeof chrome.sidePanel | undefined {
  return globalThis.chrome?.sidePanel;
}
