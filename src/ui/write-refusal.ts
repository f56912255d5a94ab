// What the pages learn of the saved key's right to change inquiries, for the note at the create
// form and the decisions (components/read-only-key-note.tsx). A note costs nothing when it fails: a
// storage error here is dropped, and the desk goes on as without it.
import type { ErrorInfo } from '../shared/errors.ts';
import { writeRefusalItem } from '../shared/page-items.ts';
import { readItem, writeItem } from '../shared/storage.ts';
import { keyInfoItem } from '../shared/storage-items.ts';

/**
 * After a create or a decision sent with the key `sentWith` (masked): a 403 is noted for it, with
 * Persona's reason; an answer Persona took ends the note. Not when another key was saved while it
 * was out: the answer is not that key's. Other failures say nothing of the key's rights.
 */
export async function noteWriteAnswer(
  sentWith: string | undefined,
  error?: ErrorInfo,
): Promise<void> {
  if (!sentWith || (error && error.kind !== 'forbidden')) return;
  try {
    const [keyInfo, refusal] = await Promise.all([
      readItem(keyInfoItem),
      readItem(writeRefusalItem),
    ]);
    if (keyInfo?.masked !== sentWith) return;
    const says = error?.details ?? error?.title;
    if (error) await writeItem(writeRefusalItem, { masked: sentWith, ...(says && { says }) });
    else if (refusal) await writeItem(writeRefusalItem, null);
  } catch {}
}

/**
 * After Test connection or a Save read the saved key's permissions (`masked`: that key): no
 * `inquiry.write` is noted; one listed ends a note the permissions made, not one of Persona's
 * refusals, which may have been its allow-list's.
 */
export async function notePermissions(masked: string, permissions: readonly string[]) {
  try {
    if (!permissions.includes('inquiry.write')) {
      await writeItem(writeRefusalItem, { masked });
      return;
    }
    const refusal = await readItem(writeRefusalItem);
    if (refusal && !refusal.says) await writeItem(writeRefusalItem, null);
  } catch {}
}
