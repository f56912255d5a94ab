import { t } from '../../shared/i18n.ts';
import { keyInfoItem } from '../../shared/storage-items.ts';
import { writeRefusalItem } from '../../shared/write-refusal-item.ts';
import { useStored } from '../use-stored.ts';

/**
 * Before the work is done, not after it (UX re-test s61, L9): at the create form and the decisions,
 * that Persona refuses changes made with this key, or lists no permission for them
 * (write-refusal.ts). A note, not a lock: the buttons stay, and Persona's answer decides.
 */
export function ReadOnlyKeyNote() {
  const keyInfo = useStored(keyInfoItem);
  const refusal = useStored(writeRefusalItem);
  if (!keyInfo || !refusal || refusal.masked !== keyInfo.masked) return null;
  return (
    <p class="banner is-warn" data-testid="read-only-key">
      {refusal.says ? t('keyRefusedWrite', refusal.says) : t('keyCannotWrite')}
    </p>
  );
}
