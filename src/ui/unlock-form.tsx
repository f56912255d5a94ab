import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatNumber } from '../shared/format.ts';
import { panelRouteItem } from '../shared/generated/first-screen-items.ts';
import { t } from '../shared/i18n.ts';
import { sendRequest } from '../shared/send-request.ts';
import { OpenSettingsButton } from './components/open-settings-button.tsx';
import { WaitLabel } from './components/wait-label.tsx';
import { ErrorMessage } from './error-message.tsx';
import { passphraseMissNow } from './passphrase-miss.ts';
import { takeTypedAhead } from './type-ahead.ts';
import { useRequest } from './use-request.ts';
import { useSecondsLeft } from './use-seconds-left.ts';
import { useStored } from './use-stored.ts';
import './views/views.css';

/**
 * Shown instead of the desk while it is locked. A wrong passphrase is said plainly; the wait that
 * grows after each miss is the background's, which refuses early tries whatever a page does.
 */
export function UnlockForm({
  focusOnShow = true,
  lookups = false,
  onUnlocked,
}: {
  focusOnShow?: boolean;
  /** The desk's form (popup, side panel), where a lookup made while locked opens. */
  lookups?: boolean;
  /** The page says it, where the form was: the form, and the focus in it, go. */
  onUnlocked?: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const { busy, error, run } = useRequest(async () => {
    await sendRequest({ type: 'unlock', passphrase });
    setPassphrase('');
    onUnlocked?.();
  });
  // The one thing to do here is type the passphrase: the field has the focus when the form
  // shows (unless the page says otherwise: the options page opened while locked), and again,
  // its text selected, after a wrong one.
  // A passphrase typed as the locked desk opened, before the field had the focus, goes in first
  // (type-ahead.ts), or Enter would send what came after it alone, and start the wait of a miss.
  // Typed only: text pasted then was an id, out of habit, not part of the passphrase.
  useEffect(() => {
    if (busy || !(focusOnShow || error)) return;
    field.current?.focus();
    if (error) field.current?.select();
    else {
      const early = takeTypedAhead('typed');
      if (early) setPassphrase((typed) => early + typed);
    }
  }, [busy, error, focusOnShow]);
  // The background refuses a try before the wait after a miss is over; the button says so.
  const wait = useSecondsLeft(error?.retryAfterSeconds, error);
  const said = passphraseMissNow(error, wait);
  // A lookup made while locked came without its text (lookup/open-lookup.ts): a route to neither
  // an inquiry nor a search. The desk says where it went, with the field it asks for (read with
  // it), and as the news it is when the lookup comes while the form is open.
  const route = useStored(panelRouteItem);
  const lookupDropped = lookups && route && !route.inquiry && !route.search;
  // Not `disabled` while the wait counts down: a disabled button is skipped by Tab, and the
  // message sends the reviewer to its countdown.
  const held = busy || passphrase === '' || wait > 0;
  const submit = useRef<HTMLButtonElement>(null);
  const count = useId();
  return (
    <form
      class="card unlock"
      data-testid="unlock-form"
      onSubmit={async (event) => {
        event.preventDefault();
        // Enter in the field during the wait sends nothing: the focus goes to the button that
        // says why, and counts down to the next try.
        if (wait > 0) submit.current?.focus();
        else if (!held) await run();
      }}
    >
      {/* In the desk it is the whole page, and its heading (the options page's Lock section has
          its own): where a screen reader's heading navigation lands. */}
      {lookups ? (
        <>
          <h2 class="view-title">{t('lockedLead')}</h2>
          <p>{t('lockedEnterPassphrase')}</p>
        </>
      ) : (
        <p>
          <strong>{t('lockedLead')}</strong> {t('lockedEnterPassphrase')}
        </p>
      )}
      {lookups && (
        <div role="status">
          {lookupDropped && (
            <p id="lookup-dropped" data-testid="lookup-dropped">
              {t('lookupDroppedWhileLocked')}
            </p>
          )}
        </div>
      )}
      <label for="unlock-passphrase">{t('passphrase')}</label>
      <input
        id="unlock-passphrase"
        ref={field}
        type="password"
        autocomplete="current-password"
        // The miss is said at the field, as a form's other errors are.
        aria-invalid={error?.pointer === 'passphrase' ? true : undefined}
        aria-describedby={
          [lookupDropped && 'lookup-dropped', said && 'unlock-error'].filter(Boolean).join(' ') ||
          undefined
        }
        value={passphrase}
        onInput={(e) => setPassphrase(e.currentTarget.value)}
      />
      <button
        type="submit"
        class="primary"
        ref={submit}
        aria-disabled={held}
        aria-describedby={wait > 0 ? count : undefined}
      >
        <WaitLabel
          label={t('unlock')}
          wait={wait}
          counted={t('unlockIn', formatNumber(wait))}
          countId={count}
        />
      </button>
      {said && <ErrorMessage error={said} id="unlock-error" />}
      {/* The way out of a forgotten passphrase is on the options page, which the desk's form
          is the only way to. */}
      {lookups && (
        <p class="hint">
          {t('forgotPassphraseDesk')} <OpenSettingsButton />
        </p>
      )}
    </form>
  );
}
