// The lock's event wiring, registered synchronously at the top of the worker.
import { browser } from '../../shared/browser.ts';
import { AUTO_LOCK_ALARM, isIdleTooLong } from './auto-lock.ts';
import { lock } from './passphrase.ts';

export function registerLockListeners(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== AUTO_LOCK_ALARM) return;
    void isIdleTooLong().then((idle) => (idle ? lock() : undefined));
  });
  // storage.session starts empty with the browser, so the desk starts locked; this also drops a
  // leftover auto-lock alarm and anything a previous run left in the session.
  browser.runtime.onStartup.addListener(() => {
    void lock();
  });
}
