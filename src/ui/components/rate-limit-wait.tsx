import { pollStateItem } from '../../shared/generated/first-screen-items.ts';
import { t } from '../../shared/i18n.ts';
import { useSecondsLeft } from '../use-seconds-left.ts';
import { useStored } from '../use-stored.ts';
import { formatNumber } from './format-time.ts';

/**
 * Beside a request under way: how long Persona's rate limit, spent for the whole environment,
 * keeps the desk waiting (UX review s51, 11). A 429 to any of the desk's requests, and a window
 * read to its end, mark it spent until its reset (background/watch/next-hold.ts), and a request
 * refused meanwhile is sent again after it (shared/persona/retry-policy.ts). Not a live region:
 * a count said each second would drown the rest; the status beside it says the desk is waiting.
 */
export function RateLimitWait() {
  const limit = useStored(pollStateItem)?.rateLimit;
  const resetAt = limit?.remaining === 0 ? limit.resetAt : undefined;
  const left = useSecondsLeft(resetAt === undefined ? 0 : (resetAt - Date.now()) / 1000, resetAt);
  if (left === 0) return null;
  return (
    <p class="muted" data-testid="rate-limit-wait">
      {t('rateLimitResetIn', formatNumber(left))}
    </p>
  );
}
