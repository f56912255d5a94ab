import type { MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './env.ts';
import { PersonaError } from './errors.ts';
import type { RateLimiter, RateLimitState } from './rate-limit.ts';
import type { SandboxRuntime } from './runtime.ts';

/**
 * Persona's product quotas limit object creation per minute per environment, apart from the
 * request rate limit (docs.withpersona.com/rate-limiting gives 150 inquiry creations a minute as
 * an example). The sandbox's default is generous so ordinary tests never meet it.
 */
export const DEFAULT_INQUIRY_QUOTA = 1_000;

const CREATE_INQUIRY = '/api/v1/inquiries';

/**
 * Over the quota: 429 "Quota exceeded" (a guess between Persona's two pages: the rate-limiting
 * page says 429, the errors table says 403). The details follow the OAS 429 example
 * "You have hit your create_verification quota limit of 300 requests. …".
 */
export const quotaExceeded = (limit: number) =>
  new PersonaError(429, [
    {
      title: 'Quota exceeded',
      details: `You have hit your create_inquiry quota limit of ${limit} requests. Please reach out to support@withpersona.com if you need this changed.`,
    },
  ]);

export function setQuotaHeaders(
  c: { header: (name: string, value: string) => void },
  state: RateLimitState,
): void {
  c.header('Quota-Limit', String(state.limit));
  c.header('Quota-Remaining', String(state.remaining));
  c.header('Quota-Reset', String(state.resetSeconds));
}

/**
 * The inquiry-creation quota on `POST /inquiries`: every create that passes the rate limit and the
 * key's permissions counts (replays of an Idempotency-Key too, since quotas, like rate limits, run
 * before the idempotency layer: a guess) and its answer carries `Quota-Limit`, `Quota-Remaining`
 * and `Quota-Reset` besides the `RateLimit-*` headers. A quota 429 is never stored for replay.
 */
export function inquiryQuota(runtime: SandboxRuntime): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST' || new URL(c.req.url).pathname !== CREATE_INQUIRY) return next();
    const quota: RateLimiter = runtime.inquiryQuota;
    const now = runtime.clock.now();
    const settings = runtime.faults.settings;
    if (settings.nextQuota429 > 0) {
      settings.nextQuota429 -= 1;
      const state = quota.peek(now);
      setQuotaHeaders(c, { ...state, remaining: 0 });
      throw quotaExceeded(state.limit);
    }
    const state = quota.hit(now);
    setQuotaHeaders(c, state);
    if (!state.allowed) throw quotaExceeded(state.limit);
    await next();
  };
}
