// Service worker entry. Every listener is registered synchronously at the top level: Chrome may
// stop the worker at any moment and restarts it only for events that had listeners at start-up.
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
import '../shared/zod-setup.ts';
import { browser, onMessage, type Runtime } from '../shared/browser.ts';
import { errorLabel } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';
import type { Answer } from '../shared/messages.ts';
import { readPolicy } from '../shared/policy.ts';
import { currentReviewer, prepareAudit } from './audit/record.ts';
import { resumePendingCreates } from './create/create-inquiry.ts';
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
import { startUp } from './start-up.ts';
import { registerWatchListeners } from './watch/listeners.ts';
import { startCycle } from './watch/poller.ts';

// Started at once; every listener below waits for it, so none reads a layout older than it expects.
const gate = startUp([
  { name: 'storage migration', label: t('stepStorageMigration'), run: () => migrateStorage() },
]);
const logFailure = (what: string) => (error: unknown) =>
  console.error(`Inquiry Desk: ${what}`, errorLabel(error));
// A create this worker's predecessor was stopped in the middle of is finished with its own key.
gate.after(resumePendingCreates)().catch(logFailure('a stopped create was not finished'));
// Not a start-up step: Chromium answers storage.managed only once it has loaded the policy,
// seconds after a fresh install, and requests must not wait that long. saveOptions reads the
// policy itself.
gate.after(enforcePolicy)().catch(logFailure('the policy was not applied'));

async function handleMessage(
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<Answer<unknown>> {
  const context = {
    ready: gate.ready,
    handlers,
    ownId: browser.runtime.id,
    ownOrigin: browser.runtime.getURL(''),
  };
  // Refusals and a failed start are answered by the router and leave no trace in the trail.
  const started = await gate.ready.then(
    () => true,
    () => false,
  );
  if (!started || !isOwnPage(sender, context.ownId, context.ownOrigin)) {
    return routeMessage(message, sender, context);
  }
  void touchUse().catch(() => undefined);
  const reviewer = async () => currentReviewer((await readPolicy()).reviewer);
  const audit = await prepareAudit(message, reviewer).catch(() => undefined);
  const answer = await routeMessage(message, sender, context);
  // Awaited: the trail is written before the page hears the outcome.
  await audit?.(answer).catch(() => console.error('Inquiry Desk: audit trail append failed'));
  return answer;
}

onMessage(handleMessage);
registerWatchListeners(gate.after);
registerLookupListeners(gate.after);
registerLockListeners(gate.after);
browser.storage.onChanged.addListener(
  gate.after((_changes: unknown, area: string) => {
    if (area === 'managed') void enforcePolicy().catch(logFailure('the policy was not applied'));
  }),
);

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
