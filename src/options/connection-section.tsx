import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '../shared/format-date-time.ts';
import { t } from '../shared/i18n.ts';
import { DEFAULT_BASE_URL } from '../shared/persona/api-origin.ts';
import type { Settings } from '../shared/settings.ts';
import { type KeyInfo, pollStateItem } from '../shared/storage-items.ts';
import { STORE_BUILD } from '../shared/store-build.ts';
import { Field } from '../ui/field.tsx';
import { focusLost } from '../ui/focus.ts';
import { useLock } from '../ui/use-lock.ts';
import { ManagedContext } from '../ui/use-policy.ts';
import { useStored } from '../ui/use-stored.ts';
import { goToField } from './go-to-field.ts';
import { RemoveKeyButton } from './remove-key-button.tsx';
import type { Patch } from './settings-patch.ts';

interface Props {
  draft: Settings;
  patch: Patch;
  keyInfo: KeyInfo | null | undefined;
  typedKey: string;
  setTypedKey: (key: string) => void;
  fieldError: (name: string) => string | undefined;
  /** The organisation requires a passphrase and none is set: a key is refused until one is. */
  passphraseFirst?: boolean;
}

export function ConnectionSection({
  draft,
  patch,
  keyInfo,
  typedKey,
  setTypedKey,
  fieldError,
  passphraseFirst = false,
}: Props) {
  const [reveal, setReveal] = useState(false);
  const managed = useContext(ManagedContext);
  const lock = useLock();
  // The key the desk last asked Persona with, refused (a 401): rotated or revoked in Persona. The
  // errors that send the reviewer here ("Check the key in the options") are met here too, at the
  // field where the new key goes. Only of the key saved: a key saved since has not been refused.
  const poll = useStored(pollStateItem);
  const refusedAt =
    keyInfo &&
    poll?.lastError?.kind === 'unauthorized' &&
    (poll.lastAttemptAt ?? 0) > keyInfo.savedAt
      ? poll.lastAttemptAt
      : undefined;
  useEffect(() => {
    if (refusedAt && focusLost()) document.getElementById('api-key')?.focus();
  }, [refusedAt !== undefined]);
  // Remove key takes its own button away: the focus goes to the key field, where a new key is
  // pasted, rather than to the top of the page.
  useEffect(() => {
    if (keyInfo === null && focusLost()) document.getElementById('api-key')?.focus();
  }, [keyInfo === null]);
  // Whether the key last shown here was sealed by a passphrase: once it is removed, the
  // passphrase has gone with it, and the next key pasted where the focus now is would be kept
  // unencrypted; the Lock section that says so is far down the page.
  const sealed = useRef(false);
  if (keyInfo) sealed.current = lock === 'locked' || lock === 'unlocked';
  const passphraseWent = keyInfo === null && sealed.current && lock === 'none';
  // Which hosts the base URL may name: the store's build takes no local sandbox (store-build.ts).
  const hostsHint = STORE_BUILD ? 'baseUrlHintStore' : 'baseUrlHint';
  return (
    <section aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('connection')}</h2>
      <p class="muted" data-testid="stored-key">
        {keyInfo ? (
          <>
            {t('savedKey')} <code>{keyInfo.masked}</code> (
            {t(keyInfo.environment === 'production' ? 'envProduction' : 'envSandbox')}){' '}
            {/* The passphrase goes with the key (it seals that key): said before, since the
                next key saved is then kept unencrypted, unless the organisation's policy
                requires a passphrase first. */}
            <RemoveKeyButton
              {...(lock === 'locked' || lock === 'unlocked'
                ? { question: t('removeKeyAndPassphraseQuestion') }
                : {})}
            />
          </>
        ) : passphraseFirst || passphraseWent ? (
          // Said first, not after a Save refused for it; or said where the next key goes, once the
          // passphrase went with the last one.
          <>
            <span id="passphrase-first">
              {t(passphraseFirst ? 'noKeyPassphraseFirst' : 'passphraseWentWithKey')}
            </span>{' '}
            {/* To the passphrase field, further down (the Lock section), the first step. */}
            <button type="button" class="link" onClick={() => goToField('new-passphrase')}>
              {t('toPassphrase')}
            </button>
          </>
        ) : (
          t('noKeySaved')
        )}
      </p>
      {refusedAt && (
        <p class="banner is-warn" role="alert" data-testid="key-refused">
          {t('keyRefused', formatDateTime(refusedAt))}
        </p>
      )}
      <Field
        id="api-key"
        label={t('apiKey')}
        error={fieldError('key')}
        // Leaving it empty keeps a key only where one is saved.
        hint={keyInfo ? `${t('apiKeyHint')} ${t('apiKeyKeepHint')}` : t('apiKeyHint')}
      >
        {(describedBy, invalid) => (
          <div class="row key-row">
            <input
              id="api-key"
              class="grow"
              // Preact's input types pair `type` with allowed roles; both values are plain inputs here.
              type={(reveal ? 'text' : 'password') as 'text'}
              autoComplete="off"
              spellcheck={false}
              placeholder={keyInfo ? keyInfo.masked : 'persona_sandbox_…'}
              value={typedKey}
              onInput={(e) => setTypedKey(e.currentTarget.value)}
              // Heard where the focus lands after Remove key, not only seen above the field.
              aria-describedby={
                passphraseFirst || passphraseWent
                  ? `passphrase-first ${describedBy ?? ''}`.trim()
                  : describedBy
              }
              aria-invalid={invalid}
            />
            {/* Both labels are laid out, one over the other (options.css .key-toggle), so the
                button is as wide in both states: the one not in use is hidden, from the screen
                and from its accessible name, which stays the label shown. */}
            <button
              type="button"
              class="key-toggle"
              aria-pressed={reveal}
              onClick={() => setReveal(!reveal)}
            >
              <span aria-hidden={reveal || undefined}>{t('showKey')}</span>
              <span aria-hidden={!reveal || undefined}>{t('hideKey')}</span>
            </button>
          </div>
        )}
      </Field>
      <Field
        setting="baseUrl"
        id="base-url"
        label={t('baseUrl')}
        error={fieldError('baseUrl')}
        hint={
          <>
            {t('baseUrlDefault')} <code>{DEFAULT_BASE_URL}</code>. {t(hostsHint)}
          </>
        }
      >
        {(describedBy, invalid) => (
          <input
            id="base-url"
            type="url"
            spellcheck={false}
            value={draft.baseUrl}
            onInput={(e) => patch({ baseUrl: e.currentTarget.value })}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </Field>
      <label class="check">
        <input
          type="checkbox"
          disabled={managed.has('allowProduction')}
          checked={draft.allowProduction}
          onChange={(e) => patch({ allowProduction: e.currentTarget.checked })}
        />
        {t('allowProduction')}
        {managed.has('allowProduction') && <span class="muted"> {t('setByOrganisation')}</span>}
      </label>
    </section>
  );
}
