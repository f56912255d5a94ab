// Whether lookups are on (settings, which the organisation's policy may set off). The side panel
// must open inside the user gesture, before any await, so the switches are also kept in memory,
// filled from storage at start and on every change. Until the first read answers (a worker woken
// by the lookup itself) the answer is "unknown": the caller then reads storage and, if on, shows
// the lookup in a tab, which needs no gesture.

import { settingsItem } from '../../shared/generated/stored-items.ts';
import type { Settings } from '../../shared/settings.ts';
import { readItem, watchItem } from '../../shared/storage.ts';

type Switches = Pick<Settings, 'addressBarLookup' | 'contextMenuLookup'>;

let known: Switches | undefined;

export function trackLookupSwitches(): void {
  watchItem(settingsItem, (settings) => {
    known = settings;
  });
  void readItem(settingsItem).then((settings) => {
    known ??= settings;
  });
}

/** true/false when known now, without awaiting; undefined until the first read. */
export function lookupOnNow(which: keyof Switches): boolean | undefined {
  return known?.[which];
}

export async function lookupOn(which: keyof Switches): Promise<boolean> {
  return (await readItem(settingsItem))[which];
}

/** Opens a lookup only when it is on; in a tab when that could not be known in the gesture. */
export async function openIfOn(
  which: keyof Switches,
  open: (windowId: number | undefined) => Promise<boolean>,
  windowId: number | undefined,
): Promise<boolean> {
  const now = lookupOnNow(which);
  if (now === true) return open(windowId);
  if (now === false || !(await lookupOn(which))) return false;
  return open(undefined);
}
