// The one module that touches the extension API (with browser-panels.ts beside it, for the side
// panel and the sidebar, which the desk's first screen does not open). Everything else imports
// from here, so unit tests can swap the API for @webext-core/fake-browser in one place
// (test/unit/setup-browser.ts).
//
// No webextension-polyfill: Firefox's `browser` and Chrome's MV3 `chrome` both return promises
// for every call the desk makes, and the polyfill cost 2.6 KB gzip in every page and the worker
// (docs/benchmarks.md). Its one job left was promise-returning `runtime.onMessage` listeners,
// which {@link onMessage} does below. The types stay webextension-polyfill's (types only).
import type { Browser, Runtime } from 'webextension-polyfill';

export type { Menus, Omnibox, Runtime, Storage, Tabs } from 'webextension-polyfill';

/** The global scope, with the two names the extension API goes by (browser-panels.ts reads it too). */
export const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };

/** Firefox's (and a test's) `browser`, else Chrome's `chrome`; both promise-based in MV3. */
export const browser: Browser = (scope.browser ?? scope.chrome) as Browser;

type MessageListener = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown>;

/**
 * Adds a `runtime.onMessage` listener whose promise is the answer. Chrome before 144 ignores a
 * returned promise, so where the browser hands a `sendResponse`, the answer goes through it and
 * the listener returns `true` to keep the channel open (both Chrome and Firefox honour that).
 */
export function onMessage(listener: MessageListener): void {
  const wrapped = (message: unknown, sender: Runtime.MessageSender, sendResponse?: unknown) => {
    const answer = listener(message, sender);
    if (typeof sendResponse !== 'function') return answer;
    answer.then(
      (value) => sendResponse(value),
      // The router answers every failure itself; this only keeps the channel from hanging.
      () => sendResponse(undefined),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(
    wrapped as Parameters<typeof browser.runtime.onMessage.addListener>[0],
  );
}
