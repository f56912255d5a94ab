// When and how long to wait before trying a request again. Persona recommends exponential
// backoff and honouring `RateLimit-Reset` (no `Retry-After` is documented)
// (https://docs.withpersona.com/rate-limiting). A 5xx result is indeterminate
// (https://docs.withpersona.com/errors): GETs are safe to repeat. Persona stores the first answer
// to an `Idempotency-Key`, 500 errors included, and replays it for 24 hours
// (https://docs.withpersona.com/idempotence), so a POST is repeated with the same key only when no
// answer came at all (lost connection); after a 5xx answer the same key would only replay the
// 5xx, and the caller decides (look the object up, or try again with a new key). PATCH and DELETE
// are never repeated; a 429 is repeated for every method, as rate limiting runs before anything.

export interface RetryPolicy {
  /** Extra attempts after a lost connection (GET and POST) or a 5xx (GET only). */
  maxRetries: number;
  /** Extra attempts after a 429. */
  maxRateLimitRetries: number;
  /** Longest wait for a rate-limit window; a longer one is reported to the caller instead. */
  maxRateLimitWaitMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 3,
  maxRateLimitRetries: 2,
  maxRateLimitWaitMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** After a lost connection: no answer came, so the same request (and key) may go again. */
export function isRepeatable(method: HttpMethod): boolean {
  return method === 'GET' || method === 'POST';
}

/** After a 5xx answer: only reads. A POST's key now holds that answer (see above). */
export function isRepeatableAfterServerError(method: HttpMethod): boolean {
  return method === 'GET';
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so clients that
 * failed together do not all come back together, yet every retry waits a little.
 * `retry` counts from 1.
 */
export function backoffDelay(retry: number, random: () => number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * How long to wait after a 429: until `RateLimit-Reset` plus up to a quarter second of jitter, or
 * backoff from 5 s when Persona sent no reset. `undefined` when the wait would exceed the cap.
 */
export function rateLimitDelay(
  resetSeconds: number | undefined,
  retry: number,
  random: () => number,
  policy: RetryPolicy,
): number | undefined {
  const base = resetSeconds === undefined ? 5_000 * 2 ** (retry - 1) : resetSeconds * 1000;
  if (base > policy.maxRateLimitWaitMs) return undefined;
  return Math.min(policy.maxRateLimitWaitMs, Math.round(base + random() * 250));
}
