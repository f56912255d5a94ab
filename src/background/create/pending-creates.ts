// Creates under way, kept in storage.session so a worker stopped in the middle of one finds it on
// restart (Chrome may stop the worker at any moment:
// https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
// A create is finished with the key it was sent with: Persona replays its stored answer to that key
// (https://docs.withpersona.com/idempotence), so the inquiry is adopted once, never made twice.

import { pendingCreatesItem } from '../../shared/generated/stored-items.ts';
import { readItem } from '../../shared/storage.ts';
import type { PendingCreate } from '../../shared/storage-items.ts';
import { editItem } from '../edit-item.ts';

export function savePending(pending: PendingCreate): Promise<void> {
  return editItem(pendingCreatesItem, (all) => ({
    value: { ...all, [pending.clickKey]: pending },
    result: undefined,
  }));
}

export function dropPending(clickKey: string): Promise<void> {
  return editItem(pendingCreatesItem, (all) => {
    if (!(clickKey in all)) return { value: all, result: undefined };
    const { [clickKey]: _done, ...rest } = all;
    return { value: rest, result: undefined };
  });
}

export async function pendingCreates(): Promise<PendingCreate[]> {
  return Object.values(await readItem(pendingCreatesItem));
}
