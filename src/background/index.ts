// Service worker entry. Every listener is registered synchronously at the top level: Chrome may
// stop the worker at any moment and restarts it only for events that had listeners at start-up.
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
import '../shared/zod-setup.ts';
import { browser, type Runtime } from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import type { Answer } from '../shared/messages.ts';
import { handlers } from './handlers/index.ts';
import { handleMenuClick } from './lookup/context-menu.ts';
import { registerLookupListeners } from './lookup/listeners.ts';
import { enterLookup } from './lookup/omnibox.ts';
import { routeMessage } from './message-router.ts';
import { migrateStorage } from './migrations.ts';
import { startUp } from './start-up.ts';
import { registerWatchListeners } from './watch/listeners.ts';
import { startCycle } from './watch/poller.ts';

// Started at once; every listener below waits for it, so none reads a layout older than it expects.
const gate = startUp([
  { name: 'storage migration', label: t('stepStorageMigration'), run: () => migrateStorage() },
]);

async function handleMessage(
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Answer<unknown>> {
  return routeMessage(message, sender, {
    ready: gate.ready,
    handlers,
    ownId: browser.runtime.id,
    ownOrigin: browser.runtime.getURL(''),
  });
}

browser.runtime.onMessage.addListener(handleMessage);
registerWatchListeners(gate.after);
registerLookupListeners(gate.after);

/** For the test hooks below, which answer with what the function returns. */
const afterReady =
  <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    await gate.ready;
    return run(...args);
  };

/** A cycle as the alarm runs it, for end-to-end tests: the alarm's 30 s floor is too slow. */
const runCycle = afterReady(() => startCycle('alarm'));

// Reachable only from code already running inside this worker (tests via the DevTools protocol,
// `npm start`); web pages and other extensions have no way to it.
Object.assign(globalThis, {
  inquiryDesk: {
    handleMessage,
    handleMenuClick: afterReady(handleMenuClick),
    enterLookup: afterReady(enterLookup),
    runCycle,
  },
});
