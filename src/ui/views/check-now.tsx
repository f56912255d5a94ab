import { useState } from 'preact/hooks';
import { t } from '../../shared/i18n.ts';
import { sendRequest } from '../../shared/send-request.ts';

/** The line under the watchlist's head that says why the watcher waits, and till when. */
export const HOLD_LINE = 'watch-hold';

/**
 * Has the watcher check now, not at the end of its period (a minute by default): a customer who
 * says "done" in the chat is the moment a reviewer wants the status, and waiting, or guessing that
 * opening the row reads it, was all there was. The background keeps its manners: checks a few
 * seconds apart are one (next-hold.ts), and a rate-limit window the watcher holds for is not
 * broken (`waits`: held, described by the line that says why). What the check finds is said as
 * the watcher's changes are; a failure in the line under the head.
 */
export function CheckNow({ waits }: { waits: boolean }) {
  const [asking, setAsking] = useState(false);
  return (
    <button
      type="button"
      class="link"
      aria-disabled={asking || waits}
      aria-describedby={waits ? HOLD_LINE : undefined}
      // A held Enter or Space is one press, not a check every two seconds.
      onKeyDown={(event) => event.repeat && event.preventDefault()}
      onClick={() => {
        if (asking || waits) return;
        setAsking(true);
        const ask = () => sendRequest({ type: 'refreshWatchlist', asked: true });
        // Not answered (the background stopped in the middle of the check): asked once more, past
        // the 2 s within which the watcher takes checks for one, or the restarted worker holds it.
        ask()
          .catch(() => new Promise((resolve) => setTimeout(resolve, 2500)).then(ask))
          .catch(() => {})
          .finally(() => setAsking(false));
      }}
    >
      {t(asking ? 'checkingNow' : 'checkNow')}
    </button>
  );
}
