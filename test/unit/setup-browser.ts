// Unit tests run the extension code against @webext-core/fake-browser: an in-memory storage,
// runtime and alarms that behave like the real ones, reset between tests.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach } from 'vitest';

// src/shared/browser.ts takes `globalThis.browser` when there is one (Firefox's, or this fake).
(globalThis as { browser?: unknown }).browser = fakeBrowser;

beforeEach(() => {
  fakeBrowser.reset();
});
