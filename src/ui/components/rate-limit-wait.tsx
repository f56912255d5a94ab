import { pollStateItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { defaultRetryPolicy } from '../../shared/persona/retry-policy.ts';
import { useSecondsLeft } from '../use-seconds-left.ts';
import { useStored } from '../use-stored.ts';
import { formatNumber } from './format-time.ts';

/**
 * Seconds until Persona's rate-limit window resets, while it is spent for the whole environment
 * and the background would wait for it; else 0. Any 429 the desk meets (its pages' requests, the
 * watcher's own), and a window the watcher read to its end, leave it spent until its reset in the
 * poll state (background/persona-access.ts, watch/next-hold.ts), and a key saved since clears it; a
 * request refused meanwhile is sent again once it resets. Not a reset further off than the
 * background waits for a request (retry-policy.ts): that request is answered with the 429, which
 * says its own wait, nor one guessed for a 429 that named none (a minute, longer than that).
 */
export function useRateLimitReset(): number {
  const limit = useStored(pollStateItem)?.rateLimit;
  const resetAt = limit?.remaining === 0 ? limit.resetAt : undefined;
  const left = useSecondsLeft(resetAt === undefined ? 0 : (resetAt - Date.now()) / 1000, resetAt);
  return left * 1000 <= defaultRetryPolicy.maxRateLimitWaitMs ? left : 0;
}

/**
 * The count to the reset, beside the status that says the desk waits for it. Not a live region:
 * a count read out each second would drown the rest; the status is said once.
 */
export function RateLimitCount({ seconds }: { seconds: number }) {
  return (
    <p class="muted" data-testid="rate-limit-wait">
      {t('rateLimitResetIn', formatNumber(seconds))}
    </p>
  );
}
