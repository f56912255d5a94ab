import { useEffect, useRef } from 'preact/hooks';
import type { ErrorInfo, ErrorKind } from '../../shared/errors.ts';
import { formatNumber } from '../../shared/format.ts';
import { t } from '../../shared/i18n.ts';
import { ErrorMessage } from '../error-message.tsx';
import { focusLost } from '../focus.ts';
import { useSecondsLeft } from '../use-seconds-left.ts';
import { OpenSettingsButton } from './open-settings-button.tsx';
import { WaitLabel } from './wait-label.tsx';

// Kinds worth a second try as they are; the others need the reviewer to change something first.
const retryable: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'network',
  'timeout',
  'server',
  'rate_limited',
  'internal',
  'disconnected',
  'bad_response',
]);

interface Props {
  error: ErrorInfo;
  onRetry?: (() => void) | undefined;
  /** The request was a create: a quota is named as the one for creating inquiries. */
  creating?: boolean;
}

/** A 429 (the rate limit, or a quota): a retry before its reset is refused again. */
export const waitsForReset = (error: ErrorInfo | undefined) =>
  error?.kind === 'rate_limited' || error?.kind === 'quota_exceeded';

/** A 429's words with the seconds left, or that the wait is over. */
export function liveWait(kind: ErrorKind, seconds: number, creating = false): string {
  const left = formatNumber(seconds);
  if (kind === 'rate_limited') return seconds > 0 ? t('errRateLimited', left) : t('rateLimitReset');
  if (seconds === 0) return t('quotaReset');
  return creating ? t('errQuotaCreateIn', left) : t('errQuotaIn', left);
}

/** An {@link ErrorMessage} with the one next step that helps: settings for key trouble, or retry. */
export function ProblemMessage({ error, onRetry, creating }: Props) {
  const keyTrouble = error.kind === 'no_key' || error.kind === 'unauthorized';
  const retry = onRetry && retryable.has(error.kind);
  // A retry before Persona's rate-limit window resets is refused again, and only spends the
  // limit the team and the customer's backend share.
  const waitKind = waitsForReset(error);
  const limited = waitKind && error.retryAfterSeconds !== undefined;
  const wait = useSecondsLeft(limited ? error.retryAfterSeconds : 0, error);
  // A retry that failed again replaces the button that was pressed: the new one takes the focus
  // rather than leave it on the page. Focusable while it counts down (aria-disabled), so it can.
  const retryButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusLost()) retryButton.current?.focus();
  }, []);
  // Persona's details, unless the message already quotes them ("Persona says: …"). Not for a
  // 429: its words are about raising the limit with Persona's support, which the desk's own
  // message already sends the reviewer to (their admin), and not about this wait.
  const details =
    error.details && !waitKind && !error.message.includes(error.details)
      ? error.details
      : undefined;
  // The wait in the words counts down with the button: a fixed "Wait 27 seconds" goes stale.
  const shown = limited ? { ...error, message: liveWait(error.kind, wait, creating) } : error;
  return (
    <ErrorMessage
      error={shown}
      ticking={limited}
      action={
        (details || keyTrouble || retry) && (
          <>
            {details && <p class="banner-meta">{details}</p>}
            {/* Its Try again counts down too: in the alert, it would be said again each second. */}
            <div class="row banner-actions" aria-live={limited ? 'off' : undefined}>
              {keyTrouble && <OpenSettingsButton />}
              {retry && (
                <button
                  type="button"
                  ref={retryButton}
                  onClick={() => wait > 0 || onRetry()}
                  aria-disabled={wait > 0}
                >
                  <WaitLabel
                    label={t('tryAgain')}
                    wait={wait}
                    counted={t('tryAgainIn', formatNumber(wait))}
                  />
                </button>
              )}
            </div>
          </>
        )
      }
    />
  );
}
