import { useState } from 'preact/hooks';
import { sendRequest } from '../shared/send-request.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useRequest } from '../ui/use-request.ts';

/** Forgets the stored key after a confirmation; a failure keeps the confirmation open with why. */
export function RemoveKeyButton() {
  const [confirming, setConfirming] = useState(false);
  const clear = useRequest(() => sendRequest({ type: 'clearKey' }));
  if (!confirming) {
    return (
      <button type="button" class="link" onClick={() => setConfirming(true)}>
        Remove key
      </button>
    );
  }
  return (
    <fieldset class="inline-confirm" aria-label="Confirm removing the key">
      Remove the saved key?{' '}
      <button
        type="button"
        class="danger"
        disabled={clear.busy}
        onClick={async () => {
          if (await clear.run()) setConfirming(false);
        }}
      >
        Yes, remove
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          clear.clearError();
          setConfirming(false);
        }}
      >
        Cancel
      </button>
      {clear.error && <ErrorMessage error={clear.error} />}
    </fieldset>
  );
}
