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

// The component tests' findBy…/waitFor wait 1 s by default. A view loaded on demand (a lazy
// chunk) took longer than that once on this 2-core machine while other work ran beside the tests;
// 3 s leaves room for a busy machine and still fails a view that never comes well inside the
// test's own 5 s limit.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/preact');
  configure({ asyncUtilTimeout: 3_000 });
}
