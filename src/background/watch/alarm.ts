// The one alarm that drives polling. Alarms outlive the service worker, and re-creating one resets
// its schedule, so it is created only when missing or when its period no longer matches the
// options (https://developer.chrome.com/docs/extensions/reference/api/alarms). Chrome enforces
// a 30 s floor for packed extensions; the settings schema keeps pollSeconds ≥ 30 as well.
import { browser } from '../../shared/browser.ts';
import { MIN_POLL_SECONDS } from '../../shared/settings-values.ts';

export const WATCH_ALARM = 'inquiry-desk:watch';

export function periodMinutes(pollSeconds: number): number {
  return Math.max(MIN_POLL_SECONDS, pollSeconds) / 60;
}

/** True when the alarm had to be created (or re-created with a new period). */
export async function ensureAlarm(pollSeconds: number): Promise<boolean> {
  const period = periodMinutes(pollSeconds);
  const existing = await browser.alarms.get(WATCH_ALARM);
  // Periods are stored as doubles; compare with a tolerance well under a second.
  if (
    existing?.periodInMinutes !== undefined &&
    Math.abs(existing.periodInMinutes - period) < 1e-3
  ) {
    return false;
  }
  await browser.alarms.create(WATCH_ALARM, { delayInMinutes: period, periodInMinutes: period });
  return true;
}
