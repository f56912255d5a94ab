// Has the unit tests' fake browser answer chrome.i18n from one locale's catalogue, as Chrome does
// for a browser in that language. test/unit/setup-browser.ts puts English back before each test.
import { fakeBrowser } from '@webext-core/fake-browser';
import { readCatalogue, resolveMessage } from './catalogue.ts';

export function inLanguage(locale: string): void {
  const catalogue = readCatalogue(locale);
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | (string | number)[]) =>
    resolveMessage(catalogue, key, subs === undefined ? [] : [subs].flat().map(String));
}
