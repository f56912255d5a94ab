// The reviewer's own record of what they did: who (masked key), what, when. No comments and no
// personal data, because it lives in storage.local.

import { readItem, writeItem } from '../shared/storage.ts';
import { type ActionLogEntry, actionLogItem } from '../shared/storage-items.ts';

const MAX_ENTRIES = 500;

export async function logAction(entry: ActionLogEntry): Promise<void> {
  const log = await readItem(actionLogItem);
  await writeItem(actionLogItem, [entry, ...log].slice(0, MAX_ENTRIES));
}
