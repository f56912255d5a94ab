import { useState } from 'preact/hooks';
import { t } from '../shared/i18n.ts';
import { sendRequest } from '../shared/send-request.ts';
import { ErrorMessage } from './error-message.tsx';
import { useRequest } from './use-request.ts';

/**
 * Shown instead of the desk while it is locked. A wrong passphrase is said plainly; the wait that
 * grows after each miss is the background's, which refuses early tries whatever a page does.
 */
export function UnlockForm() {
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useRequest(async () => {
    await sendRequest({ type: 'unlock', passphrase });
    setPassphrase('');
  });
  return (
    <form
      class="card unlock"
      data-testid="unlock-form"
      onSubmit={async (event) => {
        event.preventDefault();
        await run();
      }}
    >
      <p>
        <strong>{t('lockedLead')}</strong> {t('lockedEnterPassphrase')}
      </p>
      <label for="unlock-passphrase">{t('passphrase')}</label>
      <input
        id="unlock-passphrase"
        type="password"
        autocomplete="current-password"
        value={passphrase}
        onInput={(e) => setPassphrase(e.currentTarget.value)}
      />
      <button type="submit" class="primary" disabled={busy || passphrase === ''}>
        {t('unlock')}
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
