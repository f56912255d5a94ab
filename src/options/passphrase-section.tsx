import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../shared/format.ts';
import { type MessageKey, t } from '../shared/i18n.ts';
import { MIN_PASSPHRASE_LENGTH } from '../shared/passphrase-rule.ts';
import { sendRequest } from '../shared/send-request.ts';
import { WaitLabel } from '../ui/components/wait-label.tsx';
import { ErrorMessage } from '../ui/error-message.tsx';
import { passphraseMissNow } from '../ui/passphrase-miss.ts';
import { UnlockForm } from '../ui/unlock-form.tsx';
import { type LockStatus, useLock } from '../ui/use-lock.ts';
import { useRequest } from '../ui/use-request.ts';
import { useSecondsLeft } from '../ui/use-seconds-left.ts';
import { RemoveKeyButton } from './remove-key-button.tsx';

/**
 * The optional passphrase: with one, the key is stored only encrypted and the desk locks after
 * the idle minutes set above, and whenever the browser starts. Outside the settings form: it acts
 * at once, through the background, and never travels with a Save.
 */
export function PassphraseSection({ required }: { required: boolean }) {
  const lock = useLock();
  // Unlocked, a passphrase is set already: a new one takes the current one (checked in the
  // background, where a miss counts as one at the lock screen does).
  const changing = lock === 'unlocked';
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  // Typed twice: a typo in the only copy would lock the key away until it is pasted again.
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  // Too short, said at the field before anything is sent: a refusal would be logged as an error.
  const [short, setShort] = useState(false);
  // A note is about the state its action left: "Locked." goes once the desk is unlocked (from
  // the popup, say), "Passphrase set." once the key and its passphrase are removed.
  const [note, setNote] = useState<{ text: MessageKey; while: LockStatus } | undefined>();
  const request = useRequest(
    async (action: () => Promise<unknown>, done: typeof note) => {
      await action();
      setCurrent('');
      setPassphrase('');
      setRepeat('');
      // Emptied, the fields have nothing wrong left to say.
      setShort(false);
      setMismatch(false);
      setNote(done);
    },
    // Set passphrase is disabled once its fields are emptied: the focus goes to the note saying
    // what happened, not to the page.
    { refocus: () => document.getElementById('lock-note') },
  );
  const { busy, error } = request;
  const wrongCurrent = error?.pointer === 'currentPassphrase';
  // The background refuses another try before the wait after a miss is over; the button says so.
  const wait = useSecondsLeft(wrongCurrent ? error?.retryAfterSeconds : 0, error);
  const count = useId();
  // In the render that shows the message, not a frame later: a reviewer typing on at once
  // types into the field the message is about.
  useLayoutEffect(() => {
    if (wrongCurrent) document.getElementById('current-passphrase')?.focus();
  }, [error]);
  const run = (action: () => Promise<unknown>, done: typeof note) => {
    setNote(undefined);
    return request.run(action, done);
  };
  const shownNote = note && note.while === lock ? note.text : undefined;
  // Once the desk leaves the state a note is about (an auto-lock after "Unlocked.", an unlock in
  // the popup after "Locked."), the note is over: it does not come back with the state.
  const lockBefore = useRef(lock);
  useEffect(() => {
    const was = lockBefore.current;
    lockBefore.current = lock;
    // The note as it is now, not as this render saw it: "Unlocked." may have been set since.
    if (lock !== was) setNote((now) => (now?.while === was ? undefined : now));
  }, [lock]);
  // Unlocked here, the form that had the focus is gone: it goes to the note saying so.
  useLayoutEffect(() => {
    if (shownNote === 'unlockedNote') document.getElementById('lock-note')?.focus();
  }, [shownNote]);

  return (
    <section aria-labelledby="lock-heading" class="lock-section">
      <h2 id="lock-heading">{t('lockHeading')}</h2>
      {lock === 'locked' ? (
        <>
          {/* After Lock now, the focus goes to the passphrase that unlocks; not on opening the page. */}
          <UnlockForm
            focusOnShow={note?.text === 'lockedNote'}
            onUnlocked={() => setNote({ text: 'unlockedNote', while: 'unlocked' })}
          />
          {/* The way out of a forgotten passphrase: a locked desk saves nothing else, and with no
              key saved yet the connection section offers no Remove key. */}
          <p class="hint">
            {t('forgotPassphrase')}{' '}
            <RemoveKeyButton
              label={t('removeKeyAndPassphrase')}
              question={t('removeKeyAndPassphraseQuestion')}
            />
          </p>
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (wait > 0) return;
            const tooShort = passphrase.length < MIN_PASSPHRASE_LENGTH;
            setShort(tooShort);
            if (tooShort) {
              document.getElementById('new-passphrase')?.focus();
              return;
            }
            const differs = passphrase !== repeat;
            setMismatch(differs);
            if (differs) {
              document.getElementById('repeat-passphrase')?.focus();
              return;
            }
            const change = changing ? { current } : {};
            void run(() => sendRequest({ type: 'setPassphrase', passphrase, ...change }), {
              text: changing ? 'passphraseChangedNote' : 'passphraseSetNote',
              while: 'unlocked',
            });
          }}
        >
          <p class="hint" data-testid="lock-status">
            {lock === 'unlocked'
              ? t('passphraseProtects')
              : required
                ? t('passphraseRequired')
                : t('noPassphrase')}
          </p>
          {changing && (
            <div class="field">
              <label for="current-passphrase">{t('currentPassphrase')}</label>
              <input
                id="current-passphrase"
                type="password"
                autocomplete="current-password"
                value={current}
                aria-invalid={wrongCurrent}
                onInput={(e) => setCurrent(e.currentTarget.value)}
              />
            </div>
          )}
          <div class="field">
            <label for="new-passphrase">{t(changing ? 'newPassphrase' : 'passphrase')}</label>
            <input
              id="new-passphrase"
              type="password"
              autocomplete="new-password"
              value={passphrase}
              aria-invalid={short}
              aria-describedby={short ? 'new-passphrase-error' : 'new-passphrase-hint'}
              onInput={(e) => {
                setPassphrase(e.currentTarget.value);
                setShort(false);
              }}
            />
            {short ? (
              <p class="field-error" id="new-passphrase-error">
                {t('passphraseTooShort', formatNumber(MIN_PASSPHRASE_LENGTH))}
              </p>
            ) : (
              <p class="hint" id="new-passphrase-hint">
                {t('passphraseHint', formatNumber(MIN_PASSPHRASE_LENGTH))}
              </p>
            )}
          </div>
          <div class="field">
            <label for="repeat-passphrase">
              {t(changing ? 'repeatNewPassphrase' : 'repeatPassphrase')}
            </label>
            <input
              id="repeat-passphrase"
              type="password"
              autocomplete="new-password"
              value={repeat}
              aria-invalid={mismatch}
              aria-describedby={mismatch ? 'repeat-passphrase-error' : undefined}
              onInput={(e) => {
                setRepeat(e.currentTarget.value);
                setMismatch(false);
              }}
            />
            {mismatch && (
              <p class="field-error" id="repeat-passphrase-error">
                {t('passphrasesDiffer')}
              </p>
            )}
          </div>
          <div class="row">
            <button
              type="submit"
              disabled={busy || passphrase === '' || (changing && current === '') || wait > 0}
              aria-describedby={wait > 0 ? count : undefined}
            >
              <WaitLabel
                label={t(wait > 0 || changing ? 'changePassphrase' : 'setPassphrase')}
                wait={wait}
                countId={count}
              />
            </button>
            {lock === 'unlocked' && (
              <button
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(() => sendRequest({ type: 'lock' }), {
                    text: 'lockedNote',
                    while: 'locked',
                  })
                }
              >
                {t('lockNow')}
              </button>
            )}
          </div>
        </form>
      )}
      <div aria-live="polite">
        {shownNote && (
          <div class="banner is-ok" role="status" id="lock-note" tabIndex={-1}>
            {t(shownNote)}
          </div>
        )}
        {error && <ErrorMessage error={wrongCurrent ? passphraseMissNow(error, wait) : error} />}
      </div>
    </section>
  );
}
