// The lock's event wiring, registered synchronously at the top of the worker.
import { browser } from '../../shared/browser.ts';
import { readPolicy } from '../../shared/policy.ts';
import { appendAudit } from '../audit/append.ts';
import { currentReviewer } from '../audit/record.ts';
import { inCustody } from '../key-custody.ts';
import type { Gate } from '../start-up.ts';
import { AUTO_LOCK_ALARM, isIdleTooLong } from './auto-lock.ts';
import { lock } from './passphrase.ts';

/** Locks when idle too long; the trail records it as the auto-lock, apart from a "Lock now". */
export function autoLock(now = Date.now()): Promise<boolean> {
  return inCustody(async () => {
    if (!(await isIdleTooLong(now))) return false;
    const reviewer = await currentReviewer((await readPolicy()).reviewer);
    await lock();
    await appendAudit({ at: now, reviewer, action: 'autoLock', outcome: 'ok' });
    return true;
  });
}

export function registerLockListeners(after: Gate['after']): void {
  browser.alarms.onAlarm.addListener(
    after(async (alarm: { name: string }) => {
      if (alarm.name === AUTO_LOCK_ALARM) await autoLock();
    }),
  );
  // storage.session starts empty with the browser, so the desk starts locked; this also drops a
  // leftover auto-lock alarm and anything a previous run left in the session.
  browser.runtime.onStartup.addListener(after(() => inCustody(lock)));
}
