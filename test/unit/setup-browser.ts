// Unit tests run the extension code against @webext-core/fake-browser: an in-memory storage,
// runtime and alarms that behave like the real ones, reset between tests.
import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

beforeEach(() => {
  fakeBrowser.reset();
});
