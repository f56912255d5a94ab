// Persona's failures as one DeskError each, with a message that says what happened and what to
// do (docs/architecture.md#errors; codes from https://docs.withpersona.com/errors). Persona's own
// title, details and `source.pointer` travel alongside. The API key never goes into an error:
// messages are built here, and Persona's own text is scrubbed of the key in case it echoes it.

import { DeskError, deskError, type ErrorInfo, type ErrorKind } from '../errors.ts';
import { formatNumber } from '../format.ts';
import { t } from '../i18n.ts';
import { maskKey } from './api-key.ts';
import { isLoopbackBaseUrl } from './api-origin.ts';
import { isQuotaAnswer, type ResponseMeta } from './response-meta.ts';
import { errorBody, parseBody } from './schemas.ts';

export interface ErrorContext {
  /** The request path, used to name what was not found. */
  path: string;
  method: string;
  apiKey: string;
  timeoutMs: number;
  /** Where the request went; a loopback one is the local sandbox, not Persona. */
  origin?: string;
}

export function kindOfStatus(status: number): ErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'invalid';
  return 'bad_response';
}

export function errorFromResponse(body: unknown, meta: ResponseMeta, context: ErrorContext) {
  const first = parseBody(errorBody, body)?.errors[0];
  const scrub = (text: string | undefined) =>
    text && context.apiKey
      ? text.split(context.apiKey).join(maskKey(context.apiKey)).slice(0, 500)
      : text;
  const title = scrub(first?.title);
  const details = scrub(first?.details ?? first?.detail);
  const pointer = scrub(first?.source.pointer ?? first?.source.parameter);
  const kind = isQuotaAnswer(meta, first?.title) ? 'quota_exceeded' : kindOfStatus(meta.status);
  const info: ErrorInfo = { kind, message: '', status: meta.status };
  if (meta.requestId) info.requestId = meta.requestId;
  if (title) info.title = title;
  if (details) info.details = details;
  if (pointer) info.pointer = pointer;
  // The wait a 429 names: the rate limit's window, or the quota's.
  const reset =
    kind === 'rate_limited' ? meta.rateLimit : kind === 'quota_exceeded' ? meta.quota : undefined;
  if (reset?.resetSeconds !== undefined) info.retryAfterSeconds = reset.resetSeconds;
  return described(info, context);
}

export function errorFromFailure(kind: 'network' | 'timeout' | 'redirect', context: ErrorContext) {
  if (kind === 'redirect') {
    // Persona's API does not redirect; one that does is not Persona, or is being tampered with.
    return deskError('refused', 'errRedirect');
  }
  return described({ kind, message: '' }, context);
}

export function badResponseError(meta: ResponseMeta | undefined, context: ErrorContext) {
  const info: ErrorInfo = { kind: 'bad_response', message: '' };
  if (meta) info.status = meta.status;
  if (meta?.requestId) info.requestId = meta.requestId;
  return described(info, context);
}

/** The error `info` makes, with its message written from it. */
function described(info: ErrorInfo, context: ErrorContext): DeskError {
  info.message = describe(info, context);
  return new DeskError(info);
}

function describe(info: ErrorInfo, context: ErrorContext): string {
  const persona = [info.title, info.details].filter(Boolean).join(': ');
  const says = persona ? ` ${t('personaSays', persona)}` : '';
  switch (info.kind) {
    case 'unauthorized':
      return t('errUnauthorized');
    case 'forbidden':
      // Persona's reason, where it gives one, rather than three guesses before it: "API key does
      // not have the inquiry.write permission". A bare title does not.
      return t(info.details ? 'errForbiddenSays' : 'errForbidden', says);
    case 'not_found':
      return t(context.path.includes('/inquiries') ? 'errNoInquiry' : 'errNoAddress');
    case 'conflict':
      return t('errConflict', says);
    case 'invalid':
      return info.pointer ? t('errInvalidAt', info.pointer, says) : t('errInvalid', says);
    case 'rate_limited':
      return info.retryAfterSeconds === undefined
        ? t('errRateLimitedMinute')
        : t('errRateLimited', formatNumber(info.retryAfterSeconds));
    case 'quota_exceeded': {
      const creating = context.method === 'POST' && /\/inquiries\/?$/.test(context.path);
      const seconds = info.retryAfterSeconds;
      if (seconds === undefined) return t(creating ? 'errQuotaCreate' : 'errQuota');
      return t(creating ? 'errQuotaCreateIn' : 'errQuotaIn', formatNumber(seconds));
    }
    case 'server':
      return t(context.method === 'GET' ? 'errServerRead' : 'errServerWrite', String(info.status));
    case 'network':
      return context.origin && isLoopbackBaseUrl(context.origin)
        ? t('errNetworkLocal', context.origin)
        : t('errNetwork');
    case 'timeout':
      return t('errTimeout', duration(context.timeoutMs));
    default:
      return t('errBadResponse');
  }
}

/** "300 ms", "1 second", "15 seconds": a wait or a timeout in words. */
export function duration(ms: number): string {
  if (ms < 1000) return t('durationMs', formatNumber(ms));
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? t('durationSecond') : t('durationSeconds', formatNumber(seconds));
}
