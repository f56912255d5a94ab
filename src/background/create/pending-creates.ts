// Creates under way. What tells one apart (its keys, template, reference ID, start) is kept in
// storage.local, so a worker Chrome stopped in the middle of one, and a browser closed then, leave
// it for the next worker (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle);
// its prefill, personal data, only in storage.session. A create is finished with the key it was
// sent with: Persona replays its stored answer to that key (https://docs.withpersona.com/idempotence),
// so the inquiry is adopted once, never made twice. One whose prefill went with the browser's
// session cannot be sent again as it was (a key reused with other parameters is an error): it is
// looked for instead (create-inquiry.ts).

import { RESUME_WITHIN_MS } from '../../shared/create-resume.ts';
import { pendingCreatesItem, pendingPrefillItem } from '../../shared/generated/stored-items.ts';
import { readItems } from '../../shared/storage.ts';
import type { PendingCreate } from '../../shared/storage-items.ts';
import { setEntry, updateItem } from '../edit-item.ts';
import { dropIfKeyGone } from '../key-custody.ts';

export async function savePending({ prefill, lost, ...pending }: PendingCreate): Promise<void> {
  if (prefill) {
    await updateItem(pendingPrefillItem, setEntry(pending.clickKey, prefill));
    // A retry after a lock (a 5xx's second try) leaves no prefill in the locked session.
    await dropIfKeyGone(undefined, pendingPrefillItem.key);
  }
  await updateItem(
    pendingCreatesItem,
    setEntry(pending.clickKey, { ...pending, prefilled: !!prefill }),
  );
}

export async function dropPending(clickKey: string): Promise<void> {
  await updateItem(pendingCreatesItem, setEntry(clickKey));
  await updateItem(pendingPrefillItem, setEntry(clickKey));
}

export async function pendingCreates(): Promise<PendingCreate[]> {
  const [all, prefills] = await readItems([pendingCreatesItem, pendingPrefillItem] as const);
  return Object.values(all).map(({ prefilled, ...pending }) => {
    const prefill = prefills[pending.clickKey];
    // Past the day Persona keeps its key's answer, sending it again could make a second inquiry.
    const late = Date.now() - pending.startedAt > RESUME_WITHIN_MS;
    if (late || (prefilled && !prefill)) return { ...pending, lost: true };
    return prefill ? { ...pending, prefill } : pending;
  });
}
