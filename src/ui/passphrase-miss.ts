import type { ErrorInfo } from '../shared/errors.ts';
import { t } from '../shared/i18n.ts';

/**
 * A refused passphrase as it reads now: the background's message counts the wait from when it
 * was said ("Try again in 1 second."), so once `wait` is over it says the wait is over. In words
 * true of both refusals that carry a wait: a wrong passphrase, and a try made before the wait
 * (then the passphrase was not even checked).
 */
export function passphraseMissNow<E extends ErrorInfo | undefined>(error: E, wait: number): E {
  // The same error with another message: still an E.
  return (
    error?.retryAfterSeconds && wait === 0
      ? { ...error, message: t('wrongPassphraseWaited') }
      : error
  ) as E;
}
