// Persona's failures as one DeskError each, with a message that says what happened and what to
// do (docs/architecture.md#errors; codes from https://docs.withpersona.com/errors). Persona's own
// title, details and `source.pointer` travel alongside. The API key never goes into an error:
// messages are built here, and Persona's own text is scrubbed of the key in case it echoes it.
import { DeskError, type ErrorInfo, type ErrorKind } from '../errors.ts';
import { maskKey } from './api-key.ts';
import { isQuotaAnswer, type ResponseMeta } from './response-meta.ts';
import { errorBody, parseBody } from './schemas.ts';

export interface ErrorContext {
  /** The request path, used to name what was not found. */
  path: string;
  method: string;
  apiKey: string;
  timeoutMs: number;
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
  if (kind === 'rate_limited' && meta.rateLimit?.resetSeconds !== undefined) {
    info.retryAfterSeconds = meta.rateLimit.resetSeconds;
  }
  if (kind === 'quota_exceeded' && meta.quota?.resetSeconds !== undefined) {
    info.retryAfterSeconds = meta.quota.resetSeconds;
  }
  info.message = describe(info, context);
  return new DeskError(info);
}

export function errorFromFailure(kind: 'network' | 'timeout' | 'redirect', context: ErrorContext) {
  if (kind === 'redirect') {
    // Persona's API does not redirect; one that does is not Persona, or is being tampered with.
    return new DeskError({
      kind: 'refused',
      message:
        'The API answered with a redirect to another address. Inquiry Desk never follows one, so nothing was sent there. Check the API base URL in the options.',
    });
  }
  return new DeskError({ kind, message: describe({ kind, message: '' }, context) });
}

export function badResponseError(meta: ResponseMeta | undefined, context: ErrorContext) {
  const info: ErrorInfo = { kind: 'bad_response', message: '' };
  if (meta) info.status = meta.status;
  if (meta?.requestId) info.requestId = meta.requestId;
  info.message = describe(info, context);
  return new DeskError(info);
}

function describe(info: ErrorInfo, context: ErrorContext): string {
  const persona = [info.title, info.details].filter(Boolean).join(': ');
  const says = persona ? ` Persona says: "${persona}".` : '';
  switch (info.kind) {
    case 'unauthorized':
      return 'Persona did not accept the API key: it is mistyped, revoked or expired. Check the key in the options.';
    case 'forbidden':
      return `Persona refused this request: the API key lacks a permission, a quota is used up, or this network's IP address is not on the key's allow-list.${says} Check the key's permissions and allow-list in the Persona dashboard.`;
    case 'not_found':
      return notFound(context.path);
    case 'conflict':
      return `Persona refused because of the inquiry's current state.${says} Refresh the inquiry and try again if it still makes sense.`;
    case 'invalid': {
      const at = info.pointer ? ` (at ${info.pointer})` : '';
      return `Persona rejected the request${at}.${says} Correct the value and try again.`;
    }
    case 'rate_limited': {
      const wait =
        info.retryAfterSeconds === undefined ? 'a minute' : `${info.retryAfterSeconds} seconds`;
      return `Persona's rate limit is reached. Wait ${wait} and try again; Inquiry Desk slows down its checks meanwhile.`;
    }
    case 'quota_exceeded': {
      const what =
        context.method === 'POST' && /\/inquiries\/?$/.test(context.path)
          ? 'creating inquiries'
          : 'this kind of request';
      const reset =
        info.retryAfterSeconds === undefined
          ? 'when its period ends'
          : `in ${info.retryAfterSeconds} s`;
      return `Persona's quota for ${what} is used up; it resets ${reset}. This is your organisation's quota, not the rate limit: ask your Persona admin if it keeps happening.`;
    }
    case 'server':
      return context.method === 'GET'
        ? `Persona had a server problem (${info.status}). Try again in a moment.`
        : `Persona had a server problem (${info.status}), so the action may or may not have happened. Refresh the inquiry before trying again.`;
    case 'network':
      return 'Inquiry Desk could not reach Persona. Check the internet connection and try again.';
    case 'timeout':
      return `Persona did not answer within ${duration(context.timeoutMs)}. Try again in a moment.`;
    default:
      return 'Persona sent an answer Inquiry Desk could not read. Try again; if it keeps happening, report the request id to Persona support.';
  }
}

function notFound(path: string): string {
  if (path.includes('/inquiries')) {
    return 'Persona has no such inquiry for this API key. Check the inq_… id, and that the key is for the same environment (sandbox or production).';
  }
  if (path.includes('/verifications')) {
    return 'Persona has no such verification for this API key. Check the ver_… id.';
  }
  return 'Persona does not know this address. Check the API base URL in the options.';
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
