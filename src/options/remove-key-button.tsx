import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { sendRequest } from '../shared/send-request.ts';

/** Forgets the stored key after a confirmation. */
export function RemoveKeyButton() {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" class="link" onClick={() => setConfirming(true)}>
        {t('removeKey')}
      </button>
    );
  }
  return (
    <fieldset class="inline-confirm" aria-label={t('confirmRemoveKey')}>
      {t('removeKeyQuestion')}{' '}
      <button
        type="button"
        class="danger"
        onClick={async () => {
          await sendRequest({ type: 'clearKey' });
          setConfirming(false);
        }}
      >
        {t('yesRemove')}
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
    </fieldset>
  );
}
