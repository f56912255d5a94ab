// What every Persona answer says about itself in its headers (OAS 2025-12-08/components/headers):
// `Request-Id` for support tickets, the environment and organisation the key belongs to, and the
// rate-limit window, which is shared with the customer's own backend
// (https://docs.withpersona.com/rate-limiting), so callers should slow down when it runs low.

export interface RateLimit {
  limit?: number;
  remaining?: number;
  /** Seconds until the window resets (`RateLimit-Reset`). */
  resetSeconds?: number;
}

export interface ResponseMeta {
  status: number;
  requestId?: string;
  environmentId?: string;
  organizationId?: string;
  rateLimit?: RateLimit;
}

/** The answer of a client method: the parsed data and what the headers said. */
export interface PersonaResult<T> {
  data: T;
  meta: ResponseMeta;
}

export function readResponseMeta(status: number, headers: Headers): ResponseMeta {
  const meta: ResponseMeta = { status };
  const requestId = headers.get('request-id');
  const environmentId = headers.get('persona-environment-id');
  const organizationId = headers.get('persona-organization-id');
  if (requestId) meta.requestId = requestId;
  if (environmentId) meta.environmentId = environmentId;
  if (organizationId) meta.organizationId = organizationId;
  const rateLimit: RateLimit = {};
  const limit = readCount(headers.get('ratelimit-limit'));
  const remaining = readCount(headers.get('ratelimit-remaining'));
  const resetSeconds = readCount(headers.get('ratelimit-reset'));
  if (limit !== undefined) rateLimit.limit = limit;
  if (remaining !== undefined) rateLimit.remaining = remaining;
  if (resetSeconds !== undefined) rateLimit.resetSeconds = resetSeconds;
  if (Object.keys(rateLimit).length > 0) meta.rateLimit = rateLimit;
  return meta;
}

/** The newer answer's values, keeping older ones the newer answer did not carry. */
export function mergeResponseMeta(previous: ResponseMeta | undefined, next: ResponseMeta) {
  return { ...previous, ...next, rateLimit: next.rateLimit ?? previous?.rateLimit };
}

/**
 * Persona suggests throttling once fewer than 15 % of the window's requests remain
 * (https://docs.withpersona.com/rate-limiting).
 */
export function isRateLimitLow(rateLimit: RateLimit | undefined, share = 0.15): boolean {
  if (rateLimit?.limit === undefined || rateLimit.remaining === undefined) return false;
  return rateLimit.remaining < rateLimit.limit * share;
}

function readCount(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
