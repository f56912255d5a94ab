// The Firefox manifest, derived from manifest.json so the two builds never drift apart. Firefox's
// MV3 has no service worker and no side panel: it runs background scripts (an event page) and shows
// a sidebar. https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/manifest.json

/** The add-on's id on addons.mozilla.org; a temporary install and the e2e test use it too. */
export const GECKO_ID = 'inquiry-desk@inquiry-desk.invalid';

/**
 * Everything else used here (MV3 module background scripts, storage.session, `action`, `omnibox`)
 * is in Firefox 128, but the built-in data consent (`data_collection_permissions`) that Mozilla
 * asks of new add-ons is read only from 140 on: an older Firefox would install without asking.
 */
export const FIREFOX_MIN_VERSION = '140.0';

/** The parts of manifest.json this derivation reads or drops; everything else is copied as is. */
export interface ChromeManifest {
  manifest_version: number;
  name: string;
  version: string;
  permissions?: string[];
  background?: { service_worker: string; type?: string };
  side_panel?: { default_path: string };
  minimum_chrome_version?: string;
  action?: { default_title?: string; default_icon?: Record<string, string> };
  [key: string]: unknown;
}

/** Permissions only Chrome knows; Firefox's linter flags them as unknown. */
export const CHROME_ONLY_PERMISSIONS: ReadonlySet<string> = new Set(['sidePanel']);

/** What vite's crx plugin needs to see; the rest is Firefox's business (web-ext lint checks it). */
export interface FirefoxManifest {
  manifest_version: number;
  name: string;
  version: string;
  [key: string]: unknown;
}

export function firefoxManifest(chrome: ChromeManifest): FirefoxManifest {
  const {
    side_panel: sidePanel,
    minimum_chrome_version: _minimumChromeVersion,
    background,
    permissions,
    ...rest
  } = chrome;
  if (!background) throw new Error('manifest.json has no background.service_worker');
  if (!sidePanel) throw new Error('manifest.json has no side_panel.default_path');
  return {
    ...rest,
    permissions: (permissions ?? []).filter((p) => !CHROME_ONLY_PERMISSIONS.has(p)),
    background: { scripts: [background.service_worker], type: 'module' },
    sidebar_action: {
      default_panel: sidePanel.default_path,
      default_title: chrome.action?.default_title ?? chrome.name,
      default_icon: chrome.action?.default_icon,
      // Chrome's side panel opens only when asked; the sidebar should not open itself on install.
      open_at_install: false,
    },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // Firefox's built-in consent (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/):
        // the Persona API key (authentication) and the end user's name, e-mail and phone typed
        // as prefill (personally identifying) go to Persona, the only place anything is sent.
        data_collection_permissions: {
          required: ['authenticationInfo', 'personallyIdentifyingInfo'],
        },
      },
    },
  };
}
