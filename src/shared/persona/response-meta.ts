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

/**
 * Product quotas (object creation, e.g. inquiries per minute) come in their own headers,
 * `Quota-Limit`, `Quota-Remaining`, `Quota-Reset`, beside the rate limit
 * (https://docs.withpersona.com/rate-limiting). Same shape as {@link RateLimit}.
 */
export type Quota = RateLimit;

export interface ResponseMeta {
  status: number;
  requestId?: string;
  environmentId?: string;
  organizationId?: string;
  rateLimit?: RateLimit;
  quota?: Quota;
  /** Persona's clock when it answered (`Date`, whole seconds), in ms since the epoch. */
  date?: number;
}

/** The answer of a client method: the parsed data and what the headers said. */
export interface PersonaResult<T> {
  data: T;
  meta: ResponseMeta;
}

/** The ids an answer names, by the header that carries each. */
const idHeaders = {
  requestId: 'request-id',
  environmentId: 'persona-environment-id',
  organizationId: 'persona-organization-id',
} as const;

export function readResponseMeta(status: number, headers: Headers): ResponseMeta {
  const meta: ResponseMeta = { status };
  for (const [field, header] of Object.entries(idHeaders)) {
    const value = headers.get(header);
    if (value) meta[field as keyof typeof idHeaders] = value;
  }
  const rateLimit = readWindow(headers, 'ratelimit');
  if (rateLimit) meta.rateLimit = rateLimit;
  const quota = readWindow(headers, 'quota');
  if (quota) meta.quota = quota;
  const date = Date.parse(headers.get('date') ?? '');
  if (date > 0) meta.date = date;
  return meta;
}

/** Each field of a window, by the header (after its prefix) that carries it. */
const windowHeaders = { limit: 'limit', remaining: 'remaining', resetSeconds: 'reset' } as const;

function readWindow(headers: Headers, prefix: string): RateLimit | undefined {
  const window: RateLimit = {};
  for (const [field, header] of Object.entries(windowHeaders)) {
    const count = readCount(headers.get(`${prefix}-${header}`));
    if (count !== undefined) window[field as keyof RateLimit] = count;
  }
  return Object.keys(window).length > 0 ? window : undefined;
}

/**
 * A 429 (or 403: Persona's errors page lists quota there) that is about a product quota, not the
 * rate limit: Persona's title says so, or the quota headers show nothing left.
 */
export function isQuotaAnswer(meta: ResponseMeta, title: string | undefined): boolean {
  if (meta.status !== 429 && meta.status !== 403) return false;
  if (title !== undefined && /quota/i.test(title)) return true;
  return meta.status === 429 && meta.quota?.remaining === 0;
}

/**
 * Persona suggests throttling once fewer than 15 % of the window's requests remain
 * (https://docs.withpersona.com/rate-limiting).
 */
export function isRateLimitLow(rateLimit: RateLimit | undefined): boolean {
  if (rateLimit?.limit === undefined || rateLimit.remaining === undefined) return false;
  return rateLimit.remaining < rateLimit.limit * 0.15;
}

function readCount(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
