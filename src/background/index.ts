// Service worker entry. Every listener is registered synchronously at the top level: Chrome may
// stop the worker at any moment and restarts it only for events that had listeners at start-up.
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
import { browser, onMessage, type Runtime } from '../shared/browser.ts';
import { errorLabel } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';
import type { Answer, Request } from '../shared/messages.ts';
import { readPolicy } from '../shared/policy.ts';
import { onStorageChanged } from '../shared/storage.ts';
import { STORE_BUILD } from '../shared/store-build.ts';
import { logInterrupted } from './audit/pending.ts';
import { currentReviewer, prepareAudit } from './audit/record.ts';
import { resumePendingCreates } from './create/create-inquiry.ts';
import { handlers } from './handlers/index.ts';
import { registerLockListeners } from './lock/listeners.ts';
import { handleMenuClick } from './lookup/context-menu.ts';
import { registerLookupListeners } from './lookup/listeners.ts';
import { enterLookup } from './lookup/omnibox.ts';
import { routeMessage } from './message-router.ts';
import { migrateStorage } from './migrations.ts';
import { enforcePolicy } from './policy-enforce.ts';
import { startUp } from './start-up.ts';
import { registerWatchListeners } from './watch/listeners.ts';
import { startCycle } from './watch/poller.ts';

// Started at once; every listener below waits for it, so none reads a layout older than it expects.
const gate = startUp([
  { name: 'storage migration', label: t('stepStorageMigration'), run: () => migrateStorage() },
]);
const logFailure = (what: string) => (error: unknown) =>
  console.error(`Inquiry Desk: ${what}`, errorLabel(error));
// A create this worker's predecessor was stopped in the middle of is finished with its own key; one
// a closed browser interrupted is looked for (create/create-inquiry.ts).
gate.after(resumePendingCreates)().catch(logFailure('stopped create not finished'));
// An audited action it was stopped in the middle of is logged as interrupted.
gate.after(logInterrupted)().catch(logFailure('interrupted action not logged'));
// Not a start-up step: Chromium answers storage.managed only once it has loaded the policy,
// seconds after a fresh install, and requests must not wait that long. saveOptions reads the
// policy itself.
gate.after(enforcePolicy)().catch(logFailure('policy not applied'));

/** Each valid request from an own page that is an audited action goes into the audit trail. */
async function observe(request: Request) {
  // Awaited by the router: the trail is written before the page hears the outcome.
  return prepareAudit(request, async () => currentReviewer((await readPolicy()).reviewer));
}

function handleMessage(message: unknown, sender: Runtime.MessageSender): Promise<Answer<unknown>> {
  return routeMessage(message, sender, {
    ready: gate.ready,
    observe,
    handlers,
    ownId: browser.runtime.id,
    ownOrigin: browser.runtime.getURL(''),
  });
}

onMessage(handleMessage);
registerWatchListeners(gate.after);
registerLookupListeners(gate.after);
registerLockListeners(gate.after);
onStorageChanged(
  gate.after((_changes: unknown, area: string) => {
    if (area === 'managed') void enforcePolicy().catch(logFailure('policy not applied'));
  }),
);

// Reachable only from code already running inside this worker (tests via the DevTools protocol,
// `npm start`); web pages and other extensions have no way to it. Each answers with what its
// function returns, once start-up is over (after a failed one, with undefined: the badge says
// why). runCycle is a cycle as the alarm runs it: the alarm's 30 s floor is too slow for
// end-to-end tests. Not in the store's build (src/shared/store-build.ts), whose bundle drops this
// branch: nothing a user installs needs it, and its handleMessage takes whatever sender its
// caller names, past the router's check that a request comes from the desk's own pages.
if (!STORE_BUILD) {
  Object.assign(globalThis, {
    inquiryDesk: {
      handleMessage,
      handleMenuClick: gate.after(handleMenuClick),
      enterLookup: gate.after(enterLookup),
      runCycle: gate.after(() => startCycle('alarm')),
    },
  });
}
