// The one module that touches the extension API. Everything else imports `browser` from here, so
// unit tests can swap it for @webext-core/fake-browser with a single vi.mock.
import browser from 'webextension-polyfill';

export type { Runtime, Storage } from 'webextension-polyfill';
export { browser };
