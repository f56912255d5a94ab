// The settings of a Persona client, checked once: a key that cannot travel in a header or a base
// URL outside Persona and loopback stops the client before any request
// (docs/architecture.md#persona-calls).
import { DeskError, deskError } from '../errors.ts';
import { isHeaderSafeKey } from './api-key.ts';
import { checkBaseUrl, keyBaseUrlProblem } from './base-url.ts';
import type { FetchLike } from './fetch-with-timeout.ts';
import type { ResponseMeta } from './response-meta.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.ts';

export interface TransportOptions {
  apiKey: string;
  /** Checked with checkBaseUrl(); default https://api.withpersona.com/api/v1. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Per attempt, including reading the body. Default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Wall clock in ms, for link expiries. Default Date.now. */
  now?: () => number;
  createIdempotencyKey?: () => string;
  /** Every HTTP answer, retried attempts included (its `rateLimit`, so callers can slow down). */
  onResponse?: (meta: ResponseMeta) => void;
}

export type ResolvedOptions = Required<Omit<TransportOptions, 'onResponse'>> &
  Pick<TransportOptions, 'onResponse'> & { retry: RetryPolicy; origin: string };

export function resolveOptions(options: TransportOptions): ResolvedOptions {
  const apiKey = options.apiKey.trim();
  if (apiKey === '') {
    throw deskError('no_key', 'keyMissingOptions');
  }
  if (!isHeaderSafeKey(apiKey)) {
    throw deskError('unauthorized', 'keyOddCharactersOptions');
  }
  // An empty base URL is the default one.
  const base = checkBaseUrl(options.baseUrl ?? '');
  if (!base.ok) throw new DeskError({ kind: 'refused', message: base.reason });
  const mismatch = keyBaseUrlProblem(apiKey, base.baseUrl);
  if (mismatch) throw new DeskError({ kind: 'refused', message: mismatch });
  return {
    ...options,
    apiKey,
    baseUrl: base.baseUrl,
    origin: new URL(base.baseUrl).origin,
    // Called through a closure: a bare `fetch` called as a method throws "Illegal invocation".
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    timeoutMs: options.timeoutMs ?? 15_000,
    retry: { ...defaultRetryPolicy, ...options.retry },
    sleep: options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    createIdempotencyKey: options.createIdempotencyKey ?? (() => crypto.randomUUID()),
  };
}
