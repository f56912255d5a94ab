import type { ErrorInfo } from '../../shared/errors.ts';
import { t } from '../../shared/i18n.ts';
import { type WriteRefusal, writeRefusalItem } from '../../shared/page-items.ts';
import { keyInfoItem } from '../../shared/storage-items.ts';
import { useStored } from '../use-stored.ts';

/** The note's id: Create and the decisions are described by it while it shows. */
export const READ_ONLY_NOTE = 'read-only-key';

/** What Persona is known to refuse of the saved key's changes (write-refusal.ts), if anything. */
export function useWriteRefusal(): WriteRefusal | undefined {
  const keyInfo = useStored(keyInfoItem);
  const refusal = useStored(writeRefusalItem);
  return keyInfo && refusal?.masked === keyInfo.masked ? refusal : undefined;
}

/**
 * The refusal to note beside a page whose own request `error` is shown: none while that error is
 * the refusal the note would give (a create's or a decision's 403, write-refusal.ts), whose alert
 * says the same reason and advice already. Another 403 (New link's) keeps it.
 */
export function refusalBeside(
  refusal: WriteRefusal | undefined,
  error: ErrorInfo | undefined,
): WriteRefusal | undefined {
  const same = error?.kind === 'forbidden' && (error.details ?? error.title) === refusal?.says;
  return same ? undefined : refusal;
}

/**
 * Before the work is done, not after it: at the create form and the decisions, that Persona refuses
 * changes made with this key, or lists no permission for them (write-refusal.ts). A note, not a
 * lock: the buttons stay, and Persona's answer decides. The buttons are described by it, so the
 * keyboard and a screen reader meet it where they act.
 */
export function ReadOnlyKeyNote({ refusal }: { refusal: WriteRefusal | undefined }) {
  if (!refusal) return null;
  return (
    <p class="banner is-warn" id={READ_ONLY_NOTE} data-testid="read-only-key">
      {refusal.says ? t('keyRefusedWrite', refusal.says) : t('keyCannotWrite')}
    </p>
  );
}
