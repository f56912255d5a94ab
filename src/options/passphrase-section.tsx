import { useState } from 'preact/hooks';
import { sendRequest } from '../shared/send-request.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { UnlockForm } from '../ui/unlock-form.tsx';
import { useLock } from '../ui/use-lock.ts';
import { useRequest } from '../ui/use-request.ts';

/**
 * The optional passphrase: with one, the key is stored only encrypted and the desk locks after
 * the idle minutes set above, and whenever the browser starts. Outside the settings form: it acts
 * at once, through the background, and never travels with a Save.
 */
export function PassphraseSection({ required }: { required: boolean }) {
  const lock = useLock();
  const [passphrase, setPassphrase] = useState('');
  const [note, setNote] = useState<string | undefined>(undefined);
  const request = useRequest(async (action: () => Promise<unknown>, done: string) => {
    await action();
    setPassphrase('');
    setNote(done);
  });
  const { busy, error } = request;
  const run = (action: () => Promise<unknown>, done: string) => {
    setNote(undefined);
    return request.run(action, done);
  };

  return (
    <section aria-labelledby="lock-heading" class="lock-section">
      <h2 id="lock-heading">Lock</h2>
      {lock === 'locked' ? (
        <UnlockForm />
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(
              () => sendRequest({ type: 'setPassphrase', passphrase }),
              'Passphrase set. The key is now stored only encrypted.',
            );
          }}
        >
          <p class="hint" data-testid="lock-status">
            {lock === 'unlocked'
              ? 'A passphrase protects the key. Setting a new one replaces it.'
              : required
                ? 'Your organisation requires a passphrase: set one before saving a key.'
                : 'No passphrase: the key is stored unencrypted in this browser profile (see the README’s Security section).'}
          </p>
          <div class="field">
            <label for="new-passphrase">Passphrase</label>
            <input
              id="new-passphrase"
              type="password"
              autocomplete="new-password"
              value={passphrase}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </div>
          <div class="row">
            <button type="submit" disabled={busy || passphrase === ''}>
              Set passphrase
            </button>
            {lock === 'unlocked' && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(() => sendRequest({ type: 'lock' }), 'Locked.')}
              >
                Lock now
              </button>
            )}
          </div>
        </form>
      )}
      <div aria-live="polite">
        {note && (
          <div class="banner is-ok" role="status">
            {note}
          </div>
        )}
        {error && <ErrorMessage error={error} />}
      </div>
    </section>
  );
}
