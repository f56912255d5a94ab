// Every string a person reads comes from the message catalogues in _locales/ through the
// browser's own i18n API, which picks the browser's UI language and falls back to English
// (manifest default_locale). https://developer.chrome.com/docs/extensions/reference/api/i18n
import { browser } from './browser.ts';

/** The keys of the English catalogue: a key missing there is a type error at the call. */
export type MessageKey = keyof typeof import('../../_locales/en/messages.json');

/**
 * The message in the browser's language; `subs` fill its placeholders ($1, $2 … in the order the
 * catalogue's `placeholders` give them).
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return browser.i18n.getMessage(key, subs.map(String));
}

/** The browser's UI language ("de", "en-US"): the locale for dates, times and numbers. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}
