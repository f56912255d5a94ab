// Creates under way. What tells one apart (its keys, template, reference ID, start) is kept in
// storage.local, so a worker Chrome stopped in the middle of one, and a browser closed then, leave
// it for the next worker (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle);
// its prefill, personal data, only in storage.session. A create is finished with the key it was
// sent with: Persona replays its stored answer to that key (https://docs.withpersona.com/idempotence),
// so the inquiry is adopted once, never made twice. One whose prefill went with the browser's
// session cannot be sent again as it was (a key reused with other parameters is an error): it is
// looked for instead (create-inquiry.ts).

import { pendingCreatesItem, pendingPrefillItem } from '../../shared/generated/stored-items.ts';
import { readItems } from '../../shared/storage.ts';
import type { PendingCreate } from '../../shared/storage-items.ts';
import { editItem } from '../edit-item.ts';

export async function savePending({ prefill, lost, ...pending }: PendingCreate): Promise<void> {
  if (prefill) await editItem(pendingPrefillItem, set(pending.clickKey, prefill));
  await editItem(pendingCreatesItem, set(pending.clickKey, { ...pending, prefilled: !!prefill }));
}

export async function dropPending(clickKey: string): Promise<void> {
  await editItem(pendingCreatesItem, set(clickKey));
  await editItem(pendingPrefillItem, set(clickKey));
}

export async function pendingCreates(): Promise<PendingCreate[]> {
  const [all, prefills] = await readItems([pendingCreatesItem, pendingPrefillItem] as const);
  return Object.values(all).map(({ prefilled, ...pending }) => {
    const prefill = prefills[pending.clickKey];
    if (prefill) return { ...pending, prefill };
    return prefilled ? { ...pending, lost: true } : pending;
  });
}

/** The edit that sets one entry to `value`, or removes it. */
function set<T>(clickKey: string, value?: NoInfer<T>) {
  return ({ [clickKey]: _, ...others }: Record<string, T>) => ({
    value: value ? { ...others, [clickKey]: value } : others,
    result: undefined,
  });
}
