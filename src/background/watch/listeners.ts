// The watcher's event wiring. Called synchronously at the top of the service worker: Chrome
// restarts a stopped worker for an alarm, a notification click or a storage change only if the
// listener was registered during the worker's first turn
// (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
import { browser } from '../../shared/browser.ts';
import {
  keyInfoItem,
  pollStateItem,
  sessionKeyItem,
  settingsItem,
  watchlistItem,
} from '../../shared/generated/stored-items.ts';
import { readItem, watchItem } from '../../shared/storage.ts';
import { updateItem } from '../edit-item.ts';
import type { Gate } from '../start-up.ts';
import { ensureAlarm } from './alarm.ts';
import { refreshBadge, showBadge } from './badge.ts';
import { forNewKey } from './next-hold.ts';
import { openFromNotification } from './notify.ts';
import { cycleOver, handleAlarm, startCycle } from './poller.ts';

async function checkAlarmAndBadge(): Promise<void> {
  await ensureAlarm((await readItem(settingsItem)).pollSeconds);
  // The badge is not kept across browser restarts; the watchlist is.
  await refreshBadge();
}

export function registerWatchListeners(after: Gate['after']): void {
  browser.alarms.onAlarm.addListener(after(handleAlarm));
  browser.runtime.onInstalled.addListener(after(checkAlarmAndBadge));
  browser.runtime.onStartup.addListener(after(checkAlarmAndBadge));
  // Not behind `after`: opening the side panel needs the click's user gesture, which an await would
  // end; openFromNotification opens it first, then waits for start-up (start-up.ts whenStarted).
  browser.notifications.onClicked.addListener((id) => {
    void openFromNotification(id);
  });
  // Every writer of the watchlist (poller, handlers, a notification click) updates the badge.
  watchItem(
    watchlistItem,
    after((list) => showBadge(list).catch(() => undefined)),
  );
  // Lock and unlock (the clear key leaving or entering the session) change the badge's colour
  // and title.
  watchItem(
    sessionKeyItem,
    after(() => refreshBadge().catch(() => undefined)),
  );
  // A check that failed, or the next that worked, greys the badge or gives its colour back.
  watchItem(
    pollStateItem,
    after(() => refreshBadge().catch(() => undefined)),
  );
  watchItem(
    settingsItem,
    after((settings) => ensureAlarm(settings.pollSeconds)),
  );
  // A newly saved key ends the back-off of the old one: ask again now rather than in 15 min, in
  // the new key's own window (next-hold.ts forNewKey), once a cycle the old key was running has
  // written its state, which would otherwise be the new key's. A removed one takes the badge with
  // it (badge.ts).
  watchItem(
    keyInfoItem,
    after((info) => {
      void refreshBadge().catch(() => undefined);
      if (info) {
        void cycleOver()
          .then(() => updateItem(pollStateItem, forNewKey))
          .then(() => startCycle('settings'))
          .catch(() => undefined);
      }
    }),
  );
}
