// The reviewer's own record of what they did: who (masked key), what, when. No comments and no
// personal data, because it lives in storage.local.
import { type ActionLogEntry, actionLogItem } from '../shared/storage-items.ts';
import { editItem } from './edit-item.ts';

const MAX_ENTRIES = 500;

export async function logAction(entry: ActionLogEntry): Promise<void> {
  await editItem(actionLogItem, (log) => ({
    value: [entry, ...log].slice(0, MAX_ENTRIES),
    result: undefined,
  }));
}
