// Service worker entry. Every listener is registered synchronously at the top level: Chrome may
// stop the worker at any moment and restarts it only for events that had listeners at start-up.
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
import '../shared/zod-setup.ts';
import { browser, type Runtime } from '../shared/browser.ts';
import { readPolicy } from '../shared/policy.ts';
import { currentReviewer, prepareAudit } from './audit/record.ts';
import { handlers } from './handlers/index.ts';
import { touchUse } from './lock/auto-lock.ts';
import { registerLockListeners } from './lock/listeners.ts';
import { handleMenuClick } from './lookup/context-menu.ts';
import { registerLookupListeners } from './lookup/listeners.ts';
import { enterLookup } from './lookup/omnibox.ts';
import { routeMessage } from './message-router.ts';
import { migrateStorage } from './migrations.ts';
import { enforcePolicy } from './policy-enforce.ts';
import { isOwnPage } from './sender.ts';
import { registerWatchListeners } from './watch/listeners.ts';
import { startCycle } from './watch/poller.ts';

// Started at once; requests wait for it so no handler reads a layout older than it expects.
const migrated = migrateStorage().catch(() => undefined);
// Not waited for by requests: Chromium answers storage.managed only once it has loaded the
// policy, seconds after a fresh install. saveOptions reads the policy itself.
void migrated.then(enforcePolicy).catch(() => undefined);

async function handleMessage(message: unknown, sender: Runtime.MessageSender) {
  await migrated;
  void touchUse().catch(() => undefined);
  const context = { handlers, ownId: browser.runtime.id, ownOrigin: browser.runtime.getURL('') };
  if (!isOwnPage(sender, context.ownId, context.ownOrigin)) {
    return routeMessage(message, sender, context);
  }
  const reviewer = async () => currentReviewer((await readPolicy()).reviewer);
  const audit = await prepareAudit(message, reviewer).catch(() => undefined);
  const answer = await routeMessage(message, sender, context);
  // Awaited: the trail is written before the page hears the outcome.
  await audit?.(answer).catch(() => console.error('Inquiry Desk: audit trail append failed'));
  return answer;
}

browser.runtime.onMessage.addListener(handleMessage);
registerWatchListeners();
registerLookupListeners();
registerLockListeners();
browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'managed') void enforcePolicy().catch(() => undefined);
});

/** A cycle as the alarm runs it, for end-to-end tests: the alarm's 30 s floor is too slow. */
const runCycle = () => startCycle('alarm');

// Reachable only from code already running inside this worker (tests via the DevTools protocol,
// `npm start`); web pages and other extensions have no way to it.
Object.assign(globalThis, {
  inquiryDesk: { handleMessage, handleMenuClick, enterLookup, runCycle },
});
