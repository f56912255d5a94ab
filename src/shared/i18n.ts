// Every string a person reads comes from the message catalogues in _locales/ through the
// browser's own i18n API, which picks the browser's UI language and falls back to English
// (manifest default_locale). https://developer.chrome.com/docs/extensions/reference/api/i18n
//
// The one reach for the extension API outside browser.ts, and on purpose: importing the polyfill
// throws outside an extension, and Persona's words (statuses, errors) are named in shared/persona,
// which must stay importable in Node. So the API is looked up at the call, not at import:
// `browser.i18n` where the browser (Firefox) or a test's stand-in defines it, else `chrome.i18n`.
// Both answer synchronously with the same arguments.

/** The keys of the English catalogue: a key missing there is a type error at the call. */
export type MessageKey = keyof typeof import('../../_locales/en/messages.json');

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}

function api(): I18nApi {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const found = scope.browser?.i18n ?? scope.chrome?.i18n;
  // Only outside the extension and its tests (plain Node, a page of the web): the message is one
  // word, since the worker and every page bundle it and never throw it.
  if (!found) throw new Error('i18n');
  return found;
}

/**
 * The message in the browser's language; `subs` fill its placeholders ($1, $2 … in the order the
 * catalogue's `placeholders` give them).
 */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return api().getMessage(key, subs.map(String));
}

/** The browser's UI language ("de", "en-US"): the locale for dates, times and numbers. */
export function uiLocale(): string {
  return api().getUILanguage();
}
