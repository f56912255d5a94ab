// Unit tests run the extension code against @webext-core/fake-browser: an in-memory storage,
// runtime and alarms that behave like the real ones, reset between tests. i18n, which the fake
// leaves out, answers from the English catalogue as Chrome would; src/shared/i18n.ts finds it as
// `globalThis.browser`, as in Firefox.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach } from 'vitest';
import { readCatalogue, resolveMessage } from './i18n/catalogue.ts';

// src/shared/browser.ts takes `globalThis.browser` when there is one (Firefox's, or this fake).
(globalThis as { browser?: unknown }).browser = fakeBrowser;

const english = readCatalogue('en');

function fakeI18n() {
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | (string | number)[]) =>
    resolveMessage(english, key, subs === undefined ? [] : [subs].flat().map(String));
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
}
fakeI18n();

beforeEach(() => {
  fakeBrowser.reset();
  fakeI18n();
});
