import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { sendRequest } from '../shared/send-request.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useRequest } from '../ui/use-request.ts';

/**
 * Forgets the stored key, and the passphrase with it, after a confirmation; a failure keeps the
 * confirmation open with why. Named for both where the passphrase is what was forgotten.
 */
export function RemoveKeyButton({ label, question }: { label?: string; question?: string }) {
  const [confirming, setConfirming] = useState(false);
  const clear = useRequest(() => sendRequest({ type: 'clearKey' }));
  // The button pressed is replaced by the question: the focus goes to its safe answer, Cancel,
  // and back to Remove key when the question goes unanswered (the link it replaced).
  const cancelButton = useRef<HTMLButtonElement>(null);
  const removeLink = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (asked.current) removeLink.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" class="link" ref={removeLink} onClick={() => setConfirming(true)}>
        {label ?? t('removeKey')}
      </button>
    );
  }
  return (
    <fieldset class="inline-confirm" aria-label={t('confirmRemoveKey')}>
      {question ?? t('removeKeyQuestion')}{' '}
      <button
        type="button"
        class="destructive"
        disabled={clear.busy}
        onClick={async () => {
          if (await clear.run()) setConfirming(false);
        }}
      >
        {t('yesRemove')}
      </button>{' '}
      <button
        type="button"
        ref={cancelButton}
        onClick={() => {
          clear.clearError();
          setConfirming(false);
        }}
      >
        {t('cancel')}
      </button>
      {clear.error && <ErrorMessage error={clear.error} />}
    </fieldset>
  );
}
