// Auto-lock after N minutes without use: one chrome.alarms alarm (the "alarms" permission the
// watcher already has; the idle API would need another) checks every half minute while unlocked,
// the shortest period Chrome (120 on, the manifest's minimum) gives a published extension's alarm.
import { PING_EVERY_MS } from '../../shared/activity-ping.ts';
import { browser } from '../../shared/browser.ts';
import {
  sealedKeyItem,
  settingsItem,
  unlockStateItem,
} from '../../shared/generated/stored-items.ts';
import { readItem, readItems, writeItem } from '../../shared/storage.ts';

export const AUTO_LOCK_ALARM = 'inquiry-desk-auto-lock';

// Not async: the two callers await what the browser returns, with no wrapper around it.
export function scheduleAutoLock(): Promise<void> {
  return browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 0.5 });
}

export function clearAutoLock(): Promise<boolean> {
  return browser.alarms.clear(AUTO_LOCK_ALARM);
}

/**
 * The reviewer at work in a desk page (its ping: handlers/desk.ts) pushes the auto-lock back.
 * Every ping is written: pages send one per half minute at most, and a ping dropped here (one
 * page's, soon after another's) would leave that page's next half minute of use unrecorded.
 */
export async function touchUse(now = Date.now()): Promise<void> {
  const state = await readItem(unlockStateItem);
  if (state && now > state.lastUsedAt) {
    await writeItem(unlockStateItem, { ...state, lastUsedAt: now });
  }
}

/**
 * True when the desk is unlocked and has gone unused for the configured minutes. A page pings at
 * most every PING_EVERY_MS, so the last ping may be that much older than the last use: the desk
 * never locks sooner than the configured minutes after it. With the alarm's half minute, it locks
 * at most a minute later (options hint).
 */
export async function isIdleTooLong(now = Date.now()): Promise<boolean> {
  const [sealed, state, settings] = await readItems([
    sealedKeyItem,
    unlockStateItem,
    settingsItem,
  ] as const);
  if (!sealed || !state) return false;
  return now - state.lastUsedAt >= settings.autoLockMinutes * 60_000 + PING_EVERY_MS;
}
