// One Persona request with everything every call needs: the fixed headers
// (docs/architecture.md#persona-calls), a timeout per attempt, retries (retry-policy.ts) and the
// response headers recorded. `fetch`, `sleep` and `random` are injected so the same code runs in
// the service worker, in Node and in fast, deterministic tests. Nothing here logs, and the key is
// only ever put in the `Authorization` header of requests to the configured base URL's origin.
import { deskError } from '../errors.ts';
import { type Exchange, ExchangeFailure, fetchWithTimeout } from './fetch-with-timeout.ts';
import { badResponseError, errorFromFailure, errorFromResponse } from './persona-error.ts';
import { type ResponseMeta, readResponseMeta } from './response-meta.ts';
import {
  backoffDelay,
  type HttpMethod,
  isRepeatable,
  isRepeatableAfterServerError,
  rateLimitDelay,
} from './retry-policy.ts';
import { parseBody } from './schemas.ts';
import type { Reader } from './tolerant.ts';
import { resolveOptions, type TransportOptions } from './transport-options.ts';

/** The pinned API version: shapes cannot change under us (docs/persona.md#version-pinning). */
export const PERSONA_VERSION = '2025-12-08';

export interface RequestSpec {
  method: HttpMethod;
  /** A full URL on the base URL's origin (see query.ts). */
  url: string;
  body?: unknown;
  idempotencyKey?: string;
  /** Another media type than JSON (the print's PDF): a successful answer's body is its bytes. */
  accept?: string;
}

export interface RawResult {
  body: unknown;
  meta: ResponseMeta;
}

const unreadable = Symbol('unreadable');

export function createTransport(options: TransportOptions) {
  const settings = resolveOptions(options);
  const { apiKey, retry: policy, random, timeoutMs } = settings;

  const contextOf = (spec: RequestSpec) => ({
    path: new URL(spec.url).pathname,
    method: spec.method,
    apiKey,
    timeoutMs,
    origin: new URL(spec.url).origin,
  });

  async function send(spec: RequestSpec): Promise<RawResult> {
    if (new URL(spec.url).origin !== settings.origin) {
      throw deskError('refused', 'keyOtherHost');
    }
    const headers: Record<string, string> = {
      Accept: spec.accept ?? 'application/json',
      Authorization: `Bearer ${apiKey}`,
      'Persona-Version': PERSONA_VERSION,
      'Key-Inflection': 'kebab',
    };
    // One key for every attempt of this call, so a POST repeated after a lost connection is
    // applied at most once. Never repeated after a 5xx answer: Persona would replay that answer.
    if (spec.method === 'POST') {
      headers['Idempotency-Key'] = spec.idempotencyKey ?? settings.createIdempotencyKey();
    }
    const init: RequestInit = { method: spec.method, headers };
    if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(spec.body);
    }
    let retries = 0;
    let rateLimitRetries = 0;
    const backOff = async () => {
      retries += 1;
      await settings.sleep(backoffDelay(retries, random, policy));
    };
    for (;;) {
      let exchange: Exchange;
      try {
        exchange = await fetchWithTimeout(settings.fetch, spec.url, init, timeoutMs);
      } catch (error) {
        const kind = error instanceof ExchangeFailure ? error.kind : 'network';
        // A timed-out call is not repeated: the reviewer would wait several timeouts in a row.
        if (kind === 'network' && isRepeatable(spec.method) && retries < policy.maxRetries) {
          await backOff();
          continue;
        }
        throw errorFromFailure(kind, contextOf(spec));
      }
      const { response, bytes } = exchange;
      const meta = readResponseMeta(response.status, response.headers);
      try {
        settings.onResponse?.(meta);
      } catch {
        // A failing listener must not fail the request it listens to.
      }
      if (response.ok && spec.accept) return { body: bytes, meta };
      const body = readJson(new TextDecoder().decode(bytes));
      if (response.ok) {
        if (body === unreadable) throw badResponseError(meta, contextOf(spec));
        return { body, meta };
      }
      // Made before the retries are weighed, since its kind tells a quota's 429 from the rate
      // limit's, as the body's title and the headers say; thrown once no retry is left.
      const error = errorFromResponse(
        body === unreadable ? undefined : body,
        meta,
        contextOf(spec),
      );
      // A used-up quota lasts its whole period (often a minute or more): report it at once
      // rather than spin; only the rate limit is waited out here.
      if (
        response.status === 429 &&
        error.info.kind !== 'quota_exceeded' &&
        rateLimitRetries < policy.maxRateLimitRetries
      ) {
        const reset = meta.rateLimit?.resetSeconds;
        const wait = rateLimitDelay(reset, rateLimitRetries + 1, random, policy);
        if (wait !== undefined) {
          rateLimitRetries += 1;
          await settings.sleep(wait);
          continue;
        }
      }
      if (
        response.status >= 500 &&
        isRepeatableAfterServerError(spec.method) &&
        retries < policy.maxRetries
      ) {
        await backOff();
        continue;
      }
      throw error;
    }
  }

  return {
    baseUrl: settings.baseUrl,
    now: settings.now,
    newIdempotencyKey: settings.createIdempotencyKey,
    send,
    /**
     * Sends `spec` and reads the answer's body with `read`; a `bad_response` error when it lacks
     * the shape. The document, and the answer's meta.
     */
    async readDocument<T>(
      read: Reader<T>,
      spec: RequestSpec,
    ): Promise<{ document: T; meta: ResponseMeta }> {
      const { body, meta } = await send(spec);
      const document = parseBody(read, body);
      if (document === undefined) throw badResponseError(meta, contextOf(spec));
      return { document, meta };
    },
  };
}

export type Transport = ReturnType<typeof createTransport>;

function readJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return unreadable;
  }
}
