import type { ErrorInfo } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';

/**
 * A refused passphrase as it reads now. The background's message names the wait as it was when
 * said ("Try again in 2 seconds."), which would stand frozen beside Unlock's countdown; so while
 * the wait runs, the message leaves the number to the button, and once it is over it says so. In
 * words true of both refusals that carry a wait: a wrong passphrase, and a try made before the
 * wait (then the passphrase was not even checked).
 */
export function passphraseMissNow<E extends ErrorInfo | undefined>(error: E, wait: number): E {
  if (!error?.retryAfterSeconds) return error;
  // The same error with another message: still an E.
  return {
    ...error,
    message: t(wait > 0 ? 'wrongPassphraseWaiting' : 'wrongPassphraseWaited'),
  } as E;
}
