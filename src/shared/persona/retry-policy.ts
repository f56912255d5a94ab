// When and how long to wait before trying a request again. Persona recommends exponential
// backoff and honouring `RateLimit-Reset` (no `Retry-After` is documented)
// (https://docs.withpersona.com/rate-limiting). A 5xx result is indeterminate
// (https://docs.withpersona.com/errors): GETs are safe to repeat, and a POST only with the same
// `Idempotency-Key`, which makes Persona replay the first result instead of acting twice
// (https://docs.withpersona.com/idempotence). PATCH and DELETE are not repeated after a 5xx or
// a lost connection; a 429 is repeated for every method, as rate limiting runs before anything.

export interface RetryPolicy {
  /** Extra attempts after a lost connection or a 5xx (GET and POST only). */
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

export function isRepeatable(method: HttpMethod): boolean {
  return method === 'GET' || method === 'POST';
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
