// A service worker handle whose `evaluate` is asked once more when Chromium's devtools protocol
// loses the promise it was told to wait for. Playwright says so as "Resulting promise was garbage
// collected." (Chromium's "Promise was collected"): the inspector holds that promise weakly, and a
// collection while it is pending ends the call with no answer at all. V8 has since changed this
// (playwright#42019 removed its test for it); Debian's Chromium here still does it. It failed one
// CI run (2026-12-07) on a plain `chrome.storage.local.set`, and did not come back in 200 of the
// same writes in a row, so it is the protocol's, not the extension's.
//
// Only that message is asked again, once, on the worker live by then, and said aloud so a green
// run shows it happened. The functions the tests evaluate in the worker read or write storage,
// alarms and the badge, which a second call leaves as the first would.
import type { Worker } from 'playwright-core';

export const COLLECTED = 'Resulting promise was garbage collected';

/** `worker` with an `evaluate` that survives one lost promise, using `current` to find a live worker. */
export function retryingCollected(
  worker: Worker,
  current: () => Promise<Worker>,
  warn: (message: string) => void = console.warn,
): Worker {
  return new Proxy(worker, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'evaluate') return value.bind(target);
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (error) {
          if (!(error instanceof Error) || !error.message.includes(COLLECTED)) throw error;
          warn(`The worker's evaluate lost its promise (${COLLECTED}); asking once more`);
          const live = await current();
          return (live.evaluate as (...again: unknown[]) => Promise<unknown>).apply(live, args);
        }
      };
    },
  });
}
