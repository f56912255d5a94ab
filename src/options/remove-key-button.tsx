import { useState } from 'preact/hooks';
import { sendRequest } from '../shared/send-request.ts';

/** Forgets the stored key after a confirmation. */
export function RemoveKeyButton() {
  const [confirming, setConfirming] = useState(false);
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
        onClick={async () => {
          await sendRequest({ type: 'clearKey' });
          setConfirming(false);
        }}
      >
        Yes, remove
      </button>{' '}
      <button type="button" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </fieldset>
  );
}
